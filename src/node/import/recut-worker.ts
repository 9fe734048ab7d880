/**
 * The child process of recut-process.ts: receives one re-cut task, carries it out, sends back
 * the missing tiles (or the error) and exits, handing every byte back to the system.
 */
import type { RecutTask } from '../../core/import/common.ts';
import { recutPyramid } from './recut.ts';

interface Job {
  task: RecutTask;
  sourceDir: string;
  tourDir: string;
}

process.once('message', (message) => {
  const { task, sourceDir, tourDir } = message as Job;
  recutPyramid(task, sourceDir, tourDir).then(
    (missing) => process.send?.({ missing }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ error: error instanceof Error ? error.message : String(error) }, () =>
        process.exit(1),
      ),
  );
});
