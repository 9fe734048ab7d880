import { mkdtemp, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyTiles } from '../../src/core/publish/publish.ts';
import { equirectTilePaths } from '../../src/core/manifest/panorama.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { tilePanorama } from '../../src/node/tiles/tile-panorama.ts';
import { readTileRecord } from '../../src/node/tiles/tile-record.ts';
import { tileTour } from '../../src/node/tiles/tile-tour.ts';
import {
  levelCells,
  manifestTiles,
  planLevels,
  tileFile,
} from '../../src/core/tiles/tiling-plan.ts';

/** A noisy 2:1 test image (noise compresses badly, like a photograph). */
function testImage(width: number, height = width / 2): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919 + (i >> 5) * 104729) % 251;
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

describe('tile plan', () => {
  it('halves levels from the source width down to two columns of 512 px tiles', () => {
    expect(planLevels(4096)).toEqual([
      { width: 1024, cols: 2, rows: 1, tileSize: 512 },
      { width: 2048, cols: 4, rows: 2, tileSize: 512 },
      { width: 4096, cols: 8, rows: 4, tileSize: 512 },
    ]);
    expect(planLevels(8192).map((l) => l.cols)).toEqual([2, 4, 8, 16]);
  });

  it('keeps tiles square and between 512 and 1024 px for any source width', () => {
    for (const width of [1024, 1500, 2000, 3000, 5376, 6000, 7777, 8192, 10000, 16384]) {
      const levels = planLevels(width);
      expect(levels.at(-1)!.width).toBeGreaterThan(width - levels.at(-1)!.cols);
      for (const level of levels) {
        expect(level.rows * 2).toBe(level.cols);
        expect(Math.log2(level.cols) % 1).toBe(0);
        expect(level.cols).toBeLessThanOrEqual(64);
        expect(level.tileSize * level.cols).toBe(level.width);
        expect(level.tileSize).toBeGreaterThanOrEqual(512);
        expect(level.tileSize).toBeLessThan(1024);
      }
    }
    expect(planLevels(6000).map((l) => l.tileSize)).toEqual([750, 750, 750]);
  });

  it('makes one level of two smaller tiles for a small source', () => {
    expect(planLevels(800)).toEqual([{ width: 800, cols: 2, rows: 1, tileSize: 400 }]);
  });

  it('names tiles by level, row and column, as the manifest template says', () => {
    const level = planLevels(2048)[1]!;
    const files = levelCells(level, 1).map(tileFile);
    expect(files).toEqual([
      '1/0_0.jpg',
      '1/0_1.jpg',
      '1/0_2.jpg',
      '1/0_3.jpg',
      '1/1_0.jpg',
      '1/1_1.jpg',
      '1/1_2.jpg',
      '1/1_3.jpg',
    ]);
    const tiles = manifestTiles('generated/tiles/abc', planLevels(2048));
    expect(equirectTilePaths(tiles)).toEqual([
      'generated/tiles/abc/0/0_0.jpg',
      'generated/tiles/abc/0/0_1.jpg',
      ...files.map((f) => `generated/tiles/abc/${f}`),
    ]);
  });
});

describe('tiling an image', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tiles-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes a small preview and every tile at its size', async () => {
    const made = await tilePanorama(await testImage(2048), dir);
    expect(made.levels.map((l) => l.width)).toEqual([1024, 2048]);
    const preview = await sharp(path.join(dir, 'preview.jpg')).metadata();
    expect([preview.width, preview.height]).toEqual([512, 256]);
    expect((await readFile(path.join(dir, 'preview.jpg'))).length).toBeLessThan(64 * 1024);
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.jpg'));
    expect(files).toHaveLength(1 + 2 + 8);
    const tile = await sharp(path.join(dir, '1/1_3.jpg')).metadata();
    expect([tile.width, tile.height]).toEqual([512, 512]);
  });

  it('stretches a source that is not quite 2:1 to 2:1', async () => {
    const made = await tilePanorama(await testImage(2000, 1100), dir);
    const top = made.levels.at(-1)!;
    const tile = await sharp(
      path.join(dir, `${made.levels.length - 1}/${top.rows - 1}_0.jpg`),
    ).metadata();
    expect(tile.height).toBe(top.tileSize);
  });
});

describe('tiling a tour folder', () => {
  let dir: string;
  const tour = (sources: string[]): Tour =>
    ({
      version: 1,
      id: 't',
      title: { vi: 'T' },
      languages: ['vi'],
      defaultLanguage: 'vi',
      scenes: sources.map((source, i) => ({
        id: `s${i}`,
        title: { vi: 'S' },
        panorama: { source },
        hotspots: [],
      })),
    }) as Tour;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tour-tiles-'));
    await writeFile(path.join(dir, 'a.jpg'), await testImage(1024));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('skips unchanged sources, re-tiles changed ones and removes what is no longer used', async () => {
    const first = await tileTour(dir, tour(['a.jpg']));
    expect(first.tiled).toEqual(['a.jpg']);
    const oldFolder = path.dirname(first.record.sources['a.jpg']!.preview);
    expect((await tileTour(dir, tour(['a.jpg']))).skipped).toEqual(['a.jpg']);

    await writeFile(path.join(dir, 'a.jpg'), await testImage(1536));
    const changed = await tileTour(dir, tour(['a.jpg']));
    expect(changed.tiled).toEqual(['a.jpg']);
    const folders = await readdir(path.join(dir, 'generated/tiles'));
    expect(folders).toEqual([
      path.basename(path.dirname(changed.record.sources['a.jpg']!.preview)),
    ]);
    expect(folders).not.toContain(path.basename(oldFolder));
    expect((await readTileRecord(dir)).sources['a.jpg']?.width).toBe(1536);
  });

  it('reuses the tiles of a copied or renamed file', async () => {
    await tileTour(dir, tour(['a.jpg']));
    await copyFile(path.join(dir, 'a.jpg'), path.join(dir, 'b.jpg'));
    const result = await tileTour(dir, tour(['b.jpg']));
    expect(result.skipped).toEqual(['b.jpg']);
  });

  it('re-tiles when tiles were deleted by hand', async () => {
    const first = await tileTour(dir, tour(['a.jpg']));
    await rm(path.join(dir, path.dirname(first.record.sources['a.jpg']!.preview), '0'), {
      recursive: true,
    });
    expect((await tileTour(dir, tour(['a.jpg']))).tiled).toEqual(['a.jpg']);
  });

  it('reports an unreadable source without stopping the others', async () => {
    await writeFile(path.join(dir, 'broken.jpg'), 'not an image');
    const result = await tileTour(dir, tour(['broken.jpg', 'a.jpg']));
    expect(result.failed.map((f) => f.source)).toEqual(['broken.jpg']);
    expect(result.tiled).toEqual(['a.jpg']);
  });

  it('publishes tiled scenes with tiles and preview instead of the source', async () => {
    const { record } = await tileTour(dir, tour(['a.jpg']));
    const published = applyTiles(tour(['a.jpg', 'missing.jpg']), record.sources);
    expect(published.scenes[0]!.panorama.source).toBeUndefined();
    expect(published.scenes[0]!.panorama.tiles?.levels).toEqual([
      { width: 1024, cols: 2, rows: 1 },
    ]);
    expect(published.scenes[0]!.panorama.preview).toBe(record.sources['a.jpg']!.preview);
    expect(published.scenes[1]!.panorama).toEqual({ source: 'missing.jpg' });
  });
});
