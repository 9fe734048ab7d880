/**
 * Whether a picture can become a scene's panorama, from facts the browser measures (size,
 * bytes, a small copy of its pixels): refused (not added) or accepted, with advice when it
 * will not look as the author expects. Pure, so every rule is tested without a browser; the
 * editor's `image-check.ts` measures, this decides.
 *
 * The limits are the build's: it cuts every panorama into a pyramid of tiles up to the
 * picture's own width (`core/tiles/tiling-plan.ts`), with an image library that refuses to
 * open more than `MAX_PIXELS` at all, and publishes the tiles as JPEG (no transparency).
 */
import { problem } from '../manifest/problems.ts';
import { failure, type Problem, type Result, success } from '../result.ts';
import { planLevels } from '../tiles/tiling-plan.ts';
import type { StereoLayout } from './panorama-problems.ts';

/** The largest upload the editor's endpoint accepts. */
export const MAX_PANORAMA_BYTES = 50 * 1024 * 1024;
/** sharp's default `limitInputPixels` (0x3FFF²), which the tiler and poster maker keep. */
export const MAX_PIXELS = 268_402_689;
/** Wider than this, a picture is "very large": fine once tiled, but heavy to download. */
export const LARGE_PANORAMA_WIDTH = 8192;
/** Narrower than this, a panorama looks blurry when zoomed. */
export const MIN_PANORAMA_WIDTH = 2048;
/** How far from exactly 2:1 (or 1:1, 4:1) a picture may be: cameras are a few pixels off. */
const RATIO_TOLERANCE = 0.02;
/** Mean difference (0–1) below which two halves are the same place seen by two eyes. */
const ALIKE_BELOW = 0.08;

/** A small copy of the picture's pixels, RGBA row by row (as `getImageData` gives). */
export interface PixelSample {
  width: number;
  height: number;
  data: Uint8ClampedArray | Uint8Array;
}

export interface PictureFacts {
  /** The file's name, for the problems' `file`. */
  name: string;
  width: number;
  height: number;
  bytes: number;
  /** A copy small enough to read quickly (see `SAMPLE_SIDE`); none when it could not be made. */
  sample?: PixelSample;
}

/** The longer side of the sample the editor draws (enough to see a hole or two halves). */
export const SAMPLE_SIDE = 256;

const near = (ratio: number, wanted: number): boolean =>
  Math.abs(ratio / wanted - 1) <= RATIO_TOLERANCE;

/** True when some pixel of the sample is clearly see-through (a hole, not a rounding). */
export function usesTransparency(sample: PixelSample): boolean {
  const { data } = sample;
  for (let i = 3; i < data.length; i += 4) if (data[i]! < 250) return true;
  return false;
}

/** Brightness 0–1 of the sample's pixel at (x, y). */
function lightAt(sample: PixelSample, x: number, y: number): number {
  const i = (y * sample.width + x) * 4;
  const d = sample.data;
  return (0.299 * d[i]! + 0.587 * d[i + 1]! + 0.114 * d[i + 2]!) / 255;
}

/**
 * The mean brightness difference (0–1) between the two halves of the sample, cut across
 * (`top-bottom`) or down the middle (`side-by-side`). Two views of one place differ little
 * (a small shift of near things between the eyes); an ordinary picture's sky and ground a lot.
 */
export function halvesDifference(sample: PixelSample, layout: StereoLayout): number {
  const across = layout === 'top-bottom';
  const w = across ? sample.width : Math.floor(sample.width / 2);
  const h = across ? Math.floor(sample.height / 2) : sample.height;
  if (w === 0 || h === 0) return 1;
  let sum = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const other = across ? lightAt(sample, x, y + h) : lightAt(sample, x + w, y);
      sum += Math.abs(lightAt(sample, x, y) - other);
    }
  }
  return sum / (w * h);
}

/** The stereo layout a picture of this shape and content is in, if any. */
export function stereoLayout(facts: PictureFacts): StereoLayout | undefined {
  const ratio = facts.width / facts.height;
  const layout = near(ratio, 1) ? 'top-bottom' : near(ratio, 4) ? 'side-by-side' : undefined;
  if (!layout || !facts.sample) return undefined;
  return halvesDifference(facts.sample, layout) < ALIKE_BELOW ? layout : undefined;
}

/** The width the build publishes a panorama at: its pyramid's top level. */
export const publishedWidth = (width: number): number => planLevels(width).at(-1)?.width ?? width;

export interface PanoramaSize {
  width: number;
  height: number;
}

/**
 * The verdict on a picture as a new panorama: failure (refused, with the one reason that
 * matters most) or success with warnings (added, with advice). Order: what cannot be uploaded
 * at all, then what is no single 360° picture, then what the build cannot open.
 */
export function judgePanorama(facts: PictureFacts): Result<PanoramaSize> {
  const { name, width, height, bytes } = facts;
  if (bytes > MAX_PANORAMA_BYTES)
    return failure(problem('image-file-too-big', { name, bytes }, name));
  const stereo = stereoLayout(facts);
  if (stereo) return failure(problem('image-stereo', { name, layout: stereo }, name));
  if (!near(width / height, 2)) {
    return failure(problem('image-not-panorama', { name, width, height }, name));
  }
  if (width * height > MAX_PIXELS) {
    return failure(problem('image-too-many-pixels', { name, width, height }, name));
  }
  const warnings: Problem[] = [];
  if (width > LARGE_PANORAMA_WIDTH) {
    warnings.push(
      problem('image-too-large', { name, width, published: publishedWidth(width) }, name),
    );
  }
  if (width < MIN_PANORAMA_WIDTH) warnings.push(problem('image-too-small', { name, width }, name));
  if (facts.sample && usesTransparency(facts.sample)) {
    warnings.push(problem('image-transparent', { name }, name));
  }
  return success({ width, height }, warnings);
}
