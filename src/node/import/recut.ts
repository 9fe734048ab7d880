/**
 * Tiles made again with sharp where another tool's tiles cannot be used as they are:
 * Marzipano's fallback-only level (drawn by its viewer from preview.jpg, so the Tool writes no
 * tiles for it) and Pannellum generate.py pyramids whose last row and column are cut short.
 */
import { mkdir } from 'node:fs/promises';
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

/**
 * Stitches each face of the top level from its tiles (a missing tile stays black and is
 * reported), then cuts every level of `task.levels` from it: all tiles square and the same size.
 * One face at a time, raw in memory (a 6152-px face is 114 MB), never the whole cube; pixels
 * are moved in JavaScript — sharp's composite of a hundred tiles is a hundred full passes.
 */
export async function recutPyramid(
  task: RecutTask,
  sourceDir: string,
  tourDir: string,
): Promise<string[]> {
  const missing: string[] = [];
  const count = Math.ceil(task.faceSize / task.tileSize);
  const size = task.faceSize;
  for (const face of task.faces) {
    const whole = Buffer.alloc(size * size * 3);
    for (let row = 0; row < count; row++)
      for (let col = 0; col < count; col++) {
        const name = fill(task.from, { face, row, col });
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
        // generate.py's last tiles are short; anything larger than its cell is cut to it.
        const left = col * task.tileSize;
        const top = row * task.tileSize;
        copyBlock(
          { data: tile.data, width: tile.info.width, left: 0, top: 0 },
          { data: whole, width: size, left, top },
          Math.min(tile.info.width, size - left),
          Math.min(tile.info.height, size - top),
        );
      }
    for (const [level, { faceSize, nbTiles }] of task.levels.entries()) {
      const scaled =
        faceSize === size
          ? whole
          : await sharp(whole, { raw: { width: size, height: size, channels: 3 } })
              .resize(faceSize, faceSize)
              .raw()
              .toBuffer();
      const side = faceSize / nbTiles;
      const tile = Buffer.alloc(side * side * 3);
      for (let row = 0; row < nbTiles; row++)
        for (let col = 0; col < nbTiles; col++) {
          copyBlock(
            { data: scaled, width: faceSize, left: col * side, top: row * side },
            { data: tile, width: side, left: 0, top: 0 },
            side,
            side,
          );
          await write(
            sharp(tile, { raw: { width: side, height: side, channels: 3 } }),
            join(tourDir, fill(task.to, { level, face, row, col })),
          );
        }
    }
  }
  return missing;
}
