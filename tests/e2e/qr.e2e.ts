/**
 * Printed links, end to end: every scene link `tour links` prints opens that scene; a former
 * scene id still opens it; a hotspot link opens the hotspot; the share dialog's code decodes
 * to the address on screen.
 */
import { readFile } from 'node:fs/promises';
import jsQR from 'jsqr';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { printedLinks } from '../../src/core/links/scene-links.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let tour: Tour;

beforeAll(async () => {
  browser = await launchBrowser();
  tour = JSON.parse(await readFile('tours/demo/tour.json', 'utf8')) as Tour;
});

afterAll(async () => {
  await browser?.close();
});

const title = (id: string) => tour.scenes.find((s) => s.id === id)!.title.vi!;

describe('printed links', () => {
  it('open the scene they name, for every scene of the sample tour', async () => {
    const links = printedLinks(tour, baseUrl);
    expect(links).toHaveLength(tour.scenes.length);
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    for (const link of links) {
      await page.goto(link.url);
      await expect
        .poll(() => page.getByTestId('scene-title').textContent())
        .toBe(title(link.sceneId));
      await waitForCanvasDrawn(page);
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('still open a renamed scene through its former id (alias)', async () => {
    const scene = tour.scenes.find((s) => s.aliases?.length)!;
    const { page } = await newPage(browser, { viewport: 'phone' });
    await page.goto(`${baseUrl}#/demo/${scene.aliases![0]}`);
    await expect.poll(() => page.getByTestId('scene-title').textContent()).toBe(scene.title.vi);
    await expect.poll(() => new URL(page.url()).hash).toMatch(new RegExp(`^#/demo/${scene.id}\\b`));
    expect(await page.getByTestId('toast').isHidden()).toBe(true);
    await page.close();
  });

  it('open a hotspot: its scene, looking at it, with its panel open', async () => {
    const scene = tour.scenes[2]!;
    const info = scene.hotspots.find((h) => h.type === 'info')!;
    const [link] = printedLinks(tour, baseUrl, { hotspots: true }).filter(
      (l) => l.hotspotId === info.id,
    );
    const { page } = await newPage(browser, { viewport: 'phone' });
    await page.goto(link!.url);
    await expect
      .poll(() => page.locator('#panel-title').textContent())
      .toBe(info.type === 'info' ? info.title.vi : '');
    expect(await page.getByTestId('scene-title').textContent()).toBe(scene.title.vi);
    await screenshot(page, 'hotspot-link-phone');
    await page.close();
  });
});

describe('share', () => {
  it('shows a QR code of the current scene and view, with the language only when asked', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone', locale: 'en-US' });
    await page.goto(`${baseUrl}#/demo/tintamarre?v=30,5,50&l=en`);
    await waitForCanvasDrawn(page);
    await page.getByTestId('share').click();
    const qr = page.getByTestId('share-qr');
    await qr.waitFor();
    await screenshot(page, 'share-phone');
    const decode = async () => {
      const png = await page.getByTestId('share-qr').screenshot();
      const { data, info } = await sharp(png)
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
      return jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data;
    };
    // The sharer's language stays theirs: the friend's phone opens in its own.
    const withoutLanguage = page.url().replace(/&l=en$/, '');
    expect(await decode()).toBe(withoutLanguage);
    expect(await page.getByTestId('share-link').inputValue()).toBe(withoutLanguage);
    // Unless the sharer asks for it.
    await page.getByTestId('share-language').check();
    await expect.poll(decode).toBe(page.url());
    expect(await decode()).toMatch(/#\/demo\/tintamarre\?v=30,5,50&l=en$/);
    expect(await page.getByTestId('share-link').inputValue()).toBe(page.url());
    expect(errors).toEqual([]);
    await page.close();
  });
});
