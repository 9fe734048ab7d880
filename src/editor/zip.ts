/**
 * Export and import of a tour as one zip (tour.json at the top, assets beside it), for places
 * where no dev server can write files. fflate is loaded only when a zip is made or opened.
 *
 * Opening is bounded (issue 21, finding 4: a 1 MB zip of 1 GiB of zeros froze the tab for 15 s
 * at 1.1 GB): the zip is fed to fflate's streaming `Unzip` in small pieces, every piece of
 * output is counted against the caps of `core/media/zip-rules.ts` as it comes out, and the
 * first cap passed stops it. An entry whose header already says it passes a cap is refused
 * before a byte of it is inflated; one that lies about its size is refused as soon as it
 * passes what it said. Between pieces the tab gets the event loop back.
 */
import { MAX_MANIFEST_BYTES } from '../core/manifest/limits.ts';
import { problem } from '../core/manifest/problems.ts';
import {
  checkMedia,
  NameSet,
  nameTrouble,
  zipLimits,
  type ZipLimits,
} from '../core/media/index.ts';
import { failure, type Problem, type Result, success } from '../core/result.ts';

export const MANIFEST = 'tour.json';

/** A zip of the manifest and the files given (paths relative to tour.json). */
export async function buildTourZip(
  manifest: unknown,
  files: ReadonlyMap<string, Uint8Array>,
): Promise<Uint8Array> {
  const { zipSync, strToU8 } = await import('fflate');
  const entries: Record<string, Uint8Array> = {
    [MANIFEST]: strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
  };
  for (const [name, bytes] of files) if (name !== MANIFEST) entries[name] = bytes;
  // Images and audio are compressed already: storing them is as small and much faster.
  return zipSync(entries, { level: 0 });
}

export interface OpenedZip {
  /** tour.json as parsed JSON: not validated (the editor shows its problems once opened). */
  manifest: unknown;
  /** Every other file, each checked to be the media its name says (`checkMedia`). */
  files: Map<string, Uint8Array>;
}

export interface OpenZipOptions {
  limits?: Partial<ZipLimits>;
  /** Bytes of the zip given to the unpacker at a time: at most ~1000× this comes out at once. */
  pieceBytes?: number;
  /** The longest stretch without giving the event loop back (ms). */
  sliceMs?: number;
}

/** A refused zip reports at most this many problems (a zip may hold 20,000 bad files). */
const MAX_PROBLEMS = 50;

interface Collected {
  name: string;
  chunks: Uint8Array[];
  size: number;
  done: boolean;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Reads a tour zip whole before anything is used: every name (`nameTrouble`, duplicates after
 * case folding), every entry's size as it unpacks, every file's kind (`checkMedia`) and the
 * manifest. One refused entry refuses the zip. `file` is the zip's own name, for the problems.
 */
export async function openTourZip(
  bytes: Uint8Array,
  file = 'tour.zip',
  options: OpenZipOptions = {},
): Promise<Result<OpenedZip>> {
  const { Unzip, UnzipInflate, strFromU8 } = await import('fflate');
  const caps = zipLimits(options.limits);
  // fflate inflates a whole piece at once, and its time grows faster than the output: 1 KiB
  // gives at most ~1 MiB out per step (a real tour still opens at ~300 MB/s).
  const pieceBytes = options.pieceBytes ?? 1024;
  const sliceMs = options.sliceMs ?? 30;
  const names = new NameSet();
  const entries: Collected[] = [];
  let refusal: Problem | undefined;
  let count = 0;
  let total = 0;
  /** Bytes of the zip handed to the unpacker so far. */
  let pushed = 0;

  const refuse = (found: Problem) => {
    refusal ??= found;
    entries.length = 0; // let the bytes unpacked so far go at once
  };

  const unzip = new Unzip((entry) => {
    if (refusal) return;
    const { name } = entry;
    if (++count > caps.maxEntries) {
      return refuse(problem('zip-too-many-entries', { count, limit: caps.maxEntries }, file));
    }
    const trouble = nameTrouble(name);
    if (trouble) return refuse(problem('zip-bad-name', { name, trouble }, file, [name]));
    const isFolder = name.endsWith('/');
    const other = names.add(name, isFolder);
    if (other !== undefined) {
      return refuse(problem('zip-duplicate-name', { name, other }, file, [name]));
    }
    if (isFolder) return;
    if (entry.compression !== 0 && entry.compression !== 8) {
      return refuse(problem('zip-unsupported', { name, method: entry.compression }, file, [name]));
    }
    const entryCap = name === MANIFEST ? MAX_MANIFEST_BYTES : caps.maxEntryBytes;
    const declared = entry.originalSize;
    const packed = entry.size;
    // What the header says, before inflating anything.
    if (declared !== undefined && packed !== undefined) {
      if (declared > entryCap) {
        return refuse(problem('zip-entry-too-big', { name, limit: entryCap }, file, [name]));
      }
      if (declared > caps.ratioFromBytes && declared > caps.maxRatio * packed) {
        return refuse(problem('zip-ratio', { name, limit: caps.maxRatio }, file, [name]));
      }
    }
    const startedAt = pushed;
    const collected: Collected = { name, chunks: [], size: 0, done: false };
    entries.push(collected);
    entry.ondata = (error, data, final) => {
      if (refusal) return;
      if (error) return refuse(problem('zip-damaged', { name }, file, [name]));
      collected.size += data.length;
      total += data.length;
      // Streamed zips do not say the packed size: what was handed over since is an upper bound.
      const compressed = packed ?? Math.max(1, pushed - startedAt);
      if (collected.size > entryCap) {
        return refuse(problem('zip-entry-too-big', { name, limit: entryCap }, file, [name]));
      }
      if (total > caps.maxTotalBytes) {
        return refuse(problem('zip-too-big', { limit: caps.maxTotalBytes }, file));
      }
      if (declared !== undefined && collected.size > declared) {
        return refuse(problem('zip-damaged', { name }, file, [name]));
      }
      if (collected.size > caps.ratioFromBytes && collected.size > caps.maxRatio * compressed) {
        return refuse(problem('zip-ratio', { name, limit: caps.maxRatio }, file, [name]));
      }
      if (data.length > 0) collected.chunks.push(data);
      if (final) collected.done = true;
    };
    entry.start();
  });
  unzip.register(UnzipInflate);

  let sliceStart = performance.now();
  try {
    for (let at = 0; at < bytes.length && !refusal; at += pieceBytes) {
      const piece = bytes.subarray(at, at + pieceBytes);
      pushed += piece.length;
      unzip.push(piece, at + pieceBytes >= bytes.length);
      if (performance.now() - sliceStart > sliceMs) {
        await nextTask();
        sliceStart = performance.now();
      }
    }
  } catch {
    // fflate throws on data that is no deflate stream or a zip cut short.
    refuse(problem(count === 0 ? 'zip-unreadable' : 'zip-damaged', { name: file }, file));
  }
  if (refusal) return failure(refusal);
  if (count === 0) {
    // An empty zip is only its end record ("PK\5\6"): readable, but without a manifest.
    const empty = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 5 && bytes[3] === 6;
    return failure(problem(empty ? 'zip-no-manifest' : 'zip-unreadable', {}, file));
  }
  return finish(entries, file, strFromU8);
}

/** The unpacked entries checked as a whole: all complete, all media, a manifest that parses. */
function finish(
  entries: readonly Collected[],
  file: string,
  strFromU8: (bytes: Uint8Array) => string,
): Result<OpenedZip> {
  const problems: Problem[] = [];
  const files = new Map<string, Uint8Array>();
  let manifestBytes: Uint8Array | undefined;
  for (const entry of entries) {
    if (!entry.done) {
      problems.push(problem('zip-damaged', { name: entry.name }, file, [entry.name]));
      continue;
    }
    const data = joined(entry.chunks, entry.size);
    if (entry.name === MANIFEST) {
      manifestBytes = data;
      continue;
    }
    const checked = checkMedia(entry.name, data);
    if (checked.ok) files.set(entry.name, data);
    else problems.push(...checked.problems.map((found) => ({ ...found, file })));
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (problems.length > 0) return failure(problems.slice(0, MAX_PROBLEMS));
  if (!manifestBytes) return failure(problem('zip-no-manifest', {}, file));
  let manifest: unknown;
  try {
    manifest = JSON.parse(strFromU8(manifestBytes));
  } catch {
    return failure(problem('zip-bad-json', {}, file, [MANIFEST]));
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    return failure(problem('zip-bad-json', {}, file, [MANIFEST]));
  }
  return success({ manifest, files });
}

function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
