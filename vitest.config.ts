import { defineConfig } from 'vitest/config';

// Core, integration and end-to-end suites run under Node against real ports, files and processes;
// renderer component tests run in jsdom. Integration tests start servers and child processes, so
// files run one at a time per worker and get generous timeouts (waiting is on conditions, never sleeps).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['test/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 60_000 },
      },
      {
        extends: true,
        test: { name: 'renderer', include: ['renderer/**/*.test.tsx', 'renderer/**/*.test.ts'], environment: 'jsdom' },
      },
    ],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
