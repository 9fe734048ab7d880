/**
 * Opens a zip for bounded reading. The whole central directory is read first — every name,
 * kind and declared size checked — so a zip with one bad entry is refused before a byte of it
 * is unpacked; then each entry is read as a stream whose bytes are counted against the caps as
 * they come out (guard.ts), never trusting the headers alone.
 *
 * yauzl reads the zip lazily from the file (its central directory, then one entry at a time):
 * memory stays small whatever the zip's size.
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { problem } from '../../core/manifest/problems.ts';
import { failure, success, type Problem, type Result } from '../../core/result.ts';
import { byteGuard, ZipRefusal, type UnpackedTotal } from './guard.ts';
import { NameSet, nameTrouble, withDefaults, type ZipLimits } from '../../core/media/zip-rules.ts';

export interface ZipEntryInfo {
  /** As the zip holds it: relative, "/" between parts (checked: see core/media/zip-rules.ts). */
  readonly name: string;
  readonly isFolder: boolean;
  /** Unpacked size the zip declares (reading never goes past it nor past the caps). */
  readonly size: number;
  readonly compressedSize: number;
}

export interface OpenedZip {
  /** The zip as problems name it. */
  readonly file: string;
  /** Every entry, in the zip's order. */
  readonly entries: readonly ZipEntryInfo[];
  /** Sum of the declared unpacked sizes. */
  readonly declaredBytes: number;
  /**
   * The bytes of `entry`, counted against the caps. The stream fails with a `ZipRefusal`
   * (its `problems` say why) when a cap is passed or the entry's data is damaged.
   */
  openEntry(entry: ZipEntryInfo): Promise<Readable>;
  /** The whole of a small entry (tour.json, data.js…) in memory, at most `maxBytes`. */
  readEntry(entry: ZipEntryInfo, maxBytes?: number): Promise<Result<Uint8Array>>;
  /** Closes the zip file. Call it once done, also after a failure of `openEntry`. */
  close(): void;
}

export interface OpenZipOptions {
  /** The zip's name in problems (default: the path given). Editors pass the upload's name. */
  name?: string;
}

/** A refused zip reports at most this many problems (a zip may hold 20,000 bad names). */
const MAX_PROBLEMS = 50;
const DEFAULT_READ_MAX = 16 * 1024 * 1024;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** Opens `path` and checks its whole central directory against `limits` (defaults: DEFAULT_ZIP_LIMITS). */
export async function openZip(
  path: string,
  limits: Partial<ZipLimits> = {},
  options: OpenZipOptions = {},
): Promise<Result<OpenedZip>> {
  const caps = withDefaults(limits);
  const file = options.name ?? path;
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      // Names are decoded here (decodeFileName) and checked by zip-rules.ts, with our messages.
      decodeStrings: false,
      validateEntrySizes: true,
      strictFileNames: true,
    });
  } catch {
    return failure(problem('zip-unreadable', {}, file));
  }
  const close = () => zipfile.close();

  if (zipfile.entryCount > caps.maxEntries) {
    close();
    return failure(
      problem('zip-too-many-entries', { count: zipfile.entryCount, limit: caps.maxEntries }, file),
    );
  }

  const problems: Problem[] = [];
  const entries: ZipEntryInfo[] = [];
  const raw = new Map<ZipEntryInfo, yauzl.Entry>();
  const names = new NameSet();
  let declaredBytes = 0;
  try {
    for await (const entry of zipfile.eachEntry()) {
      const info = checkEntry(entry);
      if (info) {
        entries.push(info);
        raw.set(info, entry);
      }
      if (problems.length >= MAX_PROBLEMS) break;
    }
  } catch {
    close();
    return failure([...problems, problem('zip-unreadable', {}, file)]);
  }
  if (problems.length > 0) {
    close();
    return failure(problems);
  }

  /** The entry's info, or undefined after adding its problem. */
  function checkEntry(entry: yauzl.Entry): ZipEntryInfo | undefined {
    const name = decodeFileName(entry);
    const refuse = (p: Problem) => void problems.push(p);
    const trouble = nameTrouble(name);
    if (trouble) return refuse(problem('zip-bad-name', { name, trouble }, file));
    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    // A Unix mode other than a plain file or folder: a symlink, a device, a pipe.
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
      return refuse(problem('zip-link', { name }, file));
    }
    const isFolder = name.endsWith('/') || type === S_IFDIR;
    const other = names.add(name, isFolder);
    if (other !== undefined) return refuse(problem('zip-duplicate-name', { name, other }, file));
    if (isFolder) return { name, isFolder, size: 0, compressedSize: entry.compressedSize };
    if (entry.isEncrypted()) return refuse(problem('zip-encrypted', { name }, file));
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      return refuse(problem('zip-unsupported', { name, method: entry.compressionMethod }, file));
    }
    const size = entry.uncompressedSize;
    if (size > caps.maxEntryBytes) {
      return refuse(problem('zip-entry-too-big', { name, limit: caps.maxEntryBytes }, file));
    }
    if (size > caps.ratioFromBytes && size > caps.maxRatio * entry.compressedSize) {
      return refuse(problem('zip-ratio', { name, limit: caps.maxRatio }, file));
    }
    const before = declaredBytes;
    declaredBytes += size;
    if (declaredBytes > caps.maxTotalBytes && before <= caps.maxTotalBytes) {
      return refuse(problem('zip-too-big', { limit: caps.maxTotalBytes }, file));
    }
    return { name, isFolder, size, compressedSize: entry.compressedSize };
  }

  const total: UnpackedTotal = { bytes: 0 };

  async function openEntry(info: ZipEntryInfo): Promise<Readable> {
    const entry = raw.get(info);
    if (!entry) throw new Error(`not an entry of this zip: ${info.name}`);
    const damaged = () => new ZipRefusal(problem('zip-damaged', { name: info.name }, file));
    let source: Readable;
    try {
      source = await zipfile.openReadStreamPromise(entry);
    } catch {
      throw damaged();
    }
    const guard = byteGuard(info, caps, total, file);
    // yauzl's errors (sizes not as declared, bad deflate data, truncated file) are damage.
    source.on('error', () => guard.destroy(damaged()));
    guard.on('close', () => source.destroy());
    return source.pipe(guard);
  }

  async function readEntry(info: ZipEntryInfo, maxBytes = DEFAULT_READ_MAX) {
    const tooBig = () =>
      failure(problem('zip-entry-too-big', { name: info.name, limit: maxBytes }, file));
    if (info.size > maxBytes) return tooBig();
    const chunks: Buffer[] = [];
    let length = 0;
    try {
      for await (const chunk of await openEntry(info)) {
        length += (chunk as Buffer).length;
        if (length > maxBytes) return tooBig();
        chunks.push(chunk as Buffer);
      }
    } catch (error) {
      if (error instanceof ZipRefusal) return failure(error.problems);
      throw error;
    }
    return success(new Uint8Array(Buffer.concat(chunks, length)));
  }

  return success({ file, entries, declaredBytes, openEntry, readEntry, close });
}

/** The entry's name: UTF-8 when flagged (or given in Info-ZIP's Unicode path field), else CP437. */
function decodeFileName(entry: yauzl.Entry): string {
  return yauzl.getFileNameLowLevel(
    entry.generalPurposeBitFlag,
    entry.fileNameRaw,
    entry.extraFields,
    true, // keep backslashes, so that zip-rules.ts refuses them
  );
}
