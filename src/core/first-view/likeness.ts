/**
 * How much two pictures look alike, for the bench's "the poster is the view" check: both are
 * reduced to small grey thumbnails (area averages, so noise, compression and small offsets
 * barely count) and compared by Pearson correlation. 1 is the same picture up to brightness
 * and contrast, 0 unrelated, −1 the negative.
 */
import type { RawPixels } from './poster-sampling.ts';
import type { Size } from './view-geometry.ts';

/** Thumbnail sizes the bench uses (width × height). */
export const LIKENESS_THUMBNAIL: Readonly<Record<'landscape' | 'portrait', Size>> = {
  landscape: { width: 32, height: 18 },
  portrait: { width: 18, height: 32 },
};

/** Pearson correlation of two equally long series; 0 when either is constant. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`lengths differ: ${a.length}, ${b.length}`);
  const n = a.length;
  if (n === 0) return 0;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i]!;
    meanB += b[i]!;
  }
  meanA /= n;
  meanB /= n;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - meanA;
    const db = b[i]! - meanB;
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return aa === 0 || bb === 0 ? 0 : ab / Math.sqrt(aa * bb);
}

/**
 * Grey (Rec. 709 luma) thumbnail by area averaging: every source pixel counts, in proportion to
 * how much of it falls in each thumbnail cell. Channels past the third (alpha) are ignored; one
 * or two channels are taken as grey.
 */
export function greyThumbnail(image: RawPixels, size: Size): Float64Array {
  const { width: w, height: h, channels: c, data } = image;
  const out = new Float64Array(size.width * size.height);
  const weight = new Float64Array(size.width * size.height);
  const sx = size.width / w;
  const sy = size.height / h;
  for (let y = 0; y < h; y++) {
    const y0 = y * sy;
    const y1 = y0 + sy;
    const rowA = Math.floor(y0);
    const rowB = Math.min(size.height - 1, Math.floor(y1 - 1e-9));
    for (let x = 0; x < w; x++) {
      const p = (y * w + x) * c;
      const luma =
        c >= 3
          ? 0.2126 * data[p]! + 0.7152 * data[p + 1]! + 0.0722 * data[p + 2]!
          : (data[p] as number);
      const x0 = x * sx;
      const x1 = x0 + sx;
      const colA = Math.floor(x0);
      const colB = Math.min(size.width - 1, Math.floor(x1 - 1e-9));
      for (let row = rowA; row <= rowB; row++) {
        const wy = Math.min(y1, row + 1) - Math.max(y0, row);
        for (let col = colA; col <= colB; col++) {
          const wx = Math.min(x1, col + 1) - Math.max(x0, col);
          const k = row * size.width + col;
          out[k] = out[k]! + luma * wx * wy;
          weight[k] = weight[k]! + wx * wy;
        }
      }
    }
  }
  for (let k = 0; k < out.length; k++) out[k] = weight[k]! > 0 ? out[k]! / weight[k]! : 0;
  return out;
}

/** Likeness of two pictures of the same framing (any sizes): correlation of grey thumbnails. */
export function likeness(a: RawPixels, b: RawPixels, size?: Size): number {
  const thumb = size ?? LIKENESS_THUMBNAIL[a.width >= a.height ? 'landscape' : 'portrait'];
  return pearson(greyThumbnail(a, thumb), greyThumbnail(b, thumb));
}

/** The part of a picture inside a rectangle (pixels, rounded), e.g. a poster's cover region. */
export function crop(
  image: RawPixels,
  region: { left: number; top: number; width: number; height: number },
): RawPixels {
  const left = Math.round(region.left);
  const top = Math.round(region.top);
  const width = Math.round(region.width);
  const height = Math.round(region.height);
  const c = image.channels;
  const data = new Uint8Array(width * height * c);
  for (let y = 0; y < height; y++) {
    const start = ((top + y) * image.width + left) * c;
    data.set(image.data.subarray(start, start + width * c), y * width * c);
  }
  return { data, width, height, channels: c };
}
