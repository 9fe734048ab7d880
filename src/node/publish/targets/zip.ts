/**
 * A ready-to-upload site zip, streamed (file by file, never the whole site in memory) into
 * `<name>.partial` and renamed into place only when complete. Media are stored as they are
 * (already compressed); text is deflated. A zip is always whole: it has no publish state.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { PlannedFile } from '../file-plan.ts';
import type { OpenResult } from './target.ts';

const STORED = /\.(jpe?g|png|webp|avif|mp3|ogg|opus|m4a|webm|woff2|zip)$/i;

export async function openZip(file: string): Promise<OpenResult> {
  await mkdir(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let failed: Error | undefined;
  const finished = new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.on('finish', resolve);
  });
  finished.catch((error: Error) => {
    failed = error;
  });
  const zip = new Zip((error, chunk, final) => {
    if (error) {
      failed = error;
      out.destroy(error);
      return;
    }
    out.write(chunk);
    if (final) out.end();
  });
  return {
    ok: true,
    session: {
      where: file,
      readState: async () => undefined,
      async put(planned: PlannedFile, onBytes) {
        const entry = STORED.test(planned.path)
          ? new ZipPassThrough(planned.path)
          : new ZipDeflate(planned.path, { level: 6 });
        zip.add(entry);
        for await (const chunk of createReadStream(planned.absolute)) {
          if (failed) throw failed;
          entry.push(chunk as Buffer, false);
          onBytes((chunk as Buffer).byteLength);
          if (out.writableNeedDrain) await once(out, 'drain');
        }
        entry.push(new Uint8Array(0), true);
      },
      writeState: async () => {},
      async commit() {
        zip.end();
        await finished;
        await rename(partial, file);
      },
      async close() {
        if (!out.writableFinished) {
          zip.terminate();
          out.destroy();
        }
        await rm(partial, { force: true });
      },
    },
  };
}
