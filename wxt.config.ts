import { defineConfig } from 'wxt';

/** Every http(s) page: the host permissions, and where the content script runs. */
const PAGES = ['http://*/*', 'https://*/*'];

// See README "Permissions" for why each one is needed.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // A bench build (VITE_CW_BENCH=1, made by `npm run bench -- detection`) times the gate inside the
  // content script; it goes to its own folder so it never replaces the build the tests load.
  outDir: process.env.VITE_CW_BENCH ? '.output-bench' : '.output',
  // `npm run zip`: the store packages and, for AMO, the source archive its reviewers rebuild the Firefox
  // package from (`npm ci && npm run build:firefox`). WXT already leaves out node_modules, dot-folders
  // (.output, .wxt, .git) and test files; these are the other things a run leaves in the checkout.
  zip: {
    excludeSources: ['dist/**', 'test-results/**', 'demo-output/**', 'bench-output/**', '*.tgz', '*.zip'],
  },
  manifest: ({ browser }) => ({
    // Localised by the browser from public/_locales (en, de, fr, es; at most 132 characters, the Chrome Web
    // Store's limit); the words of the pages themselves come from lib/core/explain.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'alarms',
      'scripting',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    optional_permissions: ['notifications'],
    host_permissions: [...PAGES],
    // The script every page runs (entrypoints/page-watch.ts): an unlisted script declared here, not a WXT
    // content script, whose ContentScriptContext dispatches DOM events a page can hear and forge.
    content_scripts: [{ matches: [...PAGES], js: ['page-watch.js'], run_at: 'document_idle', all_frames: false }],
    action: { default_title: 'Clausewatch' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'clausewatch@clausewatch.example',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
