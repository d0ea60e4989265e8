import { defineConfig } from 'wxt';

// See README "Permissions" for why each one is needed.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  manifest: ({ browser }) => ({
    name: 'Clausewatch',
    description:
      'Notices when a privacy policy changes and explains what changed: new data sharing, AI training and more. Nothing leaves your browser.',
    permissions: [
      'storage',
      'alarms',
      'scripting',
      ...(browser === 'firefox' ? [] : ['offscreen']),
    ],
    optional_permissions: ['notifications'],
    host_permissions: ['http://*/*', 'https://*/*'],
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
