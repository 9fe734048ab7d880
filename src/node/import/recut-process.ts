/**
 * A re-cut (recut.ts) in a child process of its own. libvips' decoders leave glibc's
 * per-thread malloc arenas fragmented — measured on a 6144-px pyramid: resident memory grows
 * by about 55 MB a face and is never given back, so the importing process would end near
 * 500 MB. The child runs with MALLOC_ARENA_MAX=2 (252 MB instead of 371 MB for the same six
 * faces) and returns all of it when it exits. If the child cannot run, the re-cut runs here.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RecutTask } from '../../core/import/common.ts';
import { recutPyramid } from './recut.ts';

/** tsx's loader, by absolute address: the CLI may run from any folder. */
function tsxLoader(): string | undefined {
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  } catch {
    return undefined;
  }
}

function inChild(task: RecutTask, sourceDir: string, tourDir: string): Promise<string[]> {
  const loader = tsxLoader();
  if (!loader) return Promise.reject(new Error('tsx not found'));
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./recut-worker.ts', import.meta.url)), [], {
      execArgv: ['--import', loader],
      env: { ...process.env, MALLOC_ARENA_MAX: '2' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let answer: { missing?: string[]; error?: string } | undefined;
    child.on('message', (message) => (answer = message as typeof answer));
    child.on('error', reject);
    child.on('exit', (code) =>
      answer?.missing && code === 0
        ? resolve(answer.missing)
        : reject(new Error(answer?.error ?? `re-cut process ended with ${String(code)}`)),
    );
    child.send({ task, sourceDir, tourDir });
  });
}

/** The tiles missing from the source (left black), as recutPyramid returns them. */
export async function recut(
  task: RecutTask,
  sourceDir: string,
  tourDir: string,
): Promise<string[]> {
  // Whatever went wrong in the child (no tsx, killed, a bug), the re-cut is done here again:
  // the same work, more memory, and a real error if there is one.
  return inChild(task, sourceDir, tourDir).catch(() => recutPyramid(task, sourceDir, tourDir));
}
