/**
 * Fast panoramas: the build publishes tiled scenes; the viewer shows the small preview first,
 * then only the tiles in view, then fetches the previews and first tiles of linked scenes,
 * and with "save data" nothing ahead.
 */
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { equirectTilePaths } from '../../src/core/manifest/panorama.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';
import { requestsSoFar } from '../support/network.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let tour: Tour;

beforeAll(async () => {
  browser = await launchBrowser();
  tour = (await (await fetch(`${baseUrl}tours/demo/tour.json`)).json()) as Tour;
});

afterAll(async () => {
  await browser?.close();
});

const start = () => tour.scenes.find((s) => s.id === (tour.startScene ?? tour.scenes[0]!.id))!;
const path = (request: Request) => new URL(request.url()).pathname.replace(/^\//, '');

function record(page: Page): string[] {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(path(request)));
  return requests;
}

describe('tiled panoramas', () => {
  it('are published as tiles and a preview, without the full-size source', async () => {
    for (const scene of tour.scenes) {
      expect(scene.panorama.source).toBeUndefined();
      expect(scene.panorama.tiles?.levels.length).toBeGreaterThan(0);
      expect(scene.panorama.preview).toMatch(/preview\.jpg$/);
    }
    const scene = start();
    const last = equirectTilePaths(scene.panorama.tiles!).at(-1)!;
    expect((await fetch(`${baseUrl}tours/demo/${last}`)).status).toBe(200);
  });

  it('show the preview first, then only the tiles in view', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    const requests = record(page);
    const scene = start();
    // A link naming a view: no poster (it shows the start view only), the viewer alone.
    await page.goto(`${baseUrl}#/demo/${scene.id}?v=20,0,50`);
    await waitForCanvasDrawn(page);
    const preview = `tours/demo/${scene.panorama.preview}`;
    const allTiles = equirectTilePaths(scene.panorama.tiles!).map((p) => `tours/demo/${p}`);
    await expect.poll(() => requests.filter((r) => allTiles.includes(r)).length).toBeGreaterThan(0);
    const firstTile = requests.findIndex((r) => allTiles.includes(r));
    expect(requests.indexOf(preview)).toBeGreaterThanOrEqual(0);
    expect(requests.indexOf(preview)).toBeLessThan(firstTile);
    // A phone looking one way needs a few tiles, not the whole pyramid.
    const fetched = new Set(requests.filter((r) => allTiles.includes(r)));
    expect(fetched.size).toBeLessThan(allTiles.length / 2);
    await screenshot(page, 'tiles-phone');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a tour link, paint the poster first, fetch the start view once the viewer code is in, and the viewer finds it cached', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    const requests = record(page);
    await page.goto(`${baseUrl}#/demo`);
    await waitForCanvasDrawn(page);
    const scene = start();
    const allTiles = equirectTilePaths(scene.panorama.tiles!).map((p) => `tours/demo/${p}`);
    const preview = `tours/demo/${scene.panorama.preview}`;
    await expect.poll(() => page.getByTestId('first-view').count(), { timeout: 30_000 }).toBe(0);
    const firstTile = requests.findIndex((r) => allTiles.includes(r));
    const poster = requests.findIndex((r) => r.includes('/generated/posters/'));
    expect(poster).toBeGreaterThanOrEqual(0);
    expect(poster).toBeLessThan(firstTile);
    const fetched = new Set(requests.filter((r) => allTiles.includes(r)));
    expect(fetched.size).toBeLessThan(allTiles.length / 2);
    // From the page's own clock: every download, in the order they started.
    const entries = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming;
        const path = new URL(r.name).pathname.replace(/^\//, '');
        return { path, start: r.startTime, end: r.responseEnd, bytes: r.transferSize };
      }),
    );
    const of = (file: string) => entries.filter((e) => e.path === file);
    const code = entries.filter((e) => /^assets\/.*\.js$/.test(e.path));
    const viewerCode = code.filter((e) =>
      /assets\/(tour-viewer|psv-port|index\.module)-/.test(e.path),
    );
    expect(viewerCode.length).toBeGreaterThanOrEqual(3);
    // The preview and the middle tiles, asked for once (not while) the viewer's code came:
    // on a slow line they would only have slowed it down.
    const ahead = [preview, ...fetched].map((file) => of(file)[0]!);
    const codeIn = Math.max(...viewerCode.map((e) => e.end));
    for (const first of ahead) expect(first.start).toBeGreaterThanOrEqual(codeIn);
    // ... and asked again by the viewer, which the HTTP cache answered: nothing transferred.
    for (const file of [preview, ...fetched]) {
      const [first, again] = of(file);
      expect(first!.bytes, file).toBeGreaterThan(0);
      expect(again?.bytes, `${file} asked again by the viewer`).toBe(0);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fetch the previews of linked scenes ahead, but not with "save data"', async () => {
    const scene = start();
    const linked = scene.hotspots.flatMap((h) => (h.type === 'scene' ? [h.target] : []));
    const previews = tour.scenes
      .filter((s) => linked.includes(s.id))
      .map((s) => `tours/demo/${s.panorama.preview}`);
    expect(previews.length).toBeGreaterThan(0);

    const normal = await newPage(browser, { viewport: 'phone' });
    const normalRequests = record(normal.page);
    await normal.page.goto(`${baseUrl}#/demo`);
    await waitForCanvasDrawn(normal.page);
    await expect.poll(() => previews.every((p) => normalRequests.includes(p))).toBe(true);
    await normal.page.close();

    const saving = await newPage(browser, { viewport: 'phone' });
    await saving.page.addInitScript(() => {
      Object.defineProperty(navigator, 'connection', { value: { saveData: true } });
    });
    const savingRequests = record(saving.page);
    await saving.page.goto(`${baseUrl}#/demo`);
    await waitForCanvasDrawn(saving.page);
    // Neighbours are fetched once the view's tiles are drawn and the page is idle; the poster
    // leaves at that same moment (both wait for the viewer's tilesDrawn): then an idle moment.
    await expect
      .poll(() => saving.page.getByTestId('first-view').count(), { timeout: 30_000 })
      .toBe(0);
    await saving.page.evaluate(
      () => new Promise((resolve) => requestIdleCallback(() => setTimeout(resolve, 0))),
    );
    await requestsSoFar(saving.page);
    expect(previews.filter((p) => savingRequests.includes(p))).toEqual([]);
    await saving.page.close();
  });
});

describe('arriving in a linked scene', () => {
  it('finds its first tiles already fetched while the visitor looked at the previous one', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    const requests = record(page);
    await page.goto(`${baseUrl}#/demo`);
    await waitForCanvasDrawn(page);
    const link = start().hotspots.find((h) => h.type === 'scene')!;
    const target = tour.scenes.find((s) => link.type === 'scene' && s.id === link.target)!;
    const targetTiles = equirectTilePaths(target.panorama.tiles!).map((p) => `tours/demo/${p}`);
    await expect
      .poll(() => requests.filter((r) => targetTiles.includes(r)).length)
      .toBeGreaterThan(0);
    const before = new Set(requests.filter((r) => targetTiles.includes(r)));
    const clickedAt = requests.length;
    // The link may be off screen on a phone; use the scene's list of places instead.
    // dispatchEvent waits for the button to exist (a bare querySelector could click nothing).
    await page.locator(`[data-place="${link.id}"]`).first().dispatchEvent('click');
    await expect.poll(() => page.getByTestId('scene-title').textContent()).toBe(target.title.vi);
    await waitForCanvasDrawn(page);
    // Drawn and settled: the arrival view's tiles have been asked for, and every request the
    // page has made so far has been seen.
    await requestsSoFar(page);
    const needed = requests.slice(clickedAt).filter((r) => targetTiles.includes(r));
    expect(needed.length).toBeGreaterThan(0);
    // Most tiles the arrival view needed had been fetched ahead.
    const ahead = needed.filter((r) => before.has(r)).length;
    expect(ahead / needed.length).toBeGreaterThanOrEqual(0.5);
    expect(errors).toEqual([]);
    await page.close();
  });
});
