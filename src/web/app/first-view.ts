/**
 * The hand-over from a scene page's poster (made at build time, painted before any script
 * ran) to the live viewer. A scene page lives at `<base>/<tour>/<scene>/`; the app lives at
 * `<base>/`, so the address is first put back there (no reload) with the scene in the hash,
 * as a printed `#/` link would have it. The poster then stays over the viewer's box until
 * the viewer shows the same view at least as sharp — every tile of the start view drawn
 * (tiles-drawn.ts) — and fades out. It is valid for the
 * start view only: a link naming a view, a hotspot or another scene, the visitor moving the
 * view, or any other screen removes it at once.
 */
import './first-view.css';
import { formatDeepLink, parseDeepLink } from '../../core/links/deep-link.ts';
import type { EquirectTiles } from '../../core/manifest/schema.ts';
import { centreTiles } from '../viewer/tile-prefetch.ts';
import type { TourViewer } from '../viewer/tour-viewer.ts';
import { on, VIEWER_MOUNTED } from '../viewer/viewer-events.ts';
import { TOUR_POSTERS_ID } from '../../core/first-view/poster-layout.ts';

/** The fade, as in first-view.css. */
export const FADE_MS = 280;
/** The poster never outstays the live panorama by more than this (slow or missing tiles). */
export const SHARP_CAP_MS = 4000;

export interface PosterData {
  tour: string;
  scene: string;
  view: { yaw: number; pitch: number; zoom: number };
  tiles?: EquirectTiles;
  /** Tour-relative path of the low-resolution preview the viewer draws first. */
  preview?: string;
}

/** What the scene page says its poster shows (its data attributes), or null. */
export function posterData(element: HTMLElement): PosterData | null {
  const { tour, scene, view, tiles, preview } = element.dataset;
  if (!tour || !scene || !view) return null;
  try {
    const data: PosterData = { tour, scene, view: JSON.parse(view) as PosterData['view'] };
    if (tiles) data.tiles = JSON.parse(tiles) as EquirectTiles;
    if (preview) data.preview = preview;
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

export class FirstView {
  private gone = false;
  private readonly cleanups: Array<() => void> = [];

  private constructor(
    readonly element: HTMLElement,
    readonly data: PosterData,
    /** The viewer's code, to ask for once the poster is in (index.html's template only). */
    private readonly code: readonly HTMLLinkElement[] = [],
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
      const code = [...element.querySelectorAll('link')];
      for (const link of code) link.remove();
      doc.body.append(element);
      return new FirstView(element, data, code);
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
    // The poster first, then the viewer's code: on a slow line both are what the visitor
    // waits for, and the start view's pixels would only share the line with them. The pixels
    // then come while that code is compiled and started, which on a slow phone takes longer.
    const poster = this.element.querySelector<HTMLImageElement>('.first-view__poster img');
    void imageSettled(poster)
      .then(() => {
        if (!this.gone) this.element.append(...this.code);
        return modulePreloadsSettled([...document.querySelectorAll('link'), ...this.code]);
      })
      .then(() => this.prefetchStartView());
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

  /**
   * Resolves once the poster has been painted (or could not be), within PAINT_WAIT_CAP_MS:
   * the app's code waits for it, as running it would hold the poster's first frame back.
   */
  whenPainted(): Promise<void> {
    const poster = this.element.querySelector<HTMLImageElement>('.first-view__poster img');
    const painted = imageSettled(poster).then(
      // A task queued from the next frame's callback runs once that frame has been painted.
      () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
    );
    const cap = new Promise<void>((resolve) => setTimeout(resolve, PAINT_WAIT_CAP_MS));
    return Promise.race([painted, cap]);
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
   * What the live viewer will draw first, asked for before its code could ask: the preview,
   * then the tiles in the middle of the view (those the hand-over waits for; a margin would
   * cost a slow line more than it brings). The viewer then finds them in the HTTP cache
   * (tiles are cached forever, the preview too). The viewer's box is the whole window, as
   * the poster is.
   */
  private prefetchStartView(): void {
    const { tiles, view, tour, preview } = this.data;
    const saveData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection
      ?.saveData;
    if (this.gone || saveData) return;
    const geometry = { width: innerWidth || 1, height: innerHeight || 1 };
    const tourUrl = new URL(`tours/${tour}/`, document.baseURI);
    const paths = [
      ...(preview ? [preview] : []),
      ...(tiles ? centreTiles(tiles, view, geometry) : []),
    ];
    for (const path of paths) {
      void fetch(new URL(path, tourUrl), { priority: 'high' } as RequestInit).catch(
        () => undefined,
      );
    }
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
        this.whenSharp(viewer);
      });
    });
  }

  /** Fades out once the viewer has drawn the view's tiles (as sharp as the poster, or more). */
  private whenSharp(viewer: TourViewer): void {
    void viewer.whenViewDrawn(SHARP_CAP_MS).then(() => requestAnimationFrame(() => this.fadeOut()));
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

/** Resolves once the image has loaded or failed (at once without one). */
function imageSettled(image: HTMLImageElement | null): Promise<void> {
  if (!image || image.complete) return Promise.resolve();
  return new Promise((resolve) => {
    image.addEventListener('load', () => resolve(), { once: true });
    image.addEventListener('error', () => resolve(), { once: true });
  });
}

/** Longest wait for the viewer's code before the start view's pixels are asked for anyway. */
const CODE_WAIT_CAP_MS = 8000;

/**
 * Resolves once every modulepreload among `links` has arrived or failed, whoever asked for
 * it (one that has a resource-timing entry already has), or after CODE_WAIT_CAP_MS. Load
 * events, not a PerformanceObserver: Chromium delivers those in idle time, late on a busy page.
 */
function modulePreloadsSettled(links: readonly HTMLLinkElement[]): Promise<void> {
  const arrived = new Set(performance.getEntriesByType('resource').map((entry) => entry.name));
  const pending = links.filter((link) => link.rel === 'modulepreload' && !arrived.has(link.href));
  const settled = pending.map(
    (link) =>
      new Promise<void>((resolve) => {
        link.addEventListener('load', () => resolve(), { once: true });
        link.addEventListener('error', () => resolve(), { once: true });
      }),
  );
  const cap = new Promise<void>((resolve) => setTimeout(resolve, CODE_WAIT_CAP_MS));
  return Promise.race([Promise.all(settled).then(() => undefined), cap]);
}
/** Longest the app's code waits for the poster to be painted before it runs anyway. */
const PAINT_WAIT_CAP_MS = 3000;
