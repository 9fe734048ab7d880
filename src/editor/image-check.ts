/**
 * Checks a panorama in the browser before it is uploaded: refusals and warnings are problems
 * from the project's catalogue (their file: the picture's name), the size comes with success.
 */
import { problem } from '../core/manifest/problems.ts';
import { failure, type Result, success } from '../core/result.ts';

export const MAX_PANORAMA_WIDTH = 8192;
export const MIN_PANORAMA_WIDTH = 2048;
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface PanoramaSize {
  width: number;
  height: number;
}

/** Pure part: what a width × height means for a panorama (`file` names it in the messages). */
export function judgeSize(width: number, height: number, file = ''): Result<PanoramaSize> {
  const values = { name: file, width, height };
  if (Math.abs(width / height - 2) > 0.02) {
    return failure(problem('image-not-panorama', values, file));
  }
  const size = { width, height };
  if (width > MAX_PANORAMA_WIDTH) {
    return success(size, [problem('image-too-large', values, file)]);
  }
  if (width < MIN_PANORAMA_WIDTH) {
    return success(size, [problem('image-too-small', values, file)]);
  }
  return success(size);
}

export async function checkPanorama(file: File): Promise<Result<PanoramaSize>> {
  const values = { name: file.name };
  if (file.size > MAX_UPLOAD_BYTES) {
    return failure(problem('image-file-too-big', values, file.name));
  }
  if (!/^image\/(jpeg|png|webp)$/.test(file.type) && !/\.(jpe?g|png|webp)$/i.test(file.name)) {
    return failure(problem('image-not-readable', values, file.name));
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return failure(problem('image-not-readable', values, file.name));
  }
  const { width, height } = bitmap;
  bitmap.close();
  return judgeSize(width, height, file.name);
}
