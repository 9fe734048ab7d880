/**
 * Back behaves like a phone's: an open panel is a history entry, so Back closes it and leaves
 * the visitor in the scene; while a hotspot's panel is open its address names the hotspot, so
 * a reload (or the shared link) opens it again.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDeepLink } from '../../src/core/links/deep-link.ts';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

interface SampleScene {
  id: string;
  title: Record<string, string>;
  hotspots: Array<{
    id: string;
    type: string;
    position: { yaw: number; pitch: number };
    title?: Record<string, string>;
  }>;
}
let scene: SampleScene;
let info: SampleScene['hotspots'][number];

beforeAll(async () => {
  browser = await launchBrowser();
  const tour = await (await fetch(`${baseUrl}tours/demo/tour.json`)).json();
  scene = tour.scenes.find((s: SampleScene) => s.id === 'louvre');
  info = scene.hotspots.find((h) => h.id === 'glass-pyramid')!;
});

afterAll(async () => {
  await browser?.close();
});

describe('Back and an open panel', () => {
  it('Back from an info panel closes it and stays in the scene', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    // The visitor arrives from somewhere (the list of tours), then opens the scene.
    await page.goto(baseUrl);
    await page.locator('[data-tour="demo"]').waitFor();
    await page.goto(`${baseUrl}#/demo/${scene.id}?v=${info.position.yaw},${info.position.pitch}`);
    await waitForCanvasDrawn(page);
    await page.locator(`[data-hotspot="${info.id}"]`).click();
    const panel = page.getByTestId('panel');
    await panel.waitFor({ state: 'visible' });
    // The address names the hotspot while its panel is open.
    expect(parseDeepLink(page.url())).toMatchObject({ scene: scene.id, hotspot: info.id });
    await screenshot(page, 'back-panel-open-phone');

    await page.goBack();
    await panel.waitFor({ state: 'hidden' });
    expect(parseDeepLink(page.url())).toMatchObject({ tour: 'demo', scene: scene.id });
    expect(parseDeepLink(page.url()).hotspot).toBeUndefined();
    expect(await page.getByTestId('scene-title').textContent()).toContain(scene.title.vi);
    expect(await page.getByTestId('catalogue').count()).toBe(0);
    await screenshot(page, 'back-panel-closed-phone');

    // Closing with × takes the entry out too: Back then leaves the scene, not a closed panel.
    await page.locator(`[data-hotspot="${info.id}"]`).click();
    await panel.waitFor({ state: 'visible' });
    await panel.locator('.panel__close').click();
    await page.waitForFunction(() => !/\/glass-pyramid/.test(location.hash));
    expect(await panel.isHidden()).toBe(true);
    await page.goBack();
    await page.getByTestId('catalogue').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a reload with the hotspot in the address opens its panel again', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    await page.goto(`${baseUrl}#/demo/${scene.id}`);
    await waitForCanvasDrawn(page);
    // The places list (keyboard and screen readers) opens it like a tap on the marker.
    await page.getByTestId('places').locator(`[data-place="${info.id}"]`).focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('panel');
    await panel.waitFor({ state: 'visible' });
    expect(page.url()).toContain(`#/demo/${scene.id}/${info.id}`);

    await page.reload();
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('h2').textContent()).toBe(info.title!.vi);
    expect(page.url()).toContain(`#/demo/${scene.id}/${info.id}`);
    await screenshot(page, 'back-reload-reopens-panel-phone');
    // And Back after the reload still closes the panel, in the scene.
    await page.goBack();
    await panel.waitFor({ state: 'hidden' });
    expect(parseDeepLink(page.url())).toMatchObject({ scene: scene.id });
    expect(await page.getByTestId('scene-title').textContent()).toContain(scene.title.vi);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Back closes the About panel without leaving the scene', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    await page.goto(baseUrl);
    await page.locator('[data-tour="demo"]').waitFor();
    await page.goto(`${baseUrl}#/demo/${scene.id}`);
    await waitForCanvasDrawn(page);
    await page.getByTestId('about').click();
    const panel = page.getByTestId('panel');
    await panel.waitFor({ state: 'visible' });
    await page.goBack();
    await panel.waitFor({ state: 'hidden' });
    expect(parseDeepLink(page.url())).toMatchObject({ scene: scene.id });
    expect(await page.getByTestId('catalogue').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
