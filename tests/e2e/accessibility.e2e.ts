/**
 * Accessibility with axe and its default rule set (every WCAG level and the best practices it
 * enables by default, e.g. "label in name"): no serious or critical violation on the tour
 * list, the tour screen, the info and about panels, the full-titles sheet, the share dialog
 * and the kiosk's attract screen (phone and kiosk sizes); the editor has its own file (it
 * runs on the dev server).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, waitForCanvasDrawn } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('axe', () => {
  it('finds nothing serious on the tour list', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    await page.goto(baseUrl);
    await page.locator('[data-tour="demo"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds nothing serious on the tour screen of a phone', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    await page.goto(`${baseUrl}#/demo`);
    await waitForCanvasDrawn(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds nothing serious in the about panel and the full-titles sheet', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    await page.goto(`${baseUrl}#/demo`);
    await waitForCanvasDrawn(page);
    await page.getByTestId('about').tap();
    await page.getByTestId('panel').waitFor({ state: 'visible' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('titles-button').tap();
    await page.getByTestId('title-sheet').waitFor({ state: 'visible' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds nothing serious in the viewer with an info panel open', async () => {
    const { page } = await newPage(browser, { viewport: 'kiosk' });
    const tour = await (await fetch(`${baseUrl}tours/demo/tour.json`)).json();
    const scene = tour.scenes[0];
    const info = scene.hotspots.find((h: { type: string }) => h.type === 'info');
    await page.goto(`${baseUrl}#/demo/${scene.id}?v=${info.position.yaw},${info.position.pitch}`);
    await waitForCanvasDrawn(page);
    await page.locator(`[data-hotspot="${info.id}"]`).click();
    await page.getByTestId('panel').waitFor({ state: 'visible' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds nothing serious on the kiosk attract screen', async () => {
    const { page } = await newPage(browser, { viewport: 'kiosk' });
    await page.goto(`${baseUrl}?kiosk=default`);
    await page.getByTestId('attract').waitFor();
    await waitForCanvasDrawn(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it('finds nothing serious in the share dialog on a phone', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    await page.goto(`${baseUrl}#/demo`);
    await waitForCanvasDrawn(page);
    await page.getByTestId('share').click();
    await page.getByTestId('share-qr').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
