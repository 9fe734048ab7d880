/**
 * Six cube faces (Pannellum's orientation: side faces upright as seen from inside, the up face
 * with the front at its bottom edge, the down face with the front at its top edge) sampled
 * into one 2:1 equirectangular picture, bilinearly, in JavaScript over raw pixels.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { isInside } from '../fs.ts';
import type { SphereTask } from '../../core/import/common.ts';
import { withFace, withoutSharpCache } from './recut.ts';

/** Output width: four faces around, at most this (8 Mpx, what a phone's GPU takes). */
const MAX_WIDTH = 4096;

/** For a direction: which face (index in f, r, b, l, u, d) and where on it (0–1, from top left). */
export function faceAt(x: number, y: number, z: number): [number, number, number] {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const az = Math.abs(z);
  if (az >= ax && az >= ay)
    return z > 0
      ? [0, (x / az + 1) / 2, (-y / az + 1) / 2]
      : [2, (-x / az + 1) / 2, (-y / az + 1) / 2];
  if (ax >= ay)
    return x > 0
      ? [1, (-z / ax + 1) / 2, (-y / ax + 1) / 2]
      : [3, (z / ax + 1) / 2, (-y / ax + 1) / 2];
  return y > 0 ? [4, (x / ay + 1) / 2, (z / ay + 1) / 2] : [5, (x / ay + 1) / 2, (-z / ay + 1) / 2];
}

/** A tiled face (multires) this side at most: 4 faces around fill MAX_WIDTH. */
const TILED_SIDE = MAX_WIDTH / 4;

/** The six faces as raw square pixels of one side, and the tiles missing from them. */
async function loadFaces(
  task: SphereTask,
  sourceDir: string,
): Promise<{ side: number; faces: Array<Buffer | undefined>; missing: string[] } | undefined> {
  if (task.tiled) {
    const { tileSize, faceSize } = task.tiled;
    const side = Math.min(faceSize, TILED_SIDE);
    const missing: string[] = [];
    const faces: Buffer[] = [];
    for (const template of task.faces) {
      const face = await withFace({ template, tileSize, faceSize }, sourceDir, (image) =>
        image.resize(side, side).raw().toBuffer(),
      );
      faces.push(face.result);
      missing.push(...face.missing);
    }
    // Not one tile of a face: nothing to sample.
    const count = Math.ceil(faceSize / tileSize) ** 2;
    if (missing.length >= count * 6) return undefined;
    return { side, faces, missing };
  }
  const files = task.faces.map((face) => resolve(sourceDir, face));
  if (files.some((file) => !isInside(sourceDir, file))) return undefined;
  const first = await sharp(files[0]!)
    .metadata()
    .catch(() => undefined);
  const side = first?.width;
  if (!side) return undefined;
  const faces = await Promise.all(
    files.map((file) =>
      sharp(file)
        .resize(side, side)
        .removeAlpha()
        .toColourspace('srgb')
        .raw()
        .toBuffer()
        .catch(() => undefined),
    ),
  );
  return { side, faces, missing: [] };
}

/**
 * False when a face is missing or unreadable (the scene then has no picture, and says so);
 * else the tiles missing from tiled faces (left black).
 */
export async function cubeToSphere(
  task: SphereTask,
  sourceDir: string,
  tourDir: string,
): Promise<false | { missing: string[] }> {
  const loaded = await withoutSharpCache(() => loadFaces(task, sourceDir));
  if (!loaded || loaded.faces.some((face) => !face)) return false;
  const { side, faces } = loaded;
  const width = Math.min(MAX_WIDTH, side * 4);
  const height = width / 2;
  const out = Buffer.alloc(width * height * 3);
  for (let row = 0; row < height; row++) {
    const pitch = Math.PI / 2 - ((row + 0.5) / height) * Math.PI;
    for (let col = 0; col < width; col++) {
      const yaw = ((col + 0.5) / width) * 2 * Math.PI - Math.PI;
      const [index, u, v] = faceAt(
        Math.cos(pitch) * Math.sin(yaw),
        Math.sin(pitch),
        Math.cos(pitch) * Math.cos(yaw),
      );
      const face = faces[index]!;
      // Bilinear, clamped at the face's edges.
      const fx = Math.min(side - 1, Math.max(0, u * side - 0.5));
      const fy = Math.min(side - 1, Math.max(0, v * side - 0.5));
      const x0 = Math.floor(fx);
      const y0 = Math.floor(fy);
      const x1 = Math.min(side - 1, x0 + 1);
      const y1 = Math.min(side - 1, y0 + 1);
      const dx = fx - x0;
      const dy = fy - y0;
      for (let c = 0; c < 3; c++) {
        const top =
          face[(y0 * side + x0) * 3 + c]! * (1 - dx) + face[(y0 * side + x1) * 3 + c]! * dx;
        const bottom =
          face[(y1 * side + x0) * 3 + c]! * (1 - dx) + face[(y1 * side + x1) * 3 + c]! * dx;
        out[(row * width + col) * 3 + c] = Math.round(top * (1 - dy) + bottom * dy);
      }
    }
  }
  const target = join(tourDir, task.to);
  await mkdir(dirname(target), { recursive: true });
  await sharp(out, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 88 })
    .toFile(target);
  return { missing: loaded.missing };
}
