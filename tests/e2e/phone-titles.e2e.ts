/**
 * Titles readable on a 360 px phone: the top bar cuts the longest title of the sample tour,
 * and one tap on it (or Enter on the keyboard) shows the tour and scene titles whole.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let tourTitle: string;
let longest: { id: string; title: string };

beforeAll(async () => {
  browser = await launchBrowser();
  const tour = await (await fetch(`${baseUrl}tours/demo/tour.json`)).json();
  tourTitle = tour.title.vi;
  longest = tour.scenes
    .map((scene: { id: string; title: Record<string, string> }) => ({
      id: scene.id,
      title: scene.title.vi!,
    }))
    .sort((a: { title: string }, b: { title: string }) => b.title.length - a.title.length)[0];
});

afterAll(async () => {
  await browser?.close();
});

/** What of an element's text does not fit in its box, or lies outside the viewport. */
function clipping(page: Page, testId: string) {
  return page.getByTestId(testId).evaluate((element) => {
    const box = element.getBoundingClientRect();
    return {
      text: element.textContent,
      cutWidth: element.scrollWidth > element.clientWidth,
      cutHeight: element.scrollHeight > element.clientHeight,
      outside: box.left < 0 || box.right > document.documentElement.clientWidth,
    };
  });
}

describe('titles on a phone', () => {
  it('the cut title opens, in one tap, a sheet with both titles whole', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    await page.goto(`${baseUrl}#/demo/${longest.id}`);
    await waitForCanvasDrawn(page);
    await expect.poll(() => page.getByTestId('scene-title').textContent()).toBe(longest.title);
    // The premise: the top bar has no room for the whole title.
    const bar = await clipping(page, 'scene-title');
    expect(bar.cutWidth || bar.cutHeight).toBe(true);
    await screenshot(page, 'titles-phone-bar');

    await page.getByTestId('titles-button').tap();
    const sheet = page.getByTestId('title-sheet');
    await sheet.waitFor({ state: 'visible' });
    for (const [testId, text] of [
      ['title-sheet-scene', longest.title],
      ['title-sheet-tour', tourTitle],
    ] as const) {
      expect(await clipping(page, testId)).toEqual({
        text,
        cutWidth: false,
        cutHeight: false,
        outside: false,
      });
      expect(await page.getByTestId(testId).isVisible()).toBe(true);
    }
    await screenshot(page, 'titles-phone-sheet');

    // Its × closes it, and the visitor is back on the titles.
    await page.getByTestId('panel').getByRole('button').first().tap();
    await sheet.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is a named button a keyboard opens with Enter and closes with Escape', async () => {
    const { page } = await newPage(browser, { viewport: 'phone', locale: 'en-US' });
    await page.goto(`${baseUrl}#/demo/${longest.id}?l=en`);
    await waitForCanvasDrawn(page);
    const button = page.getByRole('button', { name: 'Show the full titles' });
    await button.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Where you are' });
    await panel.waitFor({ state: 'visible' });
    expect(await page.getByTestId('title-sheet-tour').textContent()).toMatch(/\S/);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.close();
  });

  it('opens on a kiosk screen too', async () => {
    const { page } = await newPage(browser, { viewport: 'kiosk' });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${baseUrl}#/demo/${longest.id}`);
    await waitForCanvasDrawn(page);
    await page.getByTestId('titles-button').click();
    await page.getByTestId('title-sheet').waitFor({ state: 'visible' });
    expect(await page.getByTestId('title-sheet-scene').textContent()).toBe(longest.title);
    await screenshot(page, 'titles-kiosk-sheet');
    await page.close();
  });
});
