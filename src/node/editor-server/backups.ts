/**
 * Backups of a tour's earlier manifests (issue 17, item 1): before a save replaces tour.json,
 * the version it replaces is copied into `<tour>/.backups/`, named by the time it was saved.
 * At most `MAX_BACKUPS` are kept (the oldest go first). The folder is hidden on purpose: names
 * starting with a dot are never published (the build takes only referenced files and top-level
 * files), never served by the dev server (`hasHiddenSegment`), never listed to the editor (so
 * never in its zip export), and no request path may name them (`core/paths.ts`). The editor
 * reaches backups only through `/__editor/tours/<id>/__backups[/<name>]`, by a name that must
 * match `BACKUP_NAME` exactly.
 */
import { lstat, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { MAX_MANIFEST_BYTES } from '../../core/manifest/limits.ts';
import {
  BACKUP_NAME,
  BackupSummary,
  type ListBackupsResponse,
  type LoadBackupResponse,
  MANIFEST_FILE,
} from '../../core/editor-protocol.ts';
import { refuse, send } from './http.ts';
import { resolveWritablePath } from './safe-path.ts';

export const BACKUP_DIR = '.backups';
/** Thirty saves back: a day's work of a volunteer, and a few MB at most. */
export const MAX_BACKUPS = 30;

/** `tour-2026-12-01T22-30-05-120Z.json` for that instant (UTC: no two names for one time). */
export const backupName = (time: number): string =>
  `tour-${new Date(time).toISOString().replace(/[:.]/g, '-')}.json`;

/** The instant a backup's name says, or undefined for any other name. */
export function backupTime(name: string): number | undefined {
  if (!BACKUP_NAME.test(name)) return undefined;
  const [, date, h, m, s, ms] = /^tour-(.{10})T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z/.exec(name) ?? [];
  const time = Date.parse(`${date}T${h}:${m}:${s}.${ms}Z`);
  return Number.isNaN(time) ? undefined : time;
}

/** The tour's backup folder, when it is a plain folder (never a symlink to elsewhere). */
async function backupDir(tourDir: string, create: boolean): Promise<string | undefined> {
  const dir = path.join(tourDir, BACKUP_DIR);
  if (create) await mkdir(dir, { recursive: true });
  const info = await lstat(dir).catch(() => undefined);
  return info?.isDirectory() && !info.isSymbolicLink() ? dir : undefined;
}

/** The backups of a tour folder, newest first (`describe`: with title and scene count). */
export async function listBackups(tourDir: string, describe = false): Promise<BackupSummary[]> {
  const dir = await backupDir(tourDir, false);
  if (!dir) return [];
  const names = await readdir(dir).catch(() => [] as string[]);
  const backups: BackupSummary[] = [];
  for (const name of names) {
    const savedAt = backupTime(name);
    if (savedAt === undefined) continue;
    backups.push(
      describe ? { name, savedAt, ...(await contentOf(path.join(dir, name))) } : { name, savedAt },
    );
  }
  return backups.sort((a, b) => b.savedAt - a.savedAt);
}

/** A backup's title and scene count, or nothing when it is not a readable manifest. */
async function contentOf(file: string): Promise<Pick<BackupSummary, 'title' | 'scenes'>> {
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile() || info.size > MAX_MANIFEST_BYTES) return {};
  try {
    const data: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (typeof data !== 'object' || data === null) return {};
    const scenes: unknown = Reflect.get(data, 'scenes');
    const parsed = BackupSummary.pick({ title: true }).parse({ title: Reflect.get(data, 'title') });
    return { ...parsed, ...(Array.isArray(scenes) ? { scenes: scenes.length } : {}) };
  } catch {
    return {};
  }
}

/**
 * Copies the tour.json about to be replaced by `nextText` into the backups (unless it says the
 * same), then keeps only the newest `MAX_BACKUPS`. Errors are the caller's: a save whose
 * backup failed must not go on.
 */
export async function keepBackup(manifest: string, nextText: string): Promise<void> {
  const text = await readFile(manifest, 'utf8').catch(() => undefined);
  if (text === undefined || text === nextText) return;
  const tourDir = path.dirname(manifest);
  const dir = await backupDir(tourDir, true);
  if (!dir) throw new Error(`${BACKUP_DIR} of ${tourDir} is not a plain folder`);
  // 'wx': never through an existing name (a symlink planted there). A name taken by another
  // text (two saves in one millisecond) moves on by a millisecond; the same text is kept already.
  let time = Math.floor((await stat(manifest)).mtimeMs);
  for (let attempt = 0; attempt < 100; attempt++, time++) {
    const file = path.join(dir, backupName(time));
    const written = await writeFile(file, text, { flag: 'wx' }).then(
      () => true,
      (error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        return false;
      },
    );
    if (written) break;
    const info = await lstat(file);
    if (info.isFile() && (await readFile(file, 'utf8')) === text) break;
  }
  for (const old of (await listBackups(tourDir)).slice(MAX_BACKUPS)) {
    await rm(path.join(dir, old.name), { force: true });
  }
}

/** `GET /__editor/tours/<id>/__backups[/<name>]`. */
export async function backupsRoute(
  toursDir: string,
  id: string,
  rest: readonly string[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'GET') return refuse(res, 405, 'method not allowed');
  const manifest = await resolveWritablePath(toursDir, id, [MANIFEST_FILE]);
  if (!manifest) return refuse(res, 404, 'not found');
  const tourDir = path.dirname(manifest);
  if (rest.length === 0) {
    const backups = await listBackups(tourDir, true);
    return send(res, 200, { backups, limit: MAX_BACKUPS } satisfies ListBackupsResponse);
  }
  const [name] = rest;
  const savedAt = name === undefined || rest.length > 1 ? undefined : backupTime(name);
  const dir = await backupDir(tourDir, false);
  if (savedAt === undefined || name === undefined || !dir) return refuse(res, 404, 'not found');
  const file = path.join(dir, name);
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isFile()) return refuse(res, 404, 'not found');
  const text = await readFile(file, 'utf8');
  return send(res, 200, { name, savedAt, text } satisfies LoadBackupResponse);
}
