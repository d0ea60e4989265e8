import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'utils/**/*.test.ts', 'cli/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'pages/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts', 'tests/meta/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
