/**
 * What `tour tile` made, recorded in `<tour>/generated/tiles.json`: for each source image (by its
 * tour-relative path), its content hash and the pyramid made from it. The publisher reads it
 * to give published scenes their tiles; a source whose hash changed is tiled again.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { EquirectTiles } from '../../core/manifest/schema.ts';
import { PLAN_VERSION } from '../../core/tiles/tiling-plan.ts';

/** Everything `tour tile` makes lives here: safe to delete, rebuilt by the next build. */
export const GENERATED_DIR = 'generated';
export const TILES_DIR = `${GENERATED_DIR}/tiles`;
export const RECORD_FILE = `${GENERATED_DIR}/tiles.json`;

const TiledSource = z.object({
  sha256: z.string(),
  width: z.number(),
  height: z.number(),
  preview: z.string(),
  tiles: EquirectTiles,
  bytes: z.number(),
});

const TileRecord = z.object({
  planVersion: z.number(),
  sources: z.record(z.string(), TiledSource),
});

export type TiledSource = z.infer<typeof TiledSource>;
export type TileRecord = z.infer<typeof TileRecord>;

export const emptyRecord = (): TileRecord => ({ planVersion: PLAN_VERSION, sources: {} });

/** The record of a tour folder; an absent, broken or outdated one counts as empty. */
export async function readTileRecord(tourDir: string): Promise<TileRecord> {
  const text = await readFile(path.join(tourDir, RECORD_FILE), 'utf8').catch(() => undefined);
  if (text === undefined) return emptyRecord();
  try {
    const parsed = TileRecord.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.planVersion === PLAN_VERSION) return parsed.data;
  } catch {
    // Unreadable: tiling again is always safe.
  }
  return emptyRecord();
}

export async function writeTileRecord(tourDir: string, record: TileRecord): Promise<void> {
  const sorted = Object.fromEntries(
    Object.entries(record.sources).sort(([a], [b]) => a.localeCompare(b)),
  );
  const text = `${JSON.stringify({ ...record, sources: sorted }, null, 2)}\n`;
  await mkdir(path.join(tourDir, GENERATED_DIR), { recursive: true });
  await writeFile(path.join(tourDir, RECORD_FILE), text);
}
