/**
 * A direction (a scene's start view, a hotspot's place, a link's arrival view) as a volunteer
 * sees it: a small picture of that part of the panorama, a "Xem" button that turns the
 * editor's viewer there, and the numbers only inside a closed "Nâng cao" fold.
 *
 * The picture is a CSS crop of the equirectangular image (background-size and -position), not
 * a render: no WebGL, no canvas, nothing to dispose. It is a plate carrée crop, so edges far
 * from the horizon look stretched compared to the viewer; close enough to recognise a place.
 */
import { DEFAULT_ZOOM, horizontalFov, verticalFov } from '../../core/first-view/view-geometry.ts';
import { h } from '../../web/ui/dom.ts';

export interface Direction {
  yaw: number;
  pitch: number;
  zoom?: number | undefined;
}

/** Where the panorama image sits behind a thumbnail of `width` × `height` pixels. */
export interface ThumbGeometry {
  width: number;
  height: number;
  /** background-size, in pixels (2:1, the whole panorama). */
  backgroundWidth: number;
  backgroundHeight: number;
  /** background-position, in pixels (≤ 0: the image's corner is left of / above the box). */
  x: number;
  y: number;
}

export const THUMB_SIZE = { width: 160, height: 90 } as const;

const round = (value: number): number => Math.round(value * 10) / 10;

/**
 * The crop that shows `view`: as wide as the viewer's field of view at its zoom (PSV's
 * formula, view-geometry.ts), centred on its yaw (0 = the picture's middle column, growing to
 * the right) and pitch (0 = the horizon), never showing above the zenith or below the nadir.
 */
export function thumbGeometry(
  view: Direction,
  size: { width: number; height: number } = THUMB_SIZE,
): ThumbGeometry {
  const { width, height } = size;
  const hFov = Math.min(360, horizontalFov(verticalFov(view.zoom ?? DEFAULT_ZOOM), width / height));
  // The whole picture must at least cover the box's height (a very wide view in a tall box).
  const backgroundWidth = Math.max((width * 360) / hFov, height * 2);
  const backgroundHeight = backgroundWidth / 2;
  const centreX = ((view.yaw + 180) / 360) * backgroundWidth;
  const centreY = ((90 - view.pitch) / 180) * backgroundHeight;
  // repeat-x wraps yaw; keep the offset in (-backgroundWidth, 0] so equal views read equal.
  let x = (width / 2 - centreX) % backgroundWidth;
  if (x > 0) x -= backgroundWidth;
  const y = Math.min(0, Math.max(height - backgroundHeight, height / 2 - centreY));
  return {
    width,
    height,
    backgroundWidth: round(backgroundWidth),
    backgroundHeight: round(backgroundHeight),
    x: round(x),
    y: round(y),
  };
}

/** A CSS string for an image address (quotes and backslashes escaped). */
const cssUrl = (url: string): string => `url("${url.replace(/["\\\n]/g, (c) => `\\${c}`)}")`;

export interface DirectionOptions {
  /** The equirectangular picture to crop; without one (a cube panorama) no picture is shown. */
  imageUrl: string | undefined;
  view: Direction;
  /** What the picture shows, for screen readers ("Góc nhìn đầu của cảnh …"). */
  label: string;
  /** A point in the panorama (a hotspot) rather than a view: a dot marks it. */
  point?: boolean;
  /** Turns the editor's viewer to the direction; no button without it. */
  look?: (() => void) | undefined;
  lookLabel: string;
  /** Title of the fold with the numbers. */
  advancedLabel: string;
  /** The numbers, in the editor's words ("Hướng ngang (yaw): 17.4°"). */
  numbers: readonly string[];
  testId?: string;
}

/** The picture, the "Xem" button and the closed fold with the numbers. */
export function directionThumb(options: DirectionOptions): HTMLElement {
  const picture = h('div', {
    class: `ed-thumb${options.point ? ' ed-thumb-point' : ''}`,
    role: 'img',
    'aria-label': options.label,
    'data-testid': 'direction-thumb',
  });
  const geometry = thumbGeometry(options.view);
  picture.style.width = `${geometry.width}px`;
  picture.style.height = `${geometry.height}px`;
  if (options.imageUrl) {
    picture.style.backgroundImage = cssUrl(options.imageUrl);
    picture.style.backgroundSize = `${geometry.backgroundWidth}px ${geometry.backgroundHeight}px`;
    picture.style.backgroundPosition = `${geometry.x}px ${geometry.y}px`;
  }
  let look: HTMLButtonElement | false = false;
  if (options.look) {
    const turn = options.look;
    look = h('button', { type: 'button', 'data-action': 'look' }, options.lookLabel);
    look.addEventListener('click', turn);
  }
  return h(
    'div',
    { class: 'ed-direction', 'data-testid': options.testId },
    h('div', { class: 'ed-row' }, picture, look),
    h(
      'details',
      { class: 'ed-advanced' },
      h('summary', {}, options.advancedLabel),
      ...options.numbers.map((line) => h('p', { class: 'ed-hint' }, line)),
    ),
  );
}

/** The picture to crop for a scene: its small preview when it has one, never a cube's. */
export function panoramaImage(
  panorama: { source?: string | undefined; preview?: string | undefined },
  fileUrl: (relative: string) => string,
): string | undefined {
  if (!panorama.source) return undefined;
  return fileUrl(panorama.preview ?? panorama.source);
}

/** The numbers of a direction, for the "Nâng cao" fold. */
export function directionNumbers(
  view: Direction,
  t: (key: string, options?: Record<string, unknown>) => string,
): string[] {
  const lines = [t('dirYaw', { value: view.yaw }), t('dirPitch', { value: view.pitch })];
  if (view.zoom !== undefined) lines.push(t('dirZoom', { value: view.zoom }));
  return lines;
}
