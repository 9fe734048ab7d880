/**
 * Renders a scene's posters with sharp: the start view as PSV will draw it, for portrait and
 * landscape screens, plus a tiny placeholder to inline in the HTML. The panorama is decoded
 * once, already reduced to the width the posters need (libjpeg shrinks on load), and each
 * poster is resampled from those raw pixels (src/core/first-view) and encoded.
 */
import sharp, { type Sharp } from 'sharp';
import {
  POSTER_ORIENTATIONS,
  POSTER_SIZES,
  type PosterOrientation,
} from '../../core/first-view/poster-layout.ts';
import {
  type RawPixels,
  renderView,
  sourceWidthFor,
} from '../../core/first-view/poster-sampling.ts';
import {
  type FovLimits,
  PSV_FOV,
  type Size,
  type StartView,
} from '../../core/first-view/view-geometry.ts';

export type PosterFormat = 'webp' | 'jpeg';

export interface PosterOptions {
  /** Which posters to make (both by default). */
  orientations?: readonly PosterOrientation[];
  sizes?: Readonly<Record<PosterOrientation, Size>>;
  format?: PosterFormat;
  /** Encoder quality, 1–100. */
  quality?: number;
  /** Width of the placeholder (its height follows the poster's aspect); 0 for none. */
  placeholderWidth?: number;
  /** The viewer's field-of-view limits, if it ever leaves PSV's defaults. */
  limits?: FovLimits;
}

export interface Poster {
  orientation: PosterOrientation;
  width: number;
  height: number;
  format: PosterFormat;
  data: Buffer;
}

export interface Placeholder {
  orientation: PosterOrientation;
  width: number;
  height: number;
  /** `data:image/webp;base64,…` (the CSP's img-src allows `data:`). */
  dataUri: string;
}

export interface PosterSet {
  posters: Poster[];
  placeholders: Placeholder[];
}

/**
 * Measured on the demo scenes: a 540×960 WebP of 11–23 KB (1200×540: 17–29 KB) with no visible
 * blocking; quality 50 costs about 40 % more bytes for detail the first second does not need.
 */
export const POSTER_QUALITY = 32;
export const PLACEHOLDER_WIDTH = 24;
const PLACEHOLDER_QUALITY = 40;
/** Past this width decoding costs more than it brings, even at zoom 100. */
const MAX_SOURCE_WIDTH = 8192;

/** The equirectangular picture as raw RGB, resized to `width` × `width / 2` (2:1 forced). */
export async function decodeEquirect(source: string | Buffer, width: number): Promise<RawPixels> {
  const { data, info } = await sharp(source)
    .rotate()
    .resize(width, width / 2, { fit: 'fill', kernel: 'lanczos3' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** The decode width the posters need: no more than the source has, an even number. */
export function decodeWidth(
  sourceWidth: number,
  view: StartView,
  sizes: readonly Size[],
  limits: FovLimits = PSV_FOV,
): number {
  const needed = Math.max(...sizes.map((size) => sourceWidthFor(view, size, limits)));
  const width = Math.min(sourceWidth, needed, MAX_SOURCE_WIDTH);
  return Math.max(2, 2 * Math.floor(width / 2));
}

/** Posters (and placeholders) of one scene's start view from its equirectangular picture. */
export async function renderPosters(
  source: string | Buffer,
  view: StartView,
  options: PosterOptions = {},
): Promise<PosterSet> {
  const orientations = options.orientations ?? POSTER_ORIENTATIONS;
  const sizes = options.sizes ?? POSTER_SIZES;
  const limits = options.limits ?? PSV_FOV;
  const metadata = await sharp(source).metadata();
  if (!metadata.width || !metadata.height) throw new Error('not a readable image');
  const width = decodeWidth(
    metadata.width,
    view,
    orientations.map((o) => sizes[o]),
    limits,
  );
  const equirect = await decodeEquirect(source, width);
  const set: PosterSet = { posters: [], placeholders: [] };
  for (const orientation of orientations) {
    const size = sizes[orientation];
    // A poster that needs fewer source pixels gets them averaged first (no aliasing, and the
    // same bytes whether it is rendered alone or with the other orientation).
    const own = decodeWidth(equirect.width, view, [size], limits);
    const from = own < equirect.width * 0.9 ? await resizeRaw(equirect, own) : equirect;
    const pixels = renderView(from, view, size, limits);
    const { poster, placeholder } = await encodePoster(pixels, orientation, options);
    set.posters.push(poster);
    if (placeholder) set.placeholders.push(placeholder);
  }
  return set;
}

/** Encodes rendered pixels as a poster and, unless asked not to, a placeholder. */
export async function encodePoster(
  pixels: RawPixels,
  orientation: PosterOrientation,
  options: Pick<PosterOptions, 'format' | 'quality' | 'placeholderWidth'> = {},
): Promise<{ poster: Poster; placeholder?: Placeholder }> {
  const format = options.format ?? 'webp';
  const quality = options.quality ?? POSTER_QUALITY;
  const image = fromRaw(pixels);
  const data =
    format === 'webp'
      ? await image.webp({ quality, effort: 4, smartSubsample: true }).toBuffer()
      : await image.jpeg({ quality, mozjpeg: true }).toBuffer();
  const poster = { orientation, width: pixels.width, height: pixels.height, format, data };
  const placeholderWidth = options.placeholderWidth ?? PLACEHOLDER_WIDTH;
  if (placeholderWidth <= 0) return { poster };
  const height = Math.max(1, Math.round((placeholderWidth * pixels.height) / pixels.width));
  const tiny = await fromRaw(pixels)
    .resize(placeholderWidth, height, { fit: 'fill' })
    .webp({ quality: PLACEHOLDER_QUALITY, effort: 6 })
    .toBuffer();
  return {
    poster,
    placeholder: {
      orientation,
      width: placeholderWidth,
      height,
      dataUri: `data:image/webp;base64,${tiny.toString('base64')}`,
    },
  };
}

async function resizeRaw(pixels: RawPixels, width: number): Promise<RawPixels> {
  const { data, info } = await fromRaw(pixels)
    .resize(width, width / 2, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

const fromRaw = (pixels: RawPixels): Sharp =>
  sharp(pixels.data, {
    raw: {
      width: pixels.width,
      height: pixels.height,
      channels: pixels.channels as 1 | 2 | 3 | 4,
    },
  });
