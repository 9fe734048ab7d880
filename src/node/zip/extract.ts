/**
 * Unpacks a whole zip into a new folder, or nothing: the central directory is checked first
 * (open.ts), the bytes are counted as they come out (guard.ts), each file is created new
 * (never through an existing file or link), and on any refusal or error the folder is removed.
 *
 * Callers unpack into a new temporary folder, check what came out (the tour), and only then
 * move it where it belongs: a tour folder is never half-written.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SNIFF_BYTES } from '../../core/media/index.ts';
import { hasErrors, problem } from '../../core/manifest/problems.ts';
import { failure, success, type Problem, type Result } from '../../core/result.ts';
import { ZipRefusal } from './guard.ts';
import type { ZipLimits } from '../../core/media/zip-rules.ts';
import { openZip, type OpenZipOptions, type ZipEntryInfo } from './open.ts';

/**
 * Looks at the first bytes of each file before any of it is written: `head` is its first
 * `SNIFF_BYTES` (all of it when `complete`). Problems of severity "error" refuse the zip.
 * For a tour: `(name, head, complete) => name === 'tour.json' ? [] :
 * checkMedia(name, head, { partial: !complete }).problems`.
 */
export type InspectEntry = (
  name: string,
  head: Uint8Array,
  complete: boolean,
) => readonly Problem[];

export interface ExtractOptions extends OpenZipOptions {
  inspect?: InspectEntry;
}

export interface ExtractedZip {
  /** The folder the zip was unpacked into (as given). */
  dir: string;
  /** The files written, by their names in the zip, in the zip's order. */
  files: string[];
  /** Bytes written. */
  bytes: number;
}

/**
 * Unpacks `zip` into `destDir`, which must not exist yet (its parents are made if needed).
 * On failure nothing is left: `destDir` is removed with whatever was written, and so are the
 * parents made for it.
 */
export async function extractZip(
  zip: string,
  destDir: string,
  limits: Partial<ZipLimits> = {},
  options: ExtractOptions = {},
): Promise<Result<ExtractedZip>> {
  const opened = await openZip(zip, limits, options);
  if (!opened.ok) return opened;
  const { file, entries, openEntry, close } = opened.value;
  const root = resolve(destDir);

  /** The first folder made here, removed on failure (with `root` inside it). */
  let made = root;
  try {
    made = (await mkdir(dirname(root), { recursive: true })) ?? root;
    await mkdir(root);
  } catch (error) {
    if (made !== root) await rm(made, { recursive: true, force: true });
    close();
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EEXIST'
      ? failure(problem('zip-destination-exists', { dir: destDir }, file))
      : failure(problem('write-failed', { detail: code ?? 'error' }, file));
  }

  const written: string[] = [];
  let bytes = 0;
  try {
    for (const entry of entries) {
      const target = targetPath(root, entry);
      if (entry.isFolder) {
        await mkdir(target, { recursive: true });
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      const source = await openEntry(entry);
      const stages: NodeJS.ReadWriteStream[] = options.inspect
        ? [headCheck(entry.name, options.inspect)]
        : [];
      // 'wx': a new file, never an existing one nor a link planted where it should go.
      await pipeline([source, ...stages, createWriteStream(target, { flags: 'wx' })]);
      written.push(entry.name);
      bytes += entry.size;
    }
  } catch (error) {
    close();
    await rm(made, { recursive: true, force: true });
    if (error instanceof ZipRefusal) return failure(error.problems);
    const code = (error as NodeJS.ErrnoException).code;
    // Only the error's code: a message would carry absolute paths into replies.
    return failure(problem('write-failed', { detail: code ?? 'error' }, file));
  }
  close();
  return success({ dir: destDir, files: written, bytes });
}

/** Where `entry` goes under `root` (its name is checked; this only makes sure once more). */
function targetPath(root: string, entry: ZipEntryInfo): string {
  const target = join(root, ...entry.name.split('/').filter(Boolean));
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) {
    throw new Error(`entry outside the folder: ${entry.name}`);
  }
  return target;
}

/** Holds back the first `SNIFF_BYTES` of an entry until `inspect` has looked at them. */
function headCheck(name: string, inspect: InspectEntry): Transform {
  let head: Buffer[] = [];
  let length = 0;
  let checked = false;
  function check(complete: boolean, stream: Transform, done: TransformCallback) {
    checked = true;
    const bytes = Buffer.concat(head, length);
    head = [];
    const problems = inspect(name, new Uint8Array(bytes.subarray(0, SNIFF_BYTES)), complete);
    if (hasErrors(problems))
      return done(new ZipRefusal(problems.filter((p) => p.severity === 'error')));
    stream.push(bytes);
    done();
  }
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (checked) return done(null, chunk);
      head.push(chunk);
      length += chunk.length;
      if (length < SNIFF_BYTES) return done();
      check(false, this, done);
    },
    flush(done) {
      if (checked) return done();
      check(true, this, done);
    },
  });
}
