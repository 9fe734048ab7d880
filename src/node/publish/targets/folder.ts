/** A local folder (a mounted share, a USB stick, a folder another tool syncs). */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PlannedFile } from '../file-plan.ts';
import { STATE_FILE } from '../state.ts';
import { type OpenResult, temporaryName } from './target.ts';

export function counting(onBytes: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      onBytes(chunk.byteLength);
      done(null, chunk);
    },
  });
}

export async function openFolder(dir: string): Promise<OpenResult> {
  await mkdir(dir, { recursive: true });
  const local = (file: string) => path.join(dir, ...file.split('/'));
  return {
    ok: true,
    session: {
      where: dir,
      readState: () => readFile(local(STATE_FILE), 'utf8').catch(() => undefined),
      async put(file: PlannedFile, onBytes) {
        const target = local(file.path);
        const temporary = path.join(path.dirname(target), temporaryName(path.basename(target)));
        await mkdir(path.dirname(target), { recursive: true });
        try {
          await pipeline(
            createReadStream(file.absolute),
            counting(onBytes),
            createWriteStream(temporary),
          );
          await rename(temporary, target);
        } catch (error) {
          await rm(temporary, { force: true });
          throw error;
        }
      },
      async writeState(text) {
        const temporary = `${local(STATE_FILE)}.upload`;
        await writeFile(temporary, text);
        await rename(temporary, local(STATE_FILE));
      },
      commit: async () => {},
      close: async () => {},
    },
  };
}
