import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'utils/**/*.test.ts', 'cli/**/*.test.ts', 'components/**/*.test.{ts,tsx}', 'pages/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.ts', 'tests/meta/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Vitest's default is one worker fewer than the cores: one on CI's two cores, so the files ran one after
    // another. The slowest files mostly wait on real timers (the content script's settle times), so two
    // side by side roughly halve the suite there (169 s against 322 s on the two-core host, 7 December).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
