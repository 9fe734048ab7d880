/**
 * GPU and renderer trouble on a kiosk: a lost WebGL context (simulated with
 * WEBGL_lose_context on PSV's canvas) brings the panorama back by itself, whether the context
 * is restored or never comes back; a burst of uncaught errors makes the watchdog reload the
 * kiosk, which then starts again by itself.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  canvasStats,
  launchBrowser,
  looksDrawn,
  newPage,
  type TestPage,
  waitForCanvasDrawn,
} from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

const profile = {
  tours: ['demo'],
  languages: ['vi', 'en'],
  // No idle reset during a test: the panorama on screen is the one the test broke.
  idleSeconds: 3600,
  attract: { sceneSeconds: 600, languageSeconds: 2 },
  autoplayNarration: false,
  watchdog: true,
};

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/**
 * A kiosk on its attract screen, or with `visit` in a visit: then nothing moves on screen
 * (no autorotate), so the panorama comes back only if the viewer draws it again itself.
 */
async function openKiosk(visit = false): Promise<TestPage> {
  const opened = await newPage(browser, { viewport: 'kiosk' });
  await opened.page.route('**/kiosk/gpu.json', (route) => route.fulfill({ json: profile }));
  await opened.page.goto(`${baseUrl}?kiosk=gpu`);
  await opened.page.getByTestId('attract').waitFor();
  if (visit) {
    await opened.page.getByTestId('attract').click();
    await opened.page.getByTestId('attract').waitFor({ state: 'hidden' });
  }
  await waitForCanvasDrawn(opened.page);
  // Marks this page and its canvas: a reload forgets the first, a new viewer the second.
  await opened.page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
    document.querySelector<HTMLCanvasElement>('.psv-canvas')!.dataset.original = 'yes';
  });
  return opened;
}

/** Loses PSV's WebGL context; with `restore`, gives it back once the loss has happened. */
const loseContext = (page: Page, restore: boolean) =>
  page.evaluate(async (restoreIt) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.psv-canvas')!;
    const gl = canvas.getContext('webgl2')!;
    const extension = gl.getExtension('WEBGL_lose_context')!;
    const lost = new Promise((resolve) => canvas.addEventListener('webglcontextlost', resolve));
    extension.loseContext();
    await lost;
    if (restoreIt) {
      // The browser restores asynchronously; a frame later is how a real GPU reset behaves.
      await new Promise((resolve) => requestAnimationFrame(resolve));
      extension.restoreContext();
    }
  }, restore);

/** The panorama is gone from the screen (the lost context's buffer is blank). */
async function blanked(page: Page): Promise<void> {
  await expect
    .poll(async () => looksDrawn(await canvasStats(page).catch(() => undefined)), {
      timeout: 10_000,
    })
    .toBe(false);
}

const state = (page: Page) =>
  page.evaluate(() => ({
    sameDocument: (window as unknown as { sameDocument?: boolean }).sameDocument === true,
    originalCanvas:
      document.querySelector<HTMLCanvasElement>('.psv-canvas')?.dataset.original === 'yes',
    canvases: document.querySelectorAll('.psv-canvas').length,
  }));

describe('kiosk GPU recovery', () => {
  it('draws the panorama again when a lost WebGL context is restored', async () => {
    const { page, errors } = await openKiosk(true);
    await loseContext(page, true);
    const started = Date.now();
    await waitForCanvasDrawn(page, { timeout: 30_000 });
    console.log(`restored context: panorama drawn again after ${Date.now() - started} ms`);
    // Drawn again on the same canvas of the same page: neither a new viewer nor a reload.
    expect(await state(page)).toEqual({ sameDocument: true, originalCanvas: true, canvases: 1 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('makes a new viewer when the lost context never comes back', async () => {
    const { page, errors } = await openKiosk(true);
    const title = await page.getByTestId('scene-title').textContent();
    await loseContext(page, false);
    await blanked(page);
    const started = Date.now();
    await page.waitForFunction(
      () => document.querySelector<HTMLCanvasElement>('.psv-canvas')?.dataset.original !== 'yes',
      undefined,
      { timeout: 30_000 },
    );
    await waitForCanvasDrawn(page, { timeout: 30_000 });
    console.log(`context never restored: panorama back after ${Date.now() - started} ms`);
    expect(await state(page)).toEqual({ sameDocument: true, originalCanvas: false, canvases: 1 });
    expect(await page.getByTestId('scene-title').textContent()).toBe(title);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the watchdog reloads the kiosk after a burst of uncaught errors, and it starts again', async () => {
    const { page, errors } = await openKiosk();
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    // Faults from outside the app's code paths, as a broken driver or extension would throw.
    await page.evaluate(() => {
      for (let i = 0; i < 5; i++)
        setTimeout(() => {
          throw new Error(`injected fault ${i}`);
        });
    });
    await reloaded;
    await page.getByTestId('attract').waitFor({ timeout: 30_000 });
    await waitForCanvasDrawn(page);
    const log = await page.evaluate(() => sessionStorage.getItem('kiosk-watchdog-reloads'));
    expect(JSON.parse(log ?? '[]')).toEqual([{ at: expect.any(Number), reason: 'errors' }]);
    expect((await state(page)).sameDocument).toBe(false);
    expect(errors.every((error) => error.includes('injected fault'))).toBe(true);
    expect(errors).toHaveLength(5);
    await page.close();
  });
});
