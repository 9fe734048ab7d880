/** Checks a panorama in the browser before it is uploaded. */

export const MAX_PANORAMA_WIDTH = 8192;
export const MIN_PANORAMA_WIDTH = 2048;
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export type PanoramaCheck =
  | { ok: true; width: number; height: number; warning?: 'tooLarge' | 'tooSmall' }
  | {
      ok: false;
      reason: 'notImage' | 'notPanorama' | 'fileTooBig';
      width?: number;
      height?: number;
    };

/** Pure part: what a width × height means for a panorama. */
export function judgeSize(width: number, height: number): PanoramaCheck {
  if (Math.abs(width / height - 2) > 0.02)
    return { ok: false, reason: 'notPanorama', width, height };
  if (width > MAX_PANORAMA_WIDTH) return { ok: true, width, height, warning: 'tooLarge' };
  if (width < MIN_PANORAMA_WIDTH) return { ok: true, width, height, warning: 'tooSmall' };
  return { ok: true, width, height };
}

export async function checkPanorama(file: File): Promise<PanoramaCheck> {
  if (file.size > MAX_UPLOAD_BYTES) return { ok: false, reason: 'fileTooBig' };
  if (!/^image\/(jpeg|png|webp)$/.test(file.type) && !/\.(jpe?g|png|webp)$/i.test(file.name)) {
    return { ok: false, reason: 'notImage' };
  }
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return { ok: false, reason: 'notImage' };
  }
  const { width, height } = bitmap;
  bitmap.close();
  return judgeSize(width, height);
}
