/**
 * Tiles every equirectangular source of a tour folder that needs it. Incremental: a source
 * whose content hash is in the record, with its files on disk, is skipped. Pyramids live in
 * `generated/tiles/<hash>/`, named by content, so a renamed scene or a moved file costs nothing and a
 * published tile URL never changes meaning (safe to cache forever). Folders no source uses
 * any more are removed.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkAssetPath } from '../../core/manifest/semantics.ts';
import type { Tour } from '../../core/manifest/schema.ts';
import { tilePanorama, type TileProgress } from './tile-panorama.ts';
import {
  manifestTiles,
  PLAN_VERSION,
  PREVIEW_FILE,
  tileCount,
} from '../../core/tiles/tiling-plan.ts';
import {
  readTileRecord,
  TILES_DIR,
  type TiledSource,
  type TileRecord,
  writeTileRecord,
} from './tile-record.ts';

export interface TileTourEvents {
  /** A source is about to be tiled (skipped ones are reported with `skipped`). */
  start?: (source: string) => void;
  progress?: (source: string, done: number, total: number) => void;
  done?: (source: string, tiled: TiledSource) => void;
  skipped?: (source: string) => void;
  failed?: (source: string, error: unknown) => void;
}

export interface TileTourResult {
  record: TileRecord;
  tiled: string[];
  skipped: string[];
  failed: Array<{ source: string; error: unknown }>;
}

/** Tour-relative paths of the sources the author did not tile by hand. */
export function sourcesToTile(tour: Tour): string[] {
  const sources = new Set<string>();
  for (const scene of tour.scenes) {
    const { source, tiles } = scene.panorama;
    if (!source || tiles) continue;
    const check = checkAssetPath(source);
    if (check.ok) sources.add(check.value);
  }
  return [...sources].sort();
}

export async function tileTour(
  tourDir: string,
  tour: Tour,
  events: TileTourEvents = {},
  options: { force?: boolean } = {},
): Promise<TileTourResult> {
  const previous = await readTileRecord(tourDir);
  const record: TileRecord = { planVersion: PLAN_VERSION, sources: {} };
  const result: TileTourResult = { record, tiled: [], skipped: [], failed: [] };
  for (const source of sourcesToTile(tour)) {
    try {
      const bytes = await readFile(path.join(tourDir, source));
      const hash = contentHash(bytes);
      const known = previous.sources[source] ?? findByHash(previous, hash);
      if (!options.force && known?.sha256 === hash && (await complete(tourDir, known))) {
        record.sources[source] = known;
        result.skipped.push(source);
        events.skipped?.(source);
        continue;
      }
      events.start?.(source);
      const tiled = await tileSource(tourDir, bytes, hash, (done, total) =>
        events.progress?.(source, done, total),
      );
      record.sources[source] = tiled;
      result.tiled.push(source);
      events.done?.(source, tiled);
    } catch (error) {
      result.failed.push({ source, error });
      events.failed?.(source, error);
    }
  }
  await removeUnused(tourDir, record);
  await writeTileRecord(tourDir, record);
  return result;
}

/** Content and plan together name the folder: a new plan never reuses old tiles. */
const contentHash = (bytes: Buffer): string =>
  createHash('sha256').update(bytes).update(`\0plan${PLAN_VERSION}`).digest('hex');

const folderOf = (hash: string): string => `${TILES_DIR}/${hash.slice(0, 16)}`;
const HASH_FOLDER = /^[0-9a-f]{16}$/;

function findByHash(record: TileRecord, hash: string): TiledSource | undefined {
  return Object.values(record.sources).find((tiled) => tiled.sha256 === hash);
}

async function tileSource(
  tourDir: string,
  bytes: Buffer,
  hash: string,
  onProgress: TileProgress,
): Promise<TiledSource> {
  const dir = folderOf(hash);
  const absolute = path.join(tourDir, dir);
  // A half-written folder from an interrupted run is never trusted.
  await rm(absolute, { recursive: true, force: true });
  const made = await tilePanorama(bytes, absolute, onProgress);
  return {
    sha256: hash,
    width: made.width,
    height: made.height,
    preview: `${dir}/${PREVIEW_FILE}`,
    tiles: manifestTiles(dir, made.levels),
    bytes: await folderBytes(absolute),
  };
}

/** The record's files exist (a cheap check: the count and the preview). */
async function complete(tourDir: string, tiled: TiledSource): Promise<boolean> {
  const dir = path.join(tourDir, path.dirname(tiled.preview));
  const expected = tileCount(tiled.tiles.levels.map((l) => ({ ...l, tileSize: 0 })));
  try {
    await stat(path.join(tourDir, tiled.preview));
    return (await countFiles(dir)) === expected + 1;
  } catch {
    return false;
  }
}

async function countFiles(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).length;
}

async function folderBytes(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  let bytes = 0;
  for (const entry of entries) {
    if (entry.isFile()) bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

async function removeUnused(tourDir: string, record: TileRecord): Promise<void> {
  const used = new Set(
    Object.values(record.sources).map((t) => path.basename(path.dirname(t.preview))),
  );
  const entries = await readdir(path.join(tourDir, TILES_DIR), { withFileTypes: true }).catch(
    () => [],
  );
  for (const entry of entries) {
    if (entry.isDirectory() && HASH_FOLDER.test(entry.name) && !used.has(entry.name)) {
      await rm(path.join(tourDir, TILES_DIR, entry.name), { recursive: true, force: true });
    }
  }
}
