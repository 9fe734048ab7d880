/**
 * Finds what an import source is: a Pannellum JSON file, a Marzipano Tool export (folder or
 * zip, with data.js), or a folder holding a Pannellum config. A zip is unpacked into a
 * temporary folder after every name in it is checked (none may lead outside); `close()`
 * removes it, and a zip that cannot be opened leaves nothing behind.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { firstBadZipPath } from '../../core/paths.ts';
import { isPannellumConfig } from '../../core/import/pannellum.ts';
import { parseMarzipanoData } from '../../core/import/marzipano.ts';
import {
  type Problem,
  problem,
  type ProblemCode,
  type ProblemDetails,
} from '../../core/manifest/problems.ts';
import { failure, type Result, success } from '../../core/result.ts';

type FoundSource =
  | { kind: 'pannellum'; dir: string; data: unknown; file: string }
  | { kind: 'marzipano'; dir: string; data: Record<string, unknown>; file: string };

/** Call `close()` once done with `dir`, also on error: it removes a zip's temporary folder. */
export type OpenedSource = FoundSource & { close(): Promise<void> };

/** Prefix of the temporary folders a zip is unpacked into (inside `os.tmpdir()`). */
export const TEMP_PREFIX = 'tour-import-';

/** What stops an import before it starts: the problem, carried up to `openSource`. */
class SourceError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message.en);
  }
}

const refuse = <C extends ProblemCode>(code: C, details: ProblemDetails<C>, file: string) =>
  new SourceError(problem(code, details, file));

/** The source, ready to import, or the problem that says why it cannot be (nothing is left). */
export async function openSource(path: string): Promise<Result<OpenedSource>> {
  try {
    return success(await open(path));
  } catch (error) {
    if (error instanceof SourceError) return failure(error.problem);
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

async function openZip(zip: string): Promise<OpenedSource> {
  const entries = readZip(await readFile(zip).catch(() => undefined), zip);
  const dir = await mkdtemp(join(tmpdir(), TEMP_PREFIX));
  const close = () => rm(dir, { recursive: true, force: true });
  try {
    for (const [name, bytes] of Object.entries(entries)) {
      if (name.endsWith('/')) continue;
      await mkdir(dirname(join(dir, name)), { recursive: true });
      await writeFile(join(dir, name), bytes);
    }
    return { ...(await openFolder(dir)), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The zip's entries, once every name in it is known to stay inside the folder. */
function readZip(bytes: Buffer | undefined, zip: string): Record<string, Uint8Array> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(bytes ?? []));
  } catch {
    throw refuse('source-not-zip', { path: zip }, zip);
  }
  const bad = firstBadZipPath(Object.keys(entries));
  if (bad) throw refuse('source-bad-path', { path: zip, name: bad.name, reason: bad.reason }, zip);
  return entries;
}

async function pannellum(file: string): Promise<FoundSource> {
  let data: unknown;
  try {
    data = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw refuse('source-invalid-json', { path: file, detail: (error as Error).message }, file);
  }
  if (!isPannellumConfig(data)) throw refuse('not-pannellum', { path: file }, file);
  return { kind: 'pannellum', dir: dirname(file), data, file };
}

async function marzipano(file: string): Promise<FoundSource> {
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw refuse('source-unreadable', { path: file, detail: error.message }, file);
  });
  const data = parseMarzipanoData(text, file);
  const [trouble] = data.problems;
  if (!data.ok && trouble) throw new SourceError(trouble);
  if (!data.ok) throw refuse('source-empty', { path: file }, file);
  return { kind: 'marzipano', dir: dirname(file), data: data.value, file };
}

/** data.js wins (Marzipano's export keeps it in app-files/); else the first Pannellum JSON. */
async function openFolder(dir: string): Promise<FoundSource> {
  const files = await listFiles(dir, 3);
  const dataJs = files.find((file) => basename(file) === 'data.js');
  if (dataJs) return marzipano(dataJs);
  for (const file of files.filter((f) => /\.json$/i.test(f))) {
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
