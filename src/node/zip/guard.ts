/**
 * The caps checked while the bytes come out, whatever the zip's headers said: each chunk is
 * counted, and the stream is stopped with the problem as soon as an entry, the whole zip or
 * the compression ratio passes its cap. (yauzl also checks each entry against its declared
 * size; this does not depend on it.)
 */
import { Transform, type TransformCallback } from 'node:stream';
import { problem } from '../../core/manifest/problems.ts';
import type { Problem } from '../../core/result.ts';
import type { ZipLimits } from '../../core/media/zip-rules.ts';

/** A stream stopped on purpose: the problems say why. */
export class ZipRefusal extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem | Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list[0]?.message.en ?? 'zip refused');
    this.name = 'ZipRefusal';
    this.problems = list;
  }
}

/** Bytes unpacked so far from one zip, shared by the guards of its entries. */
export interface UnpackedTotal {
  bytes: number;
}

export interface GuardedEntry {
  name: string;
  compressedSize: number;
}

/** A pass-through that counts and refuses past the caps (`file` names the zip in problems). */
export function byteGuard(
  entry: GuardedEntry,
  limits: ZipLimits,
  total: UnpackedTotal,
  file: string,
): Transform {
  let bytes = 0;
  const refuse = (p: Problem, done: TransformCallback) => done(new ZipRefusal(p));
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      total.bytes += chunk.length;
      const { name } = entry;
      if (bytes > limits.maxEntryBytes) {
        return refuse(
          problem('zip-entry-too-big', { name, limit: limits.maxEntryBytes }, file),
          done,
        );
      }
      if (total.bytes > limits.maxTotalBytes) {
        return refuse(problem('zip-too-big', { limit: limits.maxTotalBytes }, file), done);
      }
      if (bytes > limits.ratioFromBytes && bytes > limits.maxRatio * entry.compressedSize) {
        return refuse(problem('zip-ratio', { name, limit: limits.maxRatio }, file), done);
      }
      done(null, chunk);
    },
  });
}
