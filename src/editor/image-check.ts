/**
 * Checks a panorama in the browser before it is uploaded: the browser measures (size, bytes,
 * a small copy of the pixels to see holes and stacked pairs), `core/media/panorama-shape.ts`
 * decides. Refusals and warnings are problems from the project's catalogue (their file: the
 * picture's name); the size comes with success.
 */
import { problem } from '../core/manifest/problems.ts';
import {
  judgePanorama,
  LARGE_PANORAMA_WIDTH,
  MAX_PANORAMA_BYTES,
  MIN_PANORAMA_WIDTH,
  type PanoramaSize,
  type PixelSample,
  SAMPLE_SIDE,
} from '../core/media/panorama-shape.ts';
import { failure, type Result } from '../core/result.ts';

export type { PanoramaSize };
export const MAX_PANORAMA_WIDTH = LARGE_PANORAMA_WIDTH;
export { MIN_PANORAMA_WIDTH };
export const MAX_UPLOAD_BYTES = MAX_PANORAMA_BYTES;

/** Pure part: what a width × height means for a panorama (`file` names it in the messages). */
export const judgeSize = (width: number, height: number, file = ''): Result<PanoramaSize> =>
  judgePanorama({ name: file, width, height, bytes: 0 });

/** A copy of the picture at most `SAMPLE_SIDE` wide or high, with its alpha as it is. */
function sampleOf(bitmap: ImageBitmap): PixelSample | undefined {
  const scale = Math.min(1, SAMPLE_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale));
  const height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return undefined;
  context.drawImage(bitmap, 0, 0, width, height);
  return { width, height, data: context.getImageData(0, 0, width, height).data };
}

export async function checkPanorama(file: File): Promise<Result<PanoramaSize>> {
  const name = file.name;
  if (file.size > MAX_UPLOAD_BYTES) {
    return failure(problem('image-file-too-big', { name, bytes: file.size }, name));
  }
  if (!/^image\/(jpeg|png|webp)$/.test(file.type) && !/\.(jpe?g|png|webp)$/i.test(name)) {
    return failure(problem('image-not-readable', { name }, name));
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { premultiplyAlpha: 'none' });
  } catch {
    return failure(problem('image-not-readable', { name }, name));
  }
  try {
    let sample: PixelSample | undefined;
    try {
      sample = sampleOf(bitmap);
    } catch {
      sample = undefined; // a canvas refused (memory): judged on its size alone
    }
    const { width, height } = bitmap;
    return judgePanorama({ name, width, height, bytes: file.size, sample });
  } finally {
    bitmap.close();
  }
}
