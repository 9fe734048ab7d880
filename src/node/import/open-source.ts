/**
 * Finds what an import source is: a Pannellum JSON file, a Marzipano Tool export (folder or
 * zip, with data.js), or a folder holding a Pannellum config. A zip is unpacked into a
 * temporary folder after every name in it is checked (none may lead outside).
 */
import { mkdtemp, readdir, readFile, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { firstBadZipPath } from '../../core/paths.ts';
import { isPannellumConfig } from '../../core/import/pannellum.ts';
import { parseMarzipanoData } from '../../core/import/marzipano.ts';

export type OpenedSource =
  | { kind: 'pannellum'; dir: string; data: unknown; file: string }
  | { kind: 'marzipano'; dir: string; data: Record<string, unknown>; file: string };

export class SourceError extends Error {}

export async function openSource(path: string): Promise<OpenedSource> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new SourceError(`${path}: not found`);
  if (info.isDirectory()) return openFolder(path);
  if (/\.zip$/i.test(path)) return openFolder(await unzipToTemp(path));
  if (basename(path) === 'data.js') return marzipano(path);
  return pannellum(path);
}

async function pannellum(file: string): Promise<OpenedSource> {
  let data: unknown;
  try {
    data = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SourceError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  if (!isPannellumConfig(data))
    throw new SourceError(
      `${file}: not a Pannellum configuration (no "scenes", "panorama", "cubeMap" or "multiRes")`,
    );
  return { kind: 'pannellum', dir: dirname(file), data, file };
}

async function marzipano(file: string): Promise<OpenedSource> {
  try {
    return {
      kind: 'marzipano',
      dir: dirname(file),
      data: parseMarzipanoData(await readFile(file, 'utf8')),
      file,
    };
  } catch (error) {
    throw new SourceError(`${file}: ${(error as Error).message}`);
  }
}

/** data.js wins (Marzipano's export keeps it in app-files/); else the first Pannellum JSON. */
async function openFolder(dir: string): Promise<OpenedSource> {
  const files = await listFiles(dir, 3);
  const dataJs = files.find((file) => basename(file) === 'data.js');
  if (dataJs) return marzipano(dataJs);
  for (const file of files.filter((f) => /\.json$/i.test(f))) {
    const opened = await pannellum(file).catch(() => undefined);
    if (opened) return opened;
  }
  throw new SourceError(`${dir}: no Marzipano data.js nor Pannellum configuration found`);
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

async function unzipToTemp(zip: string): Promise<string> {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(new Uint8Array(await readFile(zip)));
  } catch {
    throw new SourceError(`${zip}: not a zip file`);
  }
  const bad = firstBadZipPath(Object.keys(entries));
  if (bad) throw new SourceError(`${zip}: refused, "${bad.name}" (${bad.reason})`);
  const dir = await mkdtemp(join(tmpdir(), 'tour-import-'));
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), bytes);
  }
  return dir;
}
