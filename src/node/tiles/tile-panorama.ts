/**
 * Cuts one equirectangular image into a preview and a tile pyramid with sharp. The source is
 * decoded once; each level is resized from it in memory and its tiles are encoded in parallel
 * (libvips' thread pool does the work, so both cores stay busy).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import {
  levelCells,
  PREVIEW_FILE,
  PREVIEW_QUALITY,
  PREVIEW_WIDTH,
  planLevels,
  TILE_QUALITY,
  type TileLevel,
  tileFile,
} from '../../core/tiles/tiling-plan.ts';

export interface TiledPanorama {
  width: number;
  height: number;
  levels: TileLevel[];
}

export type TileProgress = (done: number, total: number) => void;

interface RawImage {
  data: Buffer;
  width: number;
  height: number;
  channels: 3;
}

/** Tiles in flight at once: enough to keep the thread pool fed, bounded for memory. */
const PARALLEL_TILES = 8;

export async function tilePanorama(
  source: string | Buffer,
  outDir: string,
  onProgress: TileProgress = () => {},
): Promise<TiledPanorama> {
  const metadata = await sharp(source).metadata();
  const width = metadata.width ?? 0;
  const height = metadata.height ?? 0;
  if (width < 2 || height < 1) throw new Error('not a readable image');
  const levels = planLevels(width);
  const top = levels[levels.length - 1]!;
  // One decode, forced to 2:1 at the top level's width (sources a few pixels off are common).
  const full = await decode(sharp(source).rotate(), top.width, top.width / 2);
  await writePreview(full, outDir);
  const total = levels.reduce((sum, level) => sum + level.cols * level.rows, 0);
  let done = 0;
  for (const [index, level] of levels.entries()) {
    const image =
      index === levels.length - 1
        ? full
        : await decode(fromRaw(full), level.width, level.width / 2);
    await mkdir(path.join(outDir, String(index)), { recursive: true });
    await inBatches(levelCells(level, index), PARALLEL_TILES, async (cell) => {
      await fromRaw(image)
        .extract({ left: cell.left, top: cell.top, width: cell.size, height: cell.size })
        .jpeg({ quality: TILE_QUALITY, chromaSubsampling: '4:2:0' })
        .toFile(path.join(outDir, tileFile(cell)));
      onProgress(++done, total);
    });
  }
  return { width, height, levels };
}

async function decode(image: Sharp, width: number, height: number): Promise<RawImage> {
  const { data, info } = await image
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: 3 };
}

const fromRaw = (image: RawImage): Sharp =>
  sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } });

async function writePreview(full: RawImage, outDir: string): Promise<void> {
  const jpeg = await fromRaw(full)
    .resize(PREVIEW_WIDTH, PREVIEW_WIDTH / 2, { fit: 'fill' })
    .jpeg({ quality: PREVIEW_QUALITY, mozjpeg: true })
    .toBuffer();
  await mkdir(outDir, { recursive: true });
  await writeFile(path.join(outDir, PREVIEW_FILE), jpeg);
}

async function inBatches<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
