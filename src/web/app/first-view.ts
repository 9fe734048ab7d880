/**
 * The hand-over from a scene page's poster (made at build time, painted before any script
 * ran) to the live viewer. A scene page lives at `<base>/<tour>/<scene>/`; the app lives at
 * `<base>/`, so the address is first put back there (no reload) with the scene in the hash,
 * as a printed `#/` link would have it. The poster then stays over the viewer's box until
 * the viewer shows the same view at least as sharp — the tiles in the middle of the start
 * view loaded, then two frames for them to be drawn — and fades out. It is valid for the
 * start view only: a link naming a view, a hotspot or another scene, the visitor moving the
 * view, or any other screen removes it at once.
 */
import './first-view.css';
import { formatDeepLink, parseDeepLink } from '../../core/links/deep-link.ts';
import { tilePath } from '../../core/manifest/panorama.ts';
import type { EquirectTiles } from '../../core/manifest/schema.ts';
import { fieldOfView, levelFor, type ViewerGeometry } from '../viewer/tile-prefetch.ts';
import type { TourViewer } from '../viewer/tour-viewer.ts';
import { on } from '../viewer/viewer-events.ts';
import { TOUR_POSTERS_ID } from '../../core/first-view/poster-layout.ts';
import { VIEWER_MOUNTED } from './viewer-host.ts';

/** The fade, as in first-view.css. */
export const FADE_MS = 280;
/** The poster never outstays the live panorama by more than this (slow or missing tiles). */
export const SHARP_CAP_MS = 4000;

export interface PosterData {
  tour: string;
  scene: string;
  view: { yaw: number; pitch: number; zoom: number };
  tiles?: EquirectTiles;
}

/** What the scene page says its poster shows (its data attributes), or null. */
export function posterData(element: HTMLElement): PosterData | null {
  const { tour, scene, view, tiles } = element.dataset;
  if (!tour || !scene || !view) return null;
  try {
    const data: PosterData = { tour, scene, view: JSON.parse(view) as PosterData['view'] };
    if (tiles) data.tiles = JSON.parse(tiles) as EquirectTiles;
    return data;
  } catch {
    return null;
  }
}

/**
 * The app's address seen from a scene page: two folders up, the query kept (a shared link
 * may carry `?fbclid=…`), the hash kept when there is one, else the poster's scene.
 */
export function appAddress(data: PosterData, search: string, hash: string): string {
  return `../../${search}${hash && hash !== '#' ? hash : formatDeepLink({ tour: data.tour, scene: data.scene })}`;
}

/** True when the link asks for just what the poster shows: its scene at its start view. */
export function posterMatches(data: PosterData, hash: string): boolean {
  if (!hash || hash === '#') return true;
  const link = parseDeepLink(hash);
  return link.tour === data.tour && link.scene === data.scene && !link.view && !link.hotspot;
}

/**
 * Tour-relative paths of the tiles covering the middle half of the start view (both ways):
 * PSV draws those on arrival whatever margin it keeps, so once they are in the live view is
 * as sharp as the poster where the eye is.
 */
export function centreTiles(
  tiles: EquirectTiles,
  view: PosterData['view'],
  viewer: ViewerGeometry,
): string[] {
  const fov = fieldOfView(view.zoom, viewer);
  const levelIndex = levelFor(tiles, fov, viewer);
  const level = tiles.levels[levelIndex]!;
  const colWidth = 360 / level.cols;
  const rowHeight = 180 / level.rows;
  const halfWidth = fov.h / 4;
  const halfHeight = fov.v / 4;
  const firstRow = Math.max(0, Math.floor((90 - (view.pitch + halfHeight)) / rowHeight));
  const lastRow = Math.min(
    level.rows - 1,
    Math.floor((90 - (view.pitch - halfHeight)) / rowHeight),
  );
  const cols = new Set<number>();
  const from = Math.floor((view.yaw - halfWidth + 180) / colWidth);
  const to = Math.floor((view.yaw + halfWidth + 180) / colWidth);
  for (let c = from; c <= to && cols.size < level.cols; c++)
    cols.add(((c % level.cols) + level.cols) % level.cols);
  const paths: string[] = [];
  for (let row = firstRow; row <= lastRow; row++)
    for (const col of cols) paths.push(tilePath(tiles.path, { level: levelIndex, row, col }));
  return paths;
}

export class FirstView {
  private gone = false;
  private readonly cleanups: Array<() => void> = [];

  private constructor(
    readonly element: HTMLElement,
    readonly data: PosterData,
  ) {}

  /**
   * On a scene page: puts the address back to the app's, then keeps the poster (out of the
   * app's root, which the app's first render replaces) if the link still asks for its view.
   * Null elsewhere, or when the poster was dropped at once.
   */
  static take(doc: Document = document): FirstView | null {
    const element = doc.querySelector<HTMLElement>('.first-view');
    const data = element && posterData(element);
    if (!element || !data) return null;
    const { search, hash } = doc.location;
    history.replaceState(history.state, '', appAddress(data, search, hash));
    if (!posterMatches(data, hash)) {
      element.remove();
      return null;
    }
    // Fixed over the whole page, under the top bar and the dock (first-view.css).
    doc.body.append(element);
    return new FirstView(element, data);
  }

  /**
   * On the app's own page (a `#/<tour>` link, or a tap in the tour list): the poster of the
   * tour's start scene from the inert template the build put in index.html, shown at once if
   * the link asks for that scene at its start view. Null when there is none.
   */
  static fromTemplate(doc: Document = document): FirstView | null {
    const template = doc.getElementById(TOUR_POSTERS_ID);
    const link = parseDeepLink(doc.location.hash);
    if (!(template instanceof HTMLTemplateElement) || !link.tour || link.view || link.hotspot)
      return null;
    for (const candidate of template.content.querySelectorAll<HTMLElement>('.first-view')) {
      const data = posterData(candidate);
      if (data?.tour !== link.tour || (link.scene && link.scene !== data.scene)) continue;
      const element = doc.importNode(candidate, true);
      doc.body.append(element);
      return new FirstView(element, data);
    }
    return null;
  }

  /**
   * From the tour list to a tour for the first time: its poster covers the wait for the 3D
   * viewer's code. Only while no viewer exists yet — a viewer kept from an earlier tour
   * is reused without a new mount, which the hand-over would wait for in vain.
   */
  static followTourLinks(root: HTMLElement): void {
    let previous = parseDeepLink(location.hash);
    window.addEventListener('hashchange', () => {
      const link = parseDeepLink(location.hash);
      const fromList = !previous.tour;
      previous = link;
      const mounted = root.querySelector('[data-testid="viewer"] .psv-container');
      if (!fromList || !link.tour || mounted) return;
      FirstView.fromTemplate()?.follow(root);
    });
  }

  /** Follows the app in `root` until the live viewer takes over (or something else shows). */
  follow(root: HTMLElement): void {
    // The poster first: on a slow line it is what the visitor waits for.
    const poster = this.element.querySelector<HTMLImageElement>('.first-view__poster img');
    if (!poster || poster.complete) this.prefetchTiles();
    else {
      const next = () => this.prefetchTiles();
      poster.addEventListener('load', next, { once: true });
      poster.addEventListener('error', next, { once: true });
    }
    const found = () => {
      if (root.querySelector('[data-testid="tour-error"]')) return this.remove();
      const viewer = root.querySelector<HTMLElement>('[data-testid="viewer"]');
      if (!viewer) return false;
      this.watchViewer(viewer);
      return true;
    };
    if (!found()) {
      const observer = new MutationObserver(() => {
        if (found() !== false) observer.disconnect();
      });
      observer.observe(root, { childList: true, subtree: true });
      this.cleanups.push(() => observer.disconnect());
    }
    // Anywhere else the visitor goes (the tour list, another scene by the address bar).
    this.listen(window, 'hashchange', () => this.remove());
  }

  /** Removes the poster now (the visitor moved, or it no longer shows what is asked). */
  remove(): true {
    if (!this.gone) {
      this.gone = true;
      for (const cleanup of this.cleanups.splice(0)) cleanup();
    }
    this.element.remove();
    return true;
  }

  /** Fades the poster out (at once under reduced motion), then removes it. */
  fadeOut(): void {
    if (this.gone) return;
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      this.remove();
      return;
    }
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.gone = true;
    this.element.dataset.state = 'leaving';
    const done = () => this.element.remove();
    this.element.addEventListener('transitionend', done, { once: true });
    // A tab in the background runs no transition: the poster must still go.
    setTimeout(done, FADE_MS + 100);
  }

  /**
   * The tiles the live viewer will show first in the middle of the view (those the hand-over
   * waits for; a margin would cost a slow line more than it brings), asked for now: this runs as soon as the small
   * entry script does, seconds before the 3D viewer's code has arrived and would ask for them
   * itself (it then finds them in the HTTP cache: tiles are cached forever). The viewer's box
   * is the whole window, as the poster is.
   */
  private prefetchTiles(): void {
    const { tiles, view, tour } = this.data;
    const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection
      ?.saveData;
    if (!tiles || saveData) return;
    const geometry = { width: innerWidth || 1, height: innerHeight || 1 };
    const tourUrl = new URL(`tours/${tour}/`, document.baseURI);
    for (const path of centreTiles(tiles, view, geometry))
      void fetch(new URL(path, tourUrl), { priority: 'high' } as RequestInit).catch(
        () => undefined,
      );
  }

  private watchViewer(box: HTMLElement): void {
    // The visitor takes the view elsewhere: the poster no longer shows it.
    for (const type of ['pointerdown', 'wheel', 'keydown'] as const)
      this.listen(box, type, () => this.remove(), { capture: true, passive: true });
    this.listen(box, VIEWER_MOUNTED, (event) => {
      const viewer = (event as CustomEvent<TourViewer | null>).detail;
      if (!viewer) return void this.remove();
      on(viewer, 'scene-error', () => this.remove());
      on(viewer, 'scene-change', ({ detail }) => {
        if (this.gone) return;
        if (detail.sceneId !== this.data.scene) return void this.remove();
        this.whenSharp(box);
      });
    });
  }

  private whenSharp(box: HTMLElement): void {
    const cap = setTimeout(() => this.fadeOut(), SHARP_CAP_MS);
    this.cleanups.push(() => clearTimeout(cap));
    const geometry = { width: box.clientWidth || 1, height: box.clientHeight || 1 };
    const tourUrl = new URL(`tours/${this.data.tour}/`, document.baseURI);
    const pending = new Set(
      this.data.tiles
        ? centreTiles(this.data.tiles, this.data.view, geometry).map(
            (path) => new URL(path, tourUrl).href,
          )
        : [],
    );
    const settle = () => {
      // Loaded is not yet drawn: PSV uploads and draws a tile in the frames that follow.
      requestAnimationFrame(() => requestAnimationFrame(() => this.fadeOut()));
    };
    const seen = (names: Iterable<string>) => {
      for (const name of names) pending.delete(name);
      return pending.size === 0;
    };
    if (seen(performance.getEntriesByType('resource').map((entry) => entry.name))) {
      settle();
      return;
    }
    const observer = new PerformanceObserver((list) => {
      if (!seen(list.getEntries().map((entry) => entry.name))) return;
      observer.disconnect();
      settle();
    });
    observer.observe({ type: 'resource', buffered: true });
    this.cleanups.push(() => observer.disconnect());
  }

  private listen(
    target: EventTarget,
    type: string,
    listener: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, listener, options);
    this.cleanups.push(() => target.removeEventListener(type, listener, options));
  }
}
