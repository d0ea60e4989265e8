import { defineConfig } from 'vitest/config';

// What ships: the store zips against the README (after `npm run zip`) and the CLI's npm package, packed
// and installed into an empty folder. One file at a time: packing and installing use both cores.
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
