/**
 * Broken surroundings: no WebGL, a missing recording. The visitor still gets the tour.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('resilience', () => {
  it('without WebGL, lists every scene with its picture, text and narration', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (
        this: HTMLCanvasElement,
        type: string,
        ...rest: unknown[]
      ) {
        if (type.startsWith('webgl')) return null;
        return (getContext as (...args: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof getContext;
    });
    await page.goto(`${baseUrl}#/demo`);
    const list = page.getByTestId('scene-list');
    await list.waitFor();
    const tour = await (await fetch(`${baseUrl}tours/demo/tour.json`)).json();
    expect(await list.locator('li').count()).toBe(tour.scenes.length);
    expect(await list.locator('audio').count()).toBe(tour.scenes.length);
    expect(await list.textContent()).toContain(tour.scenes[0].title.vi);
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('.scene-list__image')]
        .slice(0, 1)
        .every((img) => img.complete && img.naturalWidth > 0),
    );
    await screenshot(page, 'no-webgl-phone');
    await page.close();
  });

  it('offers the transcript when a recording is missing', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    await page.route('**/audio/vi/louvre.mp3', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${baseUrl}#/demo/louvre?l=vi`);
    await waitForCanvasDrawn(page);
    await page.getByTestId('narration-play').click();
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="narration-notice"]')
        ?.textContent?.includes('Không phát được'),
    );
    await page.getByTestId('panel').waitFor({ state: 'visible' });
    expect(await page.getByTestId('panel').textContent()).toContain('Louvre');
    await screenshot(page, 'missing-recording-phone');
    await page.close();
  });
});
