import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import regexp from 'eslint-plugin-regexp';

const BROWSER_API = { group: ['wxt/*', '#imports', '@webext-core/*', 'webextension-polyfill'], message: 'No browser extension API here.' };
const NOT_FROM_LIB = {
  group: ['**/utils/*', '@/utils/*', '**/components/*', '@/components/*', '**/entrypoints/*', '@/entrypoints/*', '**/cli/*', '@/cli/*'],
  message: 'lib/ imports nothing of the extension (utils, entrypoints), the UI (components) or the CLI.',
};
const NOT_FROM_CORE = { group: ['**/store', '**/store/*', '@/lib/store', '@/lib/store/*'], message: 'The pure core does not import the history store.' };

export default tseslint.config(
  { ignores: ['.output/**', '.output-bench/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'demo-output/**', 'bench-output/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Every regular expression is checked as written: no super-linear backtracking or moves (the ReDoS
    // meta-test, tests/meta/redos.test.ts, also checks the patterns built at run time).
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
  // The direction of imports, enforced: entry points and the extension's modules (utils/) may import
  // anything below them; the UI components (components/) import lib/ only; the CLI (cli/) imports lib/
  // only; lib/ imports none of them; and the pure core inside lib/ (engine, text, detection, extraction,
  // explanations, evidence) does not import the history store either. Test files may reach across.
  {
    files: ['lib/**/*.ts'],
    ignores: ['**/*.test.ts', 'lib/store/test-*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'browser', 'chrome', 'window', 'document', 'localStorage', 'indexedDB'],
      'no-restricted-imports': ['error', { patterns: [BROWSER_API, NOT_FROM_LIB] }],
    },
  },
  {
    files: ['lib/{engine,text,detect,extract,explain,evidence,model}/**/*.ts', 'lib/{markdown,pipeline,schema,limits,dom-tasks,url,hops}.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [BROWSER_API, NOT_FROM_LIB, NOT_FROM_CORE] }],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [BROWSER_API, { group: ['@/utils/*', '@/entrypoints/*', '@/cli/*', '../utils/*', '../entrypoints/*', '../cli/*'], message: 'Components render what they are given: no messaging, no browser API, no CLI.' }] }],
    },
  },
  {
    files: ['cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [BROWSER_API, { group: ['../utils/*', '../components/*', '../entrypoints/*', '@/utils/*', '@/components/*', '@/entrypoints/*'], message: 'The CLI runs the core and nothing of the extension.' }] }],
    },
  },
);
