import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import regexp from 'eslint-plugin-regexp';

// Layers: one folder each; imports go one way, down this list (eslint's no-restricted-imports, and
// no browser globals in lib/). tests/meta/imports.test.ts lints a small file in each layer to prove
// every rule bites. Test files (*.test.ts) and test support (lib/history/test-*.ts) may reach across.
//
//   entrypoints/      wiring only; may import every layer below (no rule)
//   pages/            the extension pages' top components and actions (popup, options, history); they ask
//                     the background through utils/send; import components, lib/core, lib/extension; not
//                     lib/history, entrypoints, cli
//   utils/            the extension's features, with browser APIs; may import lib/* (no rule)
//   components/       the UI; imports lib/core and lib/extension; not utils, entrypoints, cli, lib/history
//   cli/              the command line; imports lib/core and lib/history; not utils, components,
//                     entrypoints, lib/extension
//   lib/extension/    the extension's rules, pure TypeScript; imports lib/core and lib/history only
//   lib/history/      persistence (IndexedDB passed in); imports lib/core only
//   lib/core/         the pure core; imports nothing outside lib/core
//   lib/core/lang/    every word list of one language in one file; imports nothing outside itself
//
// No file in lib/ uses a browser API or a browser global; lib/core reads no clock and no randomness either.
const BROWSER_API = { group: ['wxt/*', '#imports', '@webext-core/*', 'webextension-polyfill'], message: 'No browser extension API here.' };
/** A folder, as an import names it: relative (`../history/store`) or through the alias (`@/lib/history`). */
const folders = (...names) => names.flatMap((n) => [`**/${n}`, `**/${n}/*`]);
const APPS = folders('utils', 'components', 'pages', 'entrypoints', 'cli');
const NOT_FROM_CORE = {
  group: [...folders('history', 'extension'), ...APPS],
  message: 'lib/core is the pure core: it imports nothing outside lib/core (not lib/history, lib/extension, utils, components, entrypoints or cli).',
};
const NOT_FROM_HISTORY = {
  group: [...folders('extension'), ...APPS],
  message: 'lib/history imports lib/core only (not lib/extension, utils, components, entrypoints or cli).',
};
const NOT_FROM_EXTENSION_RULES = {
  group: APPS,
  message: 'lib/extension imports lib/core and lib/history only (not utils, components, entrypoints or cli).',
};
const NOT_FROM_LANG = {
  group: ['../*', '../**', '@/*', '@/**'],
  message: 'lib/core/lang is data at the bottom of the core: it imports nothing outside its own folder.',
};
const NOT_FROM_PAGES = {
  group: folders('entrypoints', 'cli', 'history'),
  message: 'A page asks the background for its data (utils/send): it imports no history store (lib/history), no entry point, no CLI.',
};
const NOT_FROM_COMPONENTS = {
  group: folders('utils', 'pages', 'entrypoints', 'cli', 'history'),
  message: 'Components render what they are given: no messaging (utils), no entry points, no CLI, no history store (lib/history), no browser API.',
};
const NOT_FROM_CLI = {
  group: [...folders('utils', 'components', 'entrypoints', 'extension')],
  message: 'The CLI runs the core (lib/core, lib/history) and nothing of the extension (utils, components, entrypoints, lib/extension).',
};

/** Globals no file of lib/ reads: the extension's APIs and the page's (lib/history gets its IndexedDB passed in). */
const LIB_GLOBALS = ['browser', 'chrome', 'window', 'document', 'localStorage', 'indexedDB'];
const CORE = 'lib/core is the pure core: what it needs comes as an argument.';
const CLOCK = 'lib/core reads no clock and no randomness: the same input gives the same answer on any machine (bound work, not time).';
/** More globals the pure core may not read: the rest of the browser's, the network, the clock and timers. */
const CORE_GLOBALS = [
  ...['navigator', 'self', 'location', 'sessionStorage', 'caches', 'DOMParser', 'fetch', 'XMLHttpRequest', 'WebSocket'].map((name) => ({ name, message: CORE })),
  ...['performance', 'setTimeout', 'setInterval', 'requestAnimationFrame', 'requestIdleCallback'].map((name) => ({ name, message: CLOCK })),
];
const NO_CLOCK_PROPERTIES = [
  { object: 'Date', property: 'now', message: CLOCK },
  { object: 'Math', property: 'random', message: CLOCK },
  { object: 'crypto', property: 'getRandomValues', message: CLOCK },
  { object: 'crypto', property: 'randomUUID', message: CLOCK },
];

/** A layer's files (tests and test support left out) may not use a browser API nor import what `notFrom` names. */
const layer = (files, ignores, notFrom, browserApi = false) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns: browserApi ? [notFrom] : [BROWSER_API, notFrom] }] },
});

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
  // The layers (see the top of this file), enforced. Later blocks override earlier ones for a file.
  {
    files: ['lib/**/*.ts'],
    ignores: ['**/*.test.ts', 'lib/history/test-*.ts'],
    rules: { 'no-restricted-globals': ['error', ...LIB_GLOBALS] },
  },
  // The pure core, stricter: what it needs comes as arguments (a page's DOM, a fetch, a clock), and it reads
  // no clock and no randomness, so the same input gives the same answer on any machine.
  {
    files: ['lib/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...LIB_GLOBALS, ...CORE_GLOBALS],
      'no-restricted-properties': ['error', ...NO_CLOCK_PROPERTIES],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK }],
    },
  },
  layer(['lib/**/*.ts'], ['**/*.test.ts', 'lib/history/test-*.ts'], NOT_FROM_EXTENSION_RULES),
  layer(['lib/history/**/*.ts'], ['**/*.test.ts', 'lib/history/test-*.ts'], NOT_FROM_HISTORY),
  layer(['lib/core/**/*.ts'], ['**/*.test.ts'], NOT_FROM_CORE),
  layer(['components/**/*.{ts,tsx}'], ['**/*.test.{ts,tsx}'], NOT_FROM_COMPONENTS),
  // Pages run in the extension and may use its APIs (the active tab, a download, a permission prompt).
  layer(['pages/**/*.{ts,tsx}'], ['**/*.test.{ts,tsx}'], NOT_FROM_PAGES, true),
  layer(['cli/**/*.ts'], ['**/*.test.ts'], NOT_FROM_CLI),
  layer(['lib/core/lang/**/*.ts'], ['**/*.test.ts'], NOT_FROM_LANG),
);
