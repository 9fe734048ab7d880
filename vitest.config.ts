import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './tests/e2e/support/sequencer.ts';

export default defineConfig({
  test: {
    // Both cores for unit files (Vitest's default leaves one idle on a 2-core machine).
    maxWorkers: 2,
    // The longest e2e files start first (two at a time, none left to run alone at the end).
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // A test that fails once has failed: no retries to hide a flake.
          retry: 0,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.ts'],
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          // Two files at a time (maxWorkers above), each with its own browser. The global setup
          // optimises Vite's dependencies once first (support/warm-vite.ts): two editor dev
          // servers in a fresh checkout would otherwise optimise them together and reload their
          // pages mid-test. The tests of a file in order.
          fileParallelism: true,
          sequence: { concurrent: false },
          // No retries: a flaky test is a bug to fix, not a run to repeat.
          retry: 0,
          // Tests wait on conditions, never on time, so these are only ceilings for a slow,
          // shared machine (WebGL runs on the CPU): a software-rendered visit takes ~30 s.
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // expect.poll waits on a condition (a scene title, a request): 1 s by default is less
          // than a scene change can take with software WebGL.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
