import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // web/src: unit tests of the web app's pure helpers (no DOM, no React).
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Modules get their ports from src/app/wire-modules.ts, as at start-up.
    setupFiles: ['test/setup/wire-modules.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: more workers only fight over them (and over PostgreSQL connections).
    maxWorkers: 2,
  },
});
