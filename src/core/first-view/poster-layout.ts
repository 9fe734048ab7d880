/**
 * Which posters a scene gets and how a page shows them so that the live viewer, drawn over the
 * same box, does not jump. PSV keeps the vertical field of view fixed and widens or narrows the
 * horizontal one with the screen, so a poster matches exactly when it is scaled to the screen's
 * height and centred, its sides cropped: `object-fit: cover` does that on every screen narrower
 * than the poster. Hence two posters, each as wide as the widest screen of its kind: a 9:16
 * portrait one for phones held upright, a 20:9 landscape one for everything wider than 9:16
 * (desktop windows are about 2:1, kiosks 16:9, tablets narrower).
 */
import type { Size } from './view-geometry.ts';

export type PosterOrientation = 'portrait' | 'landscape';

export const POSTER_ORIENTATIONS: readonly PosterOrientation[] = ['portrait', 'landscape'];

/**
 * Pixel sizes: about 1.5 device pixels per CSS pixel on a 360×640 phone; the landscape one is
 * 1.5× a 800×360 phone on its side and half a full-HD kiosk (a poster shows for about a second).
 */
export const POSTER_SIZES: Readonly<Record<PosterOrientation, Size>> = {
  portrait: { width: 540, height: 960 },
  landscape: { width: 1200, height: 540 },
};

/**
 * The media condition under which the portrait poster is the one to show (for `<source media>`
 * and `matchMedia`): screens no wider than it, which it covers by height.
 */
export function portraitMedia(sizes: Readonly<Record<PosterOrientation, Size>> = POSTER_SIZES) {
  const { width, height } = sizes.portrait;
  return `(max-aspect-ratio: ${width}/${height})`;
}

/** The poster for a screen (or viewer box) of this size. */
export function posterOrientation(
  screen: Size,
  sizes: Readonly<Record<PosterOrientation, Size>> = POSTER_SIZES,
): PosterOrientation {
  const portrait = sizes.portrait.width / sizes.portrait.height;
  return screen.width / screen.height <= portrait ? 'portrait' : 'landscape';
}

/**
 * The part of a poster that `object-fit: cover` (centred) shows in a box, in poster pixels.
 * It is what PSV shows in that box whenever the box is narrower than the poster.
 */
export function coverRegion(
  poster: Size,
  box: Size,
): { left: number; top: number; width: number; height: number } {
  const scale = Math.max(box.width / poster.width, box.height / poster.height);
  const width = Math.min(poster.width, box.width / scale);
  const height = Math.min(poster.height, box.height / scale);
  return {
    left: (poster.width - width) / 2,
    top: (poster.height - height) / 2,
    width,
    height,
  };
}

/** True when the poster, shown with `object-fit: cover`, frames exactly what PSV shows. */
export function coversExactly(poster: Size, box: Size): boolean {
  return box.width / box.height <= poster.width / poster.height + 1e-9;
}

/**
 * File name of a poster inside the published tour folder; `version` is a digest of what it is
 * made from (source, view, size, encoder settings) so the file can be cached forever.
 */
export function posterPath(
  sceneId: string,
  orientation: PosterOrientation,
  version: string,
  extension: 'webp' | 'jpg' = 'webp',
): string {
  return `posters/${sceneId}.${orientation}.${version.slice(0, 12)}.${extension}`;
}

/**
 * Id of the inert `<template>` the build puts in `index.html` with each tour's start-scene
 * poster, which the app clones for a `#/<tour>` link or a tap in the tour list.
 */
export const TOUR_POSTERS_ID = 'tour-posters';
