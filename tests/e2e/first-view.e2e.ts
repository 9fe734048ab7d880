/**
 * A scene's own page (`<base>/<tour>/<scene>/`, what a QR code or a shared link can open): the
 * start view shows as a plain picture before any of the 3D viewer's code is even asked for,
 * then the live viewer takes over, at the app's address. Screenshots and a filmstrip of a
 * throttled load (the bench's phone profile) go to test-results/screenshots/.
 */
import { mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import type { Browser, Page, Route } from 'playwright-core';
import sharp from 'sharp';
import { likeness } from '../../src/core/first-view/likeness.ts';
import { describeMarks, recordFilmstrip, watchFirstView } from '../support/filmstrip.ts';
import { parseDeepLink } from '../../src/core/links/deep-link.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launchBrowser,
  newPage,
  SCREENSHOT_DIR,
  screenshot,
  waitForCanvasDrawn,
} from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const pageUrl = `${baseUrl}demo/louvre/`;
let browser: Browser;
let html: string;
/** The viewer's chunks (three.js, PSV, adapter), as the scene page names them. */
let viewerChunks: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  html = await (await fetch(pageUrl)).text();
  viewerChunks = [...html.matchAll(/<link rel="modulepreload" crossorigin="" href="([^"]+)"/g)].map(
    (match) => new URL(match[1]!, pageUrl).href,
  );
});

afterAll(async () => {
  await browser?.close();
});

const meta = (property: string) =>
  new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html)?.[1];

const posterShown = (page: Page) =>
  page.evaluate(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="first-view-poster"]');
    if (!img?.complete || img.naturalWidth === 0) return false;
    const box = img.getBoundingClientRect();
    return (
      box.width >= innerWidth && box.height >= innerHeight && getComputedStyle(img).opacity === '1'
    );
  });

describe('scene page', () => {
  it('names its poster, the viewer code and share tags in the HTML', () => {
    expect(meta('og:title')).toMatch(/Louvre/);
    expect(meta('og:description')).toBeTruthy();
    expect(meta('twitter:card')).toBeTruthy();
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src &#39;self&#39;/,
    );
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // nothing inline
    // The poster is fetched ahead of every script.
    const poster = html.indexOf('rel="preload" as="image"');
    expect(poster).toBeGreaterThan(0);
    expect(poster).toBeLessThan(html.indexOf('<script'));
    expect(viewerChunks.length).toBeGreaterThanOrEqual(3);
  });

  it('paints from at most 20 KB gzipped of HTML and CSS, plus a poster of a few KB', async () => {
    // What blocks the first paint: the page and its stylesheet (scripts are modules: deferred).
    const css = [...html.matchAll(/<link rel="stylesheet" crossorigin href="([^"]+)"/g)];
    expect(css.length).toBeGreaterThan(0);
    let bytes = gzipSync(html, { level: 9 }).length;
    for (const [, href] of css) {
      const text = await (await fetch(new URL(href!, pageUrl))).text();
      bytes += gzipSync(text, { level: 9 }).length;
    }
    expect(bytes).toBeLessThanOrEqual(20 * 1024);
    const portrait = /<source media="[^"]*" srcset="(\.\.\/\.\.\/tours\/[^"]+\.webp)"/.exec(
      html,
    )?.[1];
    const poster = await fetch(new URL(portrait!, pageUrl));
    expect(poster.headers.get('cache-control')).toContain('immutable');
    expect((await poster.arrayBuffer()).byteLength).toBeLessThanOrEqual(30 * 1024);
    console.log(`poster path: ${bytes} B gzipped HTML + CSS`);
  });

  it('shows the poster before any viewer code is requested, then the live viewer at #/demo/louvre', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    // The viewer's code is held back: the poster must show without it.
    const held: Route[] = [];
    let release = false;
    await page.route(
      (url) => viewerChunks.includes(url.href),
      (route) => (release ? route.continue() : void held.push(route)),
    );
    await page.goto(pageUrl);
    await page.waitForFunction(() => location.hash === '#/demo/louvre');
    expect(new URL(page.url()).pathname).toBe(new URL(baseUrl).pathname);
    await expect.poll(() => posterShown(page)).toBe(true);
    expect(await page.locator('canvas').count()).toBe(0);
    await screenshot(page, 'first-view-poster');
    const posterAt = requests.findIndex((url) => url.includes('/posters/louvre.portrait.'));
    const firstChunkAt = requests.findIndex((url) => viewerChunks.includes(url));
    expect(posterAt).toBeGreaterThanOrEqual(0);
    expect(firstChunkAt === -1 || posterAt < firstChunkAt).toBe(true);

    release = true;
    for (const route of held.splice(0)) await route.continue();
    await waitForCanvasDrawn(page);
    await expect.poll(() => page.getByTestId('first-view').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('scene-title').textContent()).toMatch(/Louvre/);
    // The app's address (it may add the view it now shows, as for any `#/` link).
    expect(page.url().startsWith(`${baseUrl}#/demo/louvre`)).toBe(true);
    expect(parseDeepLink(page.url())).toMatchObject({ tour: 'demo', scene: 'louvre' });
    await screenshot(page, 'first-view-live');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says so in Vietnamese and English, with a retry, when the app's code cannot come", async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    await page.route(
      (url) => /assets\/(app|tourist-app)-/.test(url.href),
      (route) => route.abort(),
    );
    await page.goto(pageUrl);
    const message = page.getByRole('alert');
    await expect.poll(() => message.textContent()).toMatch(/Không tải được trang.*could not load/);
    expect(await page.getByTestId('first-view').count()).toBe(0);
    await page.unrouteAll();
    await page.getByRole('button', { name: 'Thử lại / Try again' }).click();
    await expect.poll(() => page.getByTestId('scene-title').textContent()).toMatch(/Louvre/);
    // The refused downloads themselves are logged; nothing else may go wrong.
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
    await page.close();
  });

  it('drops the poster at once when the link names a view', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    await page.goto(`${pageUrl}#/demo/louvre?v=120,0,50`);
    await page.waitForFunction(
      () => location.pathname.endsWith('/') && location.hash.includes('v=120'),
    );
    expect(await page.getByTestId('first-view').count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe(new URL(baseUrl).pathname);
    await waitForCanvasDrawn(page);
    await expect.poll(() => page.getByTestId('scene-title').textContent()).toMatch(/Louvre/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drops the poster at once when the visitor drags the view', async () => {
    const { page } = await newPage(browser, { viewport: 'kiosk' });
    const held: Route[] = [];
    let release = false;
    await page.route(
      (url) => url.pathname.includes('/generated/tiles/'),
      (route) => (release ? route.continue() : void held.push(route)),
    );
    await page.goto(pageUrl);
    await page.locator('.psv-canvas, canvas').first().waitFor();
    // Tiles held: the poster waits for them, until the visitor moves.
    expect(await page.getByTestId('first-view').count()).toBe(1);
    await page.mouse.move(900, 500);
    await page.mouse.down();
    await page.mouse.move(700, 500, { steps: 4 });
    await page.mouse.up();
    expect(await page.getByTestId('first-view').count()).toBe(0);
    release = true;
    for (const route of held.splice(0)) await route.continue();
    await page.close();
  });
});

describe('tour link and tour list', () => {
  /** Holds the viewer's code back until `release()`: the poster must show without it. */
  async function holdViewer(page: Page) {
    const held: Route[] = [];
    let released = false;
    await page.route(
      (url) => viewerChunks.includes(url.href),
      (route) => (released ? route.continue() : void held.push(route)),
    );
    return async () => {
      released = true;
      for (const route of held.splice(0)) await route.continue();
    };
  }

  it("shows the start scene's poster for #/demo before the viewer code, then hands over", async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    const release = await holdViewer(page);
    await page.goto(`${baseUrl}#/demo`);
    await expect.poll(() => posterShown(page)).toBe(true);
    expect(await page.locator('canvas').count()).toBe(0);
    expect(await page.getByTestId('first-view').getAttribute('data-scene')).toBe('louvre');
    await release();
    await waitForCanvasDrawn(page);
    await expect.poll(() => page.getByTestId('first-view').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('scene-title').textContent()).toMatch(/Louvre/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows it on a tap in the tour list, and not for a link to another scene', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    const release = await holdViewer(page);
    await page.goto(`${baseUrl}#/`);
    await page.locator('a[data-tour="demo"]').first().click();
    await expect.poll(() => posterShown(page)).toBe(true);
    await screenshot(page, 'first-view-tour-list-tap');
    await release();
    await expect.poll(() => page.getByTestId('first-view').count(), { timeout: 30_000 }).toBe(0);
    await page.close();

    const other = await newPage(browser, { viewport: 'phone' });
    await other.page.goto(`${baseUrl}#/demo/machu-picchu`);
    await expect.poll(() => other.page.getByTestId('scene-title').textContent()).toMatch(/Machu/);
    expect(await other.page.getByTestId('first-view').count()).toBe(0);
    expect([...errors, ...other.errors]).toEqual([]);
    await other.page.close();
  });
});

describe('switching scenes', () => {
  it("paints the neighbour's arrival view at the tap, before the 3D viewer has it, and like it", async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    await page.goto(`${baseUrl}#/demo/louvre?v=-10,3,30`);
    await waitForCanvasDrawn(page);
    const arrow = page.locator('[data-kind="scene"][data-target]').first();
    const target = await arrow.getAttribute('data-target');
    // The neighbours' previews are decoded ahead, once the scene is on screen and idle.
    await expect
      .poll(() => page.getByTestId('viewer').getAttribute('data-switch-previews'))
      .toMatch(/^[1-9]/);
    // In the very task of the tap: the first frame is drawn before any of PSV's work.
    const first = await page.evaluate((id) => {
      const button = document.querySelector(`[data-kind="scene"][data-target="${id}"]`);
      button?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="switch-preview"]');
      return canvas ? canvas.toDataURL('image/png') : null;
    }, target);
    expect(first, 'no first frame at the tap').not.toBeNull();
    await expect.poll(() => page.getByTestId('switch-preview').count()).toBe(0);
    await expect.poll(() => page.getByTestId('scene-title').textContent()).not.toMatch(/Louvre/);
    await page.mouse.move(0, 0);
    const live = await page.getByTestId('viewer').screenshot();
    const grey = async (png: Buffer) => {
      const { data, info } = await sharp(png)
        .resize(18, 32, { fit: 'fill' })
        .greyscale()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { data: new Uint8Array(data), width: info.width, height: info.height, channels: 1 };
    };
    const drawn = await grey(Buffer.from(first!.split(',')[1]!, 'base64'));
    const shown = await grey(live);
    expect(likeness(drawn, shown)).toBeGreaterThan(0.8);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('filmstrip', () => {
  it('records a QR-path load on the bench phone profile, 0.5 s a frame', async () => {
    const { page, context } = await newPage(browser, { viewport: 'phone' });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await watchFirstView(page);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const { frames, marks } = await recordFilmstrip(
      page,
      cdp,
      pageUrl,
      `${SCREENSHOT_DIR}first-view-filmstrip.png`,
    );
    console.log(`filmstrip: ${frames} frames; ${describeMarks(marks)} (from navigation)`);
    // The poster was on screen before the viewer's canvas existed.
    expect(marks.poster).toBeDefined();
    expect(marks.canvas === undefined || marks.poster! < marks.canvas).toBe(true);
    await page.close();
  });
});
