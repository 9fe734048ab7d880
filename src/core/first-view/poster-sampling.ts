/**
 * The poster as a perspective render of an equirectangular picture: for each poster pixel the
 * source point it shows (`sampleMap`), and the bilinear resampling itself (`renderView`) on raw
 * interleaved pixels. Pure: src/node/first-view decodes and encodes around it.
 */
import {
  camera,
  equirectPoint,
  type FovLimits,
  PSV_FOV,
  type Size,
  type StartView,
} from './view-geometry.ts';

/** Raw interleaved pixels, rows top to bottom (what sharp's `.raw()` gives). */
export interface RawPixels extends Size {
  data: Uint8Array;
  channels: number;
}

/**
 * Source coordinates of every output pixel, x then y, row by row: `map[2 * (j * width + i)]`
 * is the x of pixel (i, j) in the source (continuous, pixel centres at integers).
 */
export function sampleMap(
  view: StartView,
  output: Size,
  source: Size,
  limits: FovLimits = PSV_FOV,
): Float32Array {
  const cam = camera(view, output, limits);
  const map = new Float32Array(output.width * output.height * 2);
  let k = 0;
  for (let j = 0; j < output.height; j++) {
    for (let i = 0; i < output.width; i++) {
      const point = equirectPoint(cam.ray(i + 0.5, j + 0.5), source);
      map[k++] = point.x;
      map[k++] = point.y;
    }
  }
  return map;
}

/**
 * Width of the equirectangular picture whose pixels are as large as the output's at its centre,
 * where a rectilinear view is the least magnified: `π · height / tan(vFov / 2)`. Sampling a
 * picture resized to this width needs no prefilter, and a larger one brings nothing.
 */
export function sourceWidthFor(view: StartView, output: Size, limits: FovLimits = PSV_FOV): number {
  const { vFov } = camera(view, output, limits);
  return Math.ceil((Math.PI * output.height) / Math.tan((vFov * Math.PI) / 360));
}

/**
 * Resamples an equirectangular picture along a map, bilinearly: columns wrap around (yaw is
 * periodic), rows clamp at the poles. The output has the source's channels.
 */
export function resample(source: RawPixels, map: Float32Array, output: Size): RawPixels {
  const { width: sw, height: sh, channels: c, data: src } = source;
  const out = new Uint8Array(output.width * output.height * c);
  const pixels = output.width * output.height;
  const row = sw * c;
  for (let p = 0; p < pixels; p++) {
    let x = map[2 * p]!;
    const y = Math.min(sh - 1, Math.max(0, map[2 * p + 1]!));
    if (x < 0) x += sw;
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    const xa = (x0 % sw) * c;
    const xb = ((x0 + 1) % sw) * c;
    const ya = y0 * row;
    const yb = Math.min(sh - 1, y0 + 1) * row;
    const w00 = (1 - fx) * (1 - fy);
    const w10 = fx * (1 - fy);
    const w01 = (1 - fx) * fy;
    const w11 = fx * fy;
    for (let ch = 0; ch < c; ch++) {
      const value =
        src[ya + xa + ch]! * w00 +
        src[ya + xb + ch]! * w10 +
        src[yb + xa + ch]! * w01 +
        src[yb + xb + ch]! * w11;
      out[p * c + ch] = value + 0.5;
    }
  }
  return { data: out, width: output.width, height: output.height, channels: c };
}

/** The start view as PSV draws it, from an equirectangular picture of any size. */
export function renderView(
  source: RawPixels,
  view: StartView,
  output: Size,
  limits: FovLimits = PSV_FOV,
): RawPixels {
  return resample(source, sampleMap(view, output, source, limits), output);
}
