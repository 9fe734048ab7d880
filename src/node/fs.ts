/**
 * File-system helpers for everything in `src/node` that reads tour folders (commands, build,
 * servers): the one `isInside`, real-path checks, and the one rule for listing tours. The
 * manifest module stays pure and receives these as callbacks.
 */
import type { Dirent } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export const MANIFEST_NAME = 'tour.json';

export const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
};

/**
 * `fileExists` for the validator: true only for a regular file inside `tourDir`, reached without
 * leaving it (a symlink to elsewhere would break once the folder is published), and spelled with
 * the exact case of its name (authors on Windows or macOS would not notice "Hall.JPG" vs
 * "hall.jpg"; the web server will).
 */
export function tourFileExists(tourDir: string): (relativePath: string) => Promise<boolean> {
  const root = realpath(tourDir).catch(() => undefined);
  const listings = new Map<string, Promise<Set<string>>>();
  const namesIn = (dir: string): Promise<Set<string>> => {
    let names = listings.get(dir);
    if (!names) {
      names = readdir(dir).then(
        (entries) => new Set(entries),
        () => new Set<string>(),
      );
      listings.set(dir, names);
    }
    return names;
  };
  return async (relativePath) => {
    const rootReal = await root;
    const candidate = resolve(tourDir, relativePath);
    const real = await realpath(candidate).catch(() => undefined);
    if (!rootReal || !real || !isInside(rootReal, real)) return false;
    if (!(await stat(real)).isFile()) return false;
    return hasExactCase(resolve(tourDir), candidate, namesIn);
  };
}

async function hasExactCase(
  root: string,
  path: string,
  namesIn: (dir: string) => Promise<Set<string>>,
): Promise<boolean> {
  for (let current = path; isInside(root, current); current = dirname(current)) {
    const names = await namesIn(dirname(current));
    if (!names.has(basename(current))) return false;
  }
  return true;
}

/**
 * The real path of `relative` inside `root`, or undefined when it does not exist or lies outside
 * (symbolic links are followed, then checked: an author's folder may hold links to anywhere).
 */
export async function resolveInside(root: string, relative: string): Promise<string | undefined> {
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, relative));
    return real === realRoot || isInside(realRoot, real) ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The one rule for which folders are tours: the sub-folders of `toursDir` (not links to
 * folders) that hold a tour.json, by name, sorted. Used by the commands and the build.
 */
export async function listTourFolders(toursDir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await readdir(toursDir, { withFileTypes: true });
  } catch {
    return [];
  }
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const withManifest = await Promise.all(
    names.map((name) =>
      access(join(toursDir, name, MANIFEST_NAME)).then(
        () => name,
        () => undefined,
      ),
    ),
  );
  return withManifest.filter((name): name is string => name !== undefined).sort();
}

/** The tours of `<cwd>/tours` as the commands name them (`tours/<id>`), sorted. */
export const findTourDirs = async (cwd: string): Promise<string[]> =>
  (await listTourFolders(join(cwd, 'tours'))).map((name) => `tours/${name}`);
