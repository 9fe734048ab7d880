/**
 * Tiles made again with sharp where another tool's tiles cannot be used as they are:
 * Marzipano's fallback-only level (drawn by its viewer from preview.jpg, so the Tool writes no
 * tiles for it) and Pannellum generate.py pyramids whose last row and column are cut short.
 */
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { isInside } from '../fs.ts';
import type { CutTask, RecutTask } from '../../core/import/common.ts';

const fill = (template: string, values: Record<string, string | number>) =>
  Object.entries(values).reduce(
    (text, [key, value]) => text.replaceAll(`{${key}}`, String(value)),
    template,
  );

async function write(image: Sharp, file: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await image.jpeg({ quality: 85 }).toFile(file);
}

/**
 * The six faces of a vertical strip, each written as one tile of `task.size` px. False when the
 * strip is missing or not six squares high (then the level's tiles stay missing, and say so).
 */
export async function cutStrip(
  task: CutTask,
  sourceDir: string,
  tourDir: string,
): Promise<boolean> {
  const from = resolve(sourceDir, task.from);
  if (!isInside(sourceDir, from)) return false;
  const meta = await sharp(from)
    .metadata()
    .catch(() => undefined);
  const width = meta?.width ?? 0;
  if (width < 8 || meta?.height !== width * 6) return false;
  for (const face of 'lfrbud') {
    const top = task.order.indexOf(face) * width;
    const image = sharp(from)
      .extract({ left: 0, top, width, height: width })
      .resize(task.size, task.size);
    await write(image, join(tourDir, fill(task.to, { face })));
  }
  return true;
}

/** Copies a `width`×`height` block of 3-channel pixels between raw buffers (row by row). */
function copyBlock(
  from: { data: Buffer; width: number; left: number; top: number },
  to: { data: Buffer; width: number; left: number; top: number },
  width: number,
  height: number,
): void {
  for (let y = 0; y < height; y++) {
    const start = ((from.top + y) * from.width + from.left) * 3;
    from.data.copy(to.data, ((to.top + y) * to.width + to.left) * 3, start, start + width * 3);
  }
}

/** Tiles decoded at once while stitching in JavaScript: both cores busy, little memory. */
const DECODING = 4;
/** More tiles a face than this are not joined by libvips (each is an open file meanwhile). */
const MAX_JOINED = 1024;

/**
 * One cube face stitched from its tiles (`template` with `{row}`, `{col}`, source-relative)
 * into `into`, 3-channel raw, `faceSize`² (the fallback of withFace: a 6152-px face is 114 MB).
 * A missing or unreadable tile stays black; its name is returned. generate.py's last tiles
 * are short; anything larger than its cell is cut to it.
 */
async function stitchFace(
  template: string,
  tileSize: number,
  faceSize: number,
  sourceDir: string,
  into: Buffer,
): Promise<string[]> {
  into.fill(0, 0, faceSize * faceSize * 3);
  const count = Math.ceil(faceSize / tileSize);
  const cells = Array.from({ length: count * count }, (_, i) => [Math.floor(i / count), i % count]);
  const missing: string[] = [];
  const work = async () => {
    for (let cell = cells.shift(); cell; cell = cells.shift()) {
      const [row, col] = cell as [number, number];
      const name = fill(template, { row, col });
      const file = resolve(sourceDir, name);
      const tile = isInside(sourceDir, file)
        ? await sharp(file)
            .removeAlpha()
            .toColourspace('srgb')
            .raw()
            .toBuffer({ resolveWithObject: true })
            .catch(() => undefined)
        : undefined;
      if (!tile || tile.info.channels !== 3) {
        missing.push(name);
        continue;
      }
      const left = col * tileSize;
      const top = row * tileSize;
      copyBlock(
        { data: tile.data, width: tile.info.width, left: 0, top: 0 },
        { data: into, width: faceSize, left, top },
        Math.min(tile.info.width, faceSize - left),
        Math.min(tile.info.height, faceSize - top),
      );
    }
  };
  await Promise.all(Array.from({ length: DECODING }, work));
  return missing.sort();
}

/**
 * The tiles of one face, checked from their headers: each inside the source, readable, no
 * larger than its cell. Undefined when one is larger (libvips' join would then shift the
 * grid): the caller stitches in JavaScript instead.
 */
async function faceTiles(
  template: string,
  tileSize: number,
  faceSize: number,
  sourceDir: string,
): Promise<Array<{ name: string; file?: string }> | undefined> {
  const count = Math.ceil(faceSize / tileSize);
  const tiles = Array.from({ length: count * count }, (_, i) => {
    const name = fill(template, { row: Math.floor(i / count), col: i % count });
    return { name, file: resolve(sourceDir, name) as string | undefined };
  });
  const queue = [...tiles];
  let fits = true;
  const work = async () => {
    for (let tile = queue.shift(); tile; tile = queue.shift()) {
      const meta = isInside(sourceDir, tile.file!)
        ? await sharp(tile.file!)
            .metadata()
            .catch(() => undefined)
        : undefined;
      if (!meta?.width || !meta.height) tile.file = undefined;
      else if (meta.width > tileSize || meta.height > tileSize) fits = false;
    }
  };
  await Promise.all(Array.from({ length: DECODING }, work));
  return fits ? tiles : undefined;
}

/**
 * Runs `use` on one whole face (`template` with `{row}`, `{col}`) as a sharp image. libvips
 * joins the tiles as it reads them (a grid of tileSize cells, short last tiles at their
 * cells' top left, then cut to the face): no face-sized buffer, one pass. A tile it cannot
 * decode after all, a tile larger than its cell, or too many tiles: stitched in JavaScript
 * into a raw buffer, and `use` runs again on that. Returns what `use` gave and the tiles that
 * are missing (left black).
 */
export async function withFace<T>(
  face: { template: string; tileSize: number; faceSize: number },
  sourceDir: string,
  use: (image: Sharp) => Promise<T>,
): Promise<{ result: T; missing: string[] }> {
  const { template, tileSize, faceSize } = face;
  const count = Math.ceil(faceSize / tileSize);
  const tiles =
    count * count <= MAX_JOINED
      ? await faceTiles(template, tileSize, faceSize, sourceDir)
      : undefined;
  if (tiles) {
    const black = await sharp({
      create: { width: tileSize, height: tileSize, channels: 3, background: '#000' },
    })
      .png()
      .toBuffer();
    const inputs = tiles.map(({ file }) => file ?? black);
    const joined = sharp(inputs, { join: { across: count } })
      .removeAlpha()
      .toColourspace('srgb')
      .extract({ left: 0, top: 0, width: faceSize, height: faceSize });
    const result = await use(joined).then(
      (value) => ({ value }),
      () => undefined,
    );
    if (result)
      return { result: result.value, missing: tiles.filter((t) => !t.file).map((t) => t.name) };
  }
  const whole = Buffer.alloc(faceSize * faceSize * 3);
  const missing = await stitchFace(template, tileSize, faceSize, sourceDir, whole);
  const result = await use(
    sharp(whole, { raw: { width: faceSize, height: faceSize, channels: 3 } }),
  );
  return { result, missing };
}

/**
 * Runs `job` with sharp's operation cache off: every tile is read once, so the cache would
 * only hold memory (up to 50 MB of decoded images) the re-cut needs.
 */
export async function withoutSharpCache<T>(job: () => Promise<T>): Promise<T> {
  const before = sharp.cache();
  sharp.cache(false);
  try {
    return await job();
  } finally {
    sharp.cache({ memory: before.memory.max, files: before.files.max, items: before.items.max });
  }
}

/**
 * Stitches each face of the top level from its tiles (a missing tile stays black and is
 * reported), then has libvips cut the whole pyramid of `task.levels` from it in one pass
 * (its Google layout: level z is 2^z tiles a side, each halving the one above — exactly the
 * even pyramid), the tiles then moved to their names. One face at a time, streamed.
 */
export async function recutPyramid(
  task: RecutTask,
  sourceDir: string,
  tourDir: string,
): Promise<string[]> {
  const side = task.levels[0]?.faceSize ?? 0;
  const top = task.levels.at(-1);
  if (
    !top ||
    task.levels.some(
      ({ faceSize, nbTiles }, z) => nbTiles !== 2 ** z || faceSize !== side * nbTiles,
    )
  )
    throw new Error('recutPyramid: the levels are not an even pyramid');
  const missing: string[] = [];
  await withoutSharpCache(async () => {
    for (const face of task.faces) {
      const scratch = await mkdtemp(join(tourDir, '.recut-'));
      try {
        const { missing: lost } = await withFace(
          {
            template: task.from.replaceAll('{face}', face),
            tileSize: task.tileSize,
            faceSize: task.faceSize,
          },
          sourceDir,
          async (image) => {
            await rm(join(scratch, 'face'), { recursive: true, force: true });
            await (
              top.faceSize === task.faceSize ? image : image.resize(top.faceSize, top.faceSize)
            )
              .jpeg({ quality: 85 })
              .tile({ size: side, overlap: 0, layout: 'google', depth: 'onetile', skipBlanks: -1 })
              .toFile(join(scratch, 'face'));
          },
        );
        missing.push(...lost);
        const made = new Set<string>();
        for (const [level, { nbTiles }] of task.levels.entries())
          for (let row = 0; row < nbTiles; row++)
            for (let col = 0; col < nbTiles; col++) {
              const target = join(tourDir, fill(task.to, { level, face, row, col }));
              if (!made.has(dirname(target))) {
                await mkdir(dirname(target), { recursive: true });
                made.add(dirname(target));
              }
              await rename(join(scratch, 'face', `${level}`, `${row}`, `${col}.jpg`), target);
            }
      } finally {
        await rm(scratch, { recursive: true, force: true });
      }
    }
  });
  return missing;
}
