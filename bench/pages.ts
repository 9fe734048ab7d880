/**
 * The two pages under test, behind one interface: how to open them, how to go to a scene and
 * how to know a scene is on screen. Ours is driven through its address (as a QR link would);
 * the baseline through the plugin's API.
 */
import type { Page } from 'playwright-core';

export interface SceneInfo {
  id: string;
  /** Title in the default language (what our top bar shows). */
  title: string;
  /** Scenes its hotspots link to, in manifest order. */
  links: string[];
}

export interface BenchPage {
  name: 'ours' | 'qr' | 'baseline' | 'pannellum';
  url: (base: string) => string;
  goTo: (page: Page, scene: SceneInfo) => Promise<void>;
  isShowing: (page: Page, scene: SceneInfo) => Promise<boolean>;
  /**
   * Image requests that carry the start scene's pixels (for "full resolution"), given where
   * that scene's images live (see `startPanoramaPrefixes`).
   */
  isPanoramaRequest: (url: string, prefix: string) => boolean;
}

export const OURS: BenchPage = {
  name: 'ours',
  url: (base) => `${base}#/demo`,
  // As a visitor does: the arrow to that scene, when the current scene has one (activated as
  // the keyboard does, since the baseline's switch is an API call too), else the address.
  goTo: (page, scene) =>
    page.evaluate((id) => {
      const arrow = document.querySelector(`[data-kind="scene"][data-target="${CSS.escape(id)}"]`);
      if (arrow) arrow.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      else location.hash = `#/demo/${id}`;
    }, scene.id),
  isShowing: (page, scene) =>
    page.evaluate(
      (title) => document.querySelector('[data-testid="scene-title"]')?.textContent === title,
      scene.title,
    ),
  isPanoramaRequest: (url, prefix) => url.includes(prefix) && !url.endsWith('preview.jpg'),
};

/**
 * The QR path: a scene's own page (`<base>/demo/<scene>/`, made by the build), which paints
 * the scene's poster before the viewer's code arrives, then hands over to the app.
 */
export const oursQr = (sceneId: string): BenchPage => ({
  ...OURS,
  name: 'qr',
  url: (base) => `${base}demo/${sceneId}/`,
  isPanoramaRequest: (url, prefix) =>
    OURS.isPanoramaRequest(url, prefix) || url.includes('/generated/posters/'),
});

export const BASELINE: BenchPage = {
  name: 'baseline',
  url: (base) => `${base}bench/`,
  goTo: (page, scene) =>
    page.evaluate(
      (id) => (window as unknown as { goToScene: (id: string) => void }).goToScene(id),
      scene.id,
    ),
  isShowing: (page, scene) => page.evaluate((id) => document.body.dataset.scene === id, scene.id),
  isPanoramaRequest: (url, prefix) => url.includes(prefix),
};

/** Plain Pannellum on the same JPEGs (bench/baseline/pannellum.ts); scenes by its API. */
export const PANNELLUM: BenchPage = {
  ...BASELINE,
  name: 'pannellum',
  url: (base) => `${base}bench/pannellum.html`,
};
