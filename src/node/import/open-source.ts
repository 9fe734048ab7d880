/**
 * Finds what an import source is: a Pannellum JSON file, a Marzipano Tool export (folder or
 * zip, with data.js), or a folder holding a Pannellum config. A zip is unpacked into a
 * temporary folder after every name in it is checked (none may lead outside); `close()`
 * removes it, and a zip that cannot be opened leaves nothing behind.
 */
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isPannellumConfig } from '../../core/import/pannellum.ts';
import { parseMarzipanoData } from '../../core/import/marzipano.ts';
import { readIndexJs, type ViewLimits } from '../../core/import/marzipano-limits.ts';
import type { ImportWarning } from '../../core/import/common.ts';
import { readPannellumScript } from '../../core/import/js-data.ts';
import { extractZip } from '../zip/index.ts';
import {
  type Problem,
  problem,
  type ProblemCode,
  type ProblemDetails,
} from '../../core/manifest/problems.ts';
import { failure, type Result, success } from '../../core/result.ts';

/** `warnings`: what reading the source dropped (functions and expressions in a script). */
type FoundSource =
  | { kind: 'pannellum'; dir: string; data: unknown; file: string; warnings: ImportWarning[] }
  | {
      kind: 'marzipano';
      dir: string;
      data: Record<string, unknown>;
      file: string;
      warnings: ImportWarning[];
      /** What index.js's limiter allows: importMarzipano applies it to the start views. */
      limits: ViewLimits;
    };

/** Call `close()` once done with `dir`, also on error: it removes a zip's temporary folder. */
export type OpenedSource = FoundSource & { close(): Promise<void> };

/** Prefix of the temporary folders a zip is unpacked into (inside `os.tmpdir()`). */
export const TEMP_PREFIX = 'tour-import-';

/** What stops an import before it starts: the problem, carried up to `openSource`. */
class SourceError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: Problem | readonly Problem[]) {
    const list = Array.isArray(problems) ? problems : [problems as Problem];
    super(list[0]?.message.en ?? 'refused');
    this.problems = list;
  }
}

const refuse = <C extends ProblemCode>(code: C, details: ProblemDetails<C>, file: string) =>
  new SourceError(problem(code, details, file));

/** The source, ready to import, or the problem that says why it cannot be (nothing is left). */
export async function openSource(path: string): Promise<Result<OpenedSource>> {
  try {
    return success(await open(path));
  } catch (error) {
    if (error instanceof SourceError) return failure([...error.problems]);
    throw error;
  }
}

async function open(path: string): Promise<OpenedSource> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw refuse('source-not-found', { path }, path);
  const nothingToRemove = async () => undefined;
  if (info.isDirectory()) return { ...(await openFolder(path)), close: nothingToRemove };
  if (/\.zip$/i.test(path)) return openZip(path);
  const found = basename(path) === 'data.js' ? await marzipano(path) : await pannellum(path);
  return { ...found, close: nothingToRemove };
}

/**
 * Unpacked through node/zip: streamed from the file (never the whole zip in memory), with caps
 * on sizes, entries and compression ratio, unsafe names refused before a byte is written.
 */
async function openZip(zip: string): Promise<OpenedSource> {
  const dir = await mkdtemp(join(tmpdir(), TEMP_PREFIX));
  const close = () => rm(dir, { recursive: true, force: true });
  try {
    const unpacked = await extractZip(zip, join(dir, 'zip'));
    if (!unpacked.ok) throw new SourceError(unpacked.problems);
    return { ...(await openFolder(join(dir, 'zip'))), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A .json config (or, when JSON.parse refuses it, a JavaScript object literal), a .js or a web page. */
async function pannellum(file: string): Promise<FoundSource> {
  const text = (
    await readFile(file, 'utf8').catch((error: Error) => {
      throw refuse('source-unreadable', { path: file, detail: error.message }, file);
    })
  ).replace(/^\uFEFF/, '');
  let data: unknown;
  let warnings: ImportWarning[] = [];
  const isJson = /\.json$/i.test(file);
  try {
    if (!isJson) throw new Error('not JSON');
    data = JSON.parse(text);
  } catch (error) {
    const read = readPannellumScript(text, /\.html?$/i.test(file));
    if (!read.ok && isJson)
      throw refuse('source-invalid-json', { path: file, detail: (error as Error).message }, file);
    if (!read.ok && read.reason === 'syntax')
      throw refuse('source-invalid-script', { path: file, detail: read.detail }, file);
    if (!read.ok) throw refuse('no-pannellum-viewer', { path: file }, file);
    ({ data, warnings } = read);
  }
  if (!isPannellumConfig(data)) throw refuse('not-pannellum', { path: file }, file);
  return { kind: 'pannellum', dir: dirname(file), data, file, warnings };
}

async function marzipano(file: string): Promise<FoundSource> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw refuse('source-unreadable', { path: file, detail: error.message }, file);
  });
  const data = parseMarzipanoData(text, file);
  const [trouble] = data.problems;
  if (!data.ok && trouble) throw new SourceError(trouble);
  if (!data.ok) throw refuse('source-empty', { path: file }, file);
  // index.js beside data.js holds the view limits and autorotate speed (see readIndexJs).
  const index = await readFile(join(dirname(file), 'index.js'), 'utf8').catch(() => '');
  const { limits, warnings: indexWarnings } = readIndexJs(index);
  const warnings = [...(data.warnings ?? []), ...indexWarnings];
  return { kind: 'marzipano', dir: dirname(file), data: data.value, file, warnings, limits };
}

/** Libraries a tour ships beside its config: never the config (and slow to parse). */
const LIBRARY =
  /(^|[./-])(pannellum|marzipano|jquery|three|bootstrap|vendor)[^/]*\.js$|\.min\.js$/i;

/**
 * data.js wins (Marzipano's export keeps it in app-files/); else the first Pannellum JSON, then
 * the first web page or script calling `pannellum.viewer(…)`.
 */
async function openFolder(dir: string): Promise<FoundSource> {
  const files = await listFiles(dir, 3);
  const dataJs = files.find((file) => basename(file) === 'data.js');
  if (dataJs) return marzipano(dataJs);
  const candidates = [
    ...files.filter((f) => /\.json$/i.test(f)),
    ...files.filter((f) => /\.html?$/i.test(f)),
    ...files.filter((f) => /\.js$/i.test(f) && !LIBRARY.test(basename(f))),
  ];
  for (const file of candidates) {
    if (((await stat(file).catch(() => undefined))?.size ?? Infinity) > 4 * 1024 * 1024) continue;
    const opened = await pannellum(file).catch(() => undefined);
    if (opened) return opened;
  }
  throw refuse('source-empty', { path: dir }, dir);
}

async function listFiles(dir: string, depth: number): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const here = entries
    .filter((e) => e.isFile())
    .map((e) => join(dir, e.name))
    .sort();
  if (depth === 0) return here;
  const below = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && e.name !== 'tiles' && !e.name.startsWith('.'))
      .map((e) => listFiles(join(dir, e.name), depth - 1)),
  );
  return [...here, ...below.flat()];
}
