/**
 * Carries out an import plan on disk: copies the files it names from the source folder into
 * the new tour folder, turns Marzipano's preview strip into ours, measures single-tile cube
 * faces and writes tour.json. A file the source lacks becomes a warning (and then a
 * validation error naming it), never a crash half-way.
 */
import { copyFile, mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import sharp from 'sharp';
import { isInside } from '../fs.ts';
import { type ImportPlan, type StripeTask, warn } from '../../core/import/common.ts';
import { cutStrip } from './recut.ts';
import { recut } from './recut-process.ts';
import { cubeToSphere } from './cube-to-sphere.ts';

type Json = Record<string, unknown>;

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Copies every file; returns the tour paths that could not be copied. */
async function copyAll(plan: ImportPlan, sourceDir: string, tourDir: string): Promise<Set<string>> {
  const missing = new Set<string>();
  const dirs = new Set(plan.copies.map((copy) => dirname(join(tourDir, copy.to))));
  await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
  for (const copy of plan.copies) {
    const from = resolve(sourceDir, copy.from);
    if (!isInside(sourceDir, from) || !(await isFile(from))) {
      missing.add(copy.to);
      plan.warnings.push(
        warn(copy.from, `Không tìm thấy tệp "${copy.from}".`, `File "${copy.from}" not found.`),
      );
      continue;
    }
    await copyFile(from, join(tourDir, copy.to));
  }
  return missing;
}

/** Photo Sphere Viewer's stripe order, which our cube previews use. */
const STRIPE_ORDER = 'lfrbud';

async function makeStripe(task: StripeTask, sourceDir: string, tourDir: string): Promise<boolean> {
  const from = resolve(sourceDir, task.from);
  if (!isInside(sourceDir, from) || !(await isFile(from))) return false;
  const image = sharp(from);
  const { width = 0, height = 0 } = await image.metadata();
  if (width < 8 || height !== width * 6) return false;
  const faces = await Promise.all(
    [...STRIPE_ORDER].map((face) =>
      sharp(from)
        .extract({ left: 0, top: task.order.indexOf(face) * width, width, height: width })
        .toBuffer(),
    ),
  );
  await mkdir(dirname(join(tourDir, task.to)), { recursive: true });
  await sharp({ create: { width: width * 6, height: width, channels: 3, background: '#000' } })
    .composite(faces.map((input, i) => ({ input, left: i * width, top: 0 })))
    .jpeg({ quality: 85 })
    .toFile(join(tourDir, task.to));
  return true;
}

/** Single-tile cube levels whose size the plan could not know: read from the front face. */
async function measureFaces(scenes: Json[], tourDir: string): Promise<void> {
  for (const scene of scenes) {
    const tiles = (scene.panorama as Json).cubeTiles as
      { path: string; levels: Array<{ faceSize: number }> } | undefined;
    const level = tiles?.levels[0];
    if (!tiles || !level || level.faceSize !== 0) continue;
    const front = tiles.path
      .replaceAll('{level}', '0')
      .replaceAll('{face}', 'f')
      .replaceAll('{row}', '0')
      .replaceAll('{col}', '0');
    const { width } = await sharp(join(tourDir, front))
      .metadata()
      .catch(() => ({ width: undefined }));
    level.faceSize = width ?? 1024;
  }
}

export async function writeImportedTour(
  plan: ImportPlan,
  sourceDir: string,
  tourDir: string,
  manifest: Json,
): Promise<void> {
  await mkdir(tourDir, { recursive: true });
  await copyAll(plan, resolve(sourceDir), tourDir);
  const scenes = manifest.scenes as Json[];
  for (const task of plan.stripes) {
    if (await makeStripe(task, resolve(sourceDir), tourDir)) continue;
    plan.warnings.push(
      warn(
        task.from,
        `Không có ảnh xem trước "${task.from}": cảnh hiện khi mảnh đầu tải xong.`,
        `No preview "${task.from}": the scene shows once its first tiles arrive.`,
      ),
    );
    for (const scene of scenes) {
      const panorama = scene.panorama as Json;
      if (panorama.preview === task.to) delete panorama.preview;
    }
  }
  for (const task of plan.cuts)
    if (!(await cutStrip(task, resolve(sourceDir), tourDir)))
      plan.warnings.push(
        warn(
          task.from,
          `Không có ảnh xem trước "${task.from}" (6 mặt xếp dọc) để cắt mức ảnh dự phòng.`,
          `No preview "${task.from}" (six faces stacked) to cut the fallback level from.`,
        ),
      );
  for (const task of plan.recuts)
    for (const file of await recut(task, resolve(sourceDir), tourDir))
      plan.warnings.push(
        warn(
          file,
          `Không tìm thấy mảnh "${file}": phần đó để đen.`,
          `Tile "${file}" not found: that part is left black.`,
        ),
      );
  for (const task of plan.spheres ?? []) {
    const made = await cubeToSphere(task, resolve(sourceDir), tourDir);
    if (!made)
      plan.warnings.push(
        warn(
          task.faces[0]!,
          `Không đọc được 6 mặt khối để làm ảnh 2:1 "${task.to}".`,
          `The six cube faces for the 2:1 picture "${task.to}" cannot be read.`,
        ),
      );
    for (const file of made ? made.missing : [])
      plan.warnings.push(
        warn(
          file,
          `Không tìm thấy mảnh "${file}": phần đó của "${task.to}" để đen.`,
          `Tile "${file}" not found: that part of "${task.to}" is left black.`,
        ),
      );
  }
  await measureFaces(scenes, tourDir);
  await writeFile(join(tourDir, 'tour.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
