/**
 * A bounded soak: 150 scene switches and 15 kiosk idle resets, with no console error, and
 * the JS heap and the live WebGL textures as stable at the end as after the first few (the
 * long soak, 2,000 switches, is `npm run bench -- soak`).
 * The previews are real; every tile is answered with one tiny JPEG, so the run measures our
 * code (switching, tile bookkeeping, disposal) rather than software JPEG decoding.
 */
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, waitForCanvasDrawn } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let tour: { scenes: Array<{ id: string; title: { vi: string } }> };

beforeAll(async () => {
  browser = await launchBrowser();
  tour = await (await fetch(`${baseUrl}tours/demo/tour.json`)).json();
  // Noise, so the canvas still looks like a photograph to waitForCanvasDrawn.
  const noise = Buffer.from(Array.from({ length: 32 * 32 * 3 }, (_, i) => (i * 7919) % 251));
  tinyTile = await sharp(noise, { raw: { width: 32, height: 32, channels: 3 } })
    .jpeg()
    .toBuffer();
});

let tinyTile: Buffer;

async function serveTilesTiny(page: Page): Promise<void> {
  await page.route(/\/generated\/tiles\/[0-9a-f]+\/\d+\//, (route) =>
    route.fulfill({ body: tinyTile, contentType: 'image/jpeg' }),
  );
}

afterAll(async () => {
  await browser?.close();
});

/** Counts live WebGL textures: created minus deleted. */
function countTextures(): void {
  const live = { count: 0 };
  (window as unknown as { liveTextures: typeof live }).liveTextures = live;
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const create = proto.createTexture;
    const remove = proto.deleteTexture;
    proto.createTexture = function (this: WebGLRenderingContext) {
      live.count++;
      return create.call(this);
    };
    proto.deleteTexture = function (this: WebGLRenderingContext, texture: WebGLTexture | null) {
      if (texture) live.count--;
      return remove.call(this, texture);
    };
  }
}

async function measure(page: Page): Promise<{ heap: number; textures: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  const textures = await page.evaluate(
    () => (window as unknown as { liveTextures: { count: number } }).liveTextures.count,
  );
  return { heap: usedSize, textures };
}

async function switchTo(page: Page, index: number): Promise<void> {
  const scene = tour.scenes[index % tour.scenes.length]!;
  await page.evaluate((id) => {
    location.hash = `#/demo/${id}`;
  }, scene.id);
  await page.waitForFunction(
    (title) => document.querySelector('[data-testid="scene-title"]')?.textContent === title,
    scene.title.vi,
  );
}

describe('soak', { timeout: 180_000 }, () => {
  it('switches scenes 150 times with flat memory and textures', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone', deviceScaleFactor: 1 });
    await page.addInitScript(countTextures);
    await serveTilesTiny(page);
    // No transition animations: the soak measures switching, not waiting.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${baseUrl}#/demo/${tour.scenes[0]!.id}`);
    await waitForCanvasDrawn(page);
    for (let i = 1; i <= 10; i++) await switchTo(page, i);
    const early = await measure(page);
    for (let i = 11; i <= 150; i++) await switchTo(page, i);
    const late = await measure(page);
    console.log(
      `soak: after 10 switches ${JSON.stringify(early)}, after 150 ${JSON.stringify(late)}`,
    );
    expect(Math.abs(late.textures - early.textures)).toBeLessThanOrEqual(2);
    expect(late.heap).toBeLessThan(early.heap * 1.25 + 2_000_000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('resets a kiosk 15 times without errors or growth', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'kiosk' });
    await page.addInitScript(countTextures);
    await serveTilesTiny(page);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const config = {
      tours: ['demo'],
      languages: ['vi', 'en'],
      idleSeconds: 1,
      attract: { sceneSeconds: 3, languageSeconds: 1 },
    };
    await page.route('**/kiosk/soak.json', (route) => route.fulfill({ json: config }));
    // Each time the attract screen hides, counted in the page: with a 1 s idle time it can be
    // back before a locator on a loaded machine looks, and a wait for "hidden" then never ends.
    await page.addInitScript(() => {
      const counted = window as unknown as { attractHides: number };
      counted.attractHides = 0;
      new MutationObserver((records) => {
        for (const record of records) {
          const element = record.target as HTMLElement;
          if (element.dataset.testid === 'attract' && element.hidden && record.oldValue === null)
            counted.attractHides++;
        }
      }).observe(document, {
        subtree: true,
        attributes: true,
        attributeFilter: ['hidden'],
        attributeOldValue: true,
      });
    });
    const hides = () =>
      page.evaluate(() => (window as unknown as { attractHides: number }).attractHides);
    await page.goto(`${baseUrl}?kiosk=soak`);
    const attract = page.getByTestId('attract');
    await attract.waitFor();
    await waitForCanvasDrawn(page);
    let early = { heap: 0, textures: 0 };
    for (let i = 0; i < 15; i++) {
      const before = await hides();
      await attract.click();
      await page.waitForFunction(
        (count) => (window as unknown as { attractHides: number }).attractHides > count,
        before,
      );
      await attract.waitFor({ state: 'visible', timeout: 10_000 });
      if (i === 2) early = await measure(page);
    }
    const late = await measure(page);
    console.log(
      `kiosk soak: after 3 resets ${JSON.stringify(early)}, after 15 ${JSON.stringify(late)}`,
    );
    expect(Math.abs(late.textures - early.textures)).toBeLessThanOrEqual(2);
    expect(late.heap).toBeLessThan(early.heap * 1.25 + 2_000_000);
    expect(errors).toEqual([]);
    await page.close();
  });
});
