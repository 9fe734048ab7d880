/**
 * The tourist's viewer, end to end in Debian Chromium against the built site.
 * Each check saves a screenshot under test-results/screenshots/.
 */
import type { Browser, Page } from 'playwright-core';
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
    target?: string;
    arrival?: { yaw: number; pitch: number };
  }>;
}
let scenes: SampleScene[];
let startScene: string;

beforeAll(async () => {
  browser = await launchBrowser();
  const tour = await (await fetch(`${baseUrl}tours/demo/tour.json`)).json();
  scenes = tour.scenes;
  startScene = tour.startScene ?? scenes[0]!.id;
});

afterAll(async () => {
  await browser?.close();
});

const sceneById = (id: string): SampleScene => scenes.find((scene) => scene.id === id)!;
const currentLink = (page: Page) => parseDeepLink(page.url());

async function openTour(page: Page, fragment: string): Promise<void> {
  await page.goto(`${baseUrl}${fragment}`);
  await page.waitForFunction(() => /#\/demo\/[a-z0-9-]+/.test(location.hash));
  await waitForCanvasDrawn(page);
}

async function sceneTitle(page: Page): Promise<string> {
  return (await page.getByTestId('scene-title').textContent()) ?? '';
}

/** No element sticks out of the viewport sideways (a phone must never scroll horizontally). */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offenders: string[] = [];
    if (document.documentElement.scrollWidth > width) offenders.push('document');
    for (const element of document.querySelectorAll<HTMLElement>(
      '.topbar *, .panel, .panel *, .credit, .scene-error, .card, .psv-navbar',
    )) {
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && (rect.left < -1 || rect.right > width + 1)) {
        offenders.push(
          `${element.className || element.tagName} ${Math.round(rect.left)}..${Math.round(rect.right)}`,
        );
      }
    }
    return offenders;
  });
}

describe('catalogue', () => {
  it('lists the sample tour with its thumbnail and fits a phone', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    await page.goto(baseUrl);
    const card = page.locator('[data-tour="demo"]');
    await card.waitFor();
    expect(await card.locator('h2').textContent()).toMatch(/\S/);
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-tour="demo"] img');
      return img?.complete && img.naturalWidth > 0;
    });
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, 'catalogue-phone');
    await card.click();
    await page.waitForFunction(() => location.hash.startsWith('#/demo'));
    await waitForCanvasDrawn(page);
    await page.close();
  });
});

describe('tour viewer', () => {
  it('draws the start scene at the start and shows its title and credit (kiosk size)', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'kiosk' });
    await openTour(page, '#/demo');
    expect(currentLink(page)).toMatchObject({ tour: 'demo', scene: startScene });
    expect(await sceneTitle(page)).toBe(sceneById(startScene).title.vi);
    expect(await page.getByTestId('credit').textContent()).toMatch(/©/);
    await screenshot(page, 'viewer-start-kiosk');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves to the linked scene when a scene hotspot is clicked, arriving at its view; back returns', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'kiosk' });
    const from = scenes.find((scene) =>
      scene.hotspots.some((h) => h.type === 'scene' && h.arrival),
    )!;
    const hotspot = from.hotspots.find((h) => h.type === 'scene' && h.arrival)!;
    // Face the hotspot first so it is on screen, as a visitor would.
    await openTour(page, `#/demo/${from.id}?v=${hotspot.position.yaw},${hotspot.position.pitch}`);
    const button = page.locator(`[data-hotspot="${hotspot.id}"]`);
    await button.waitFor({ state: 'visible' });
    await screenshot(page, 'viewer-before-hotspot');
    await button.click();
    await page.waitForFunction(
      (target) => location.hash.startsWith(`#/demo/${target}`),
      hotspot.target,
    );
    await waitForCanvasDrawn(page);
    expect(await sceneTitle(page)).toBe(sceneById(hotspot.target!).title.vi);
    await page.waitForFunction(() => location.hash.includes('v='));
    const arrived = currentLink(page).view!;
    const yawDelta = Math.abs(((((arrived.yaw - hotspot.arrival!.yaw) % 360) + 540) % 360) - 180);
    expect(yawDelta).toBeLessThan(2);
    expect(Math.abs(arrived.pitch - hotspot.arrival!.pitch)).toBeLessThan(2);
    await screenshot(page, 'viewer-after-hotspot');

    await page.goBack();
    await page.waitForFunction((id) => location.hash.startsWith(`#/demo/${id}`), from.id);
    await page.waitForFunction(
      (title) => document.querySelector('[data-testid="scene-title"]')?.textContent === title,
      from.title.vi,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a deep link at the named scene and view, in the named language', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    const target = scenes[scenes.length - 1]!;
    await openTour(page, `#/demo/${target.id}?v=123.4,-12.5,30&l=en`);
    expect(await sceneTitle(page)).toBe(target.title.en);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(currentLink(page)).toEqual({
      tour: 'demo',
      scene: target.id,
      view: { yaw: 123.4, pitch: -12.5, zoom: 30 },
      lang: 'en',
    });
    // Looking around is written back to the address (replace, not a new history entry).
    await page.mouse.move(180, 320);
    await page.mouse.down();
    await page.mouse.move(60, 300, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => !location.hash.includes('v=123.4,'));
    expect(currentLink(page).scene).toBe(target.id);
    await screenshot(page, 'viewer-deeplink-phone-en');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens and closes an info panel, which fits a phone', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    const scene = scenes.find((s) => s.hotspots.some((h) => h.type === 'info'))!;
    const info = scene.hotspots.find((h) => h.type === 'info')!;
    await openTour(page, `#/demo/${scene.id}?v=${info.position.yaw},${info.position.pitch}`);
    const button = page.locator(`[data-hotspot="${info.id}"]`);
    await button.waitFor({ state: 'visible' });
    await button.click();
    const panel = page.getByTestId('panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('h2').textContent()).toBe(info.title!.vi);
    expect(await panel.locator('.panel__content').textContent()).toMatch(/\S{3}/);
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, 'info-panel-phone');
    await panel.getByRole('button').first().click();
    await panel.waitFor({ state: 'hidden' });
    await button.click();
    await panel.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a message in a scene whose panorama is missing, while the other scenes still work', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    const broken = scenes[1]!;
    const tour = await (await fetch(`${baseUrl}tours/demo/tour.json`)).json();
    // A tiled scene needs its preview to open at all (a missing tile only stays blurry).
    const brokenFile = tour.scenes[1].panorama.preview as string;
    await page.route(`**/tours/demo/${brokenFile}`, (route) =>
      route.fulfill({ status: 404, body: 'missing' }),
    );
    await page.goto(`${baseUrl}#/demo/${broken.id}`);
    const message = page.getByTestId('scene-error');
    await message.waitFor({ state: 'visible' });
    expect(await message.textContent()).toContain('Không tải được ảnh toàn cảnh');
    expect(await sceneTitle(page)).toBe(broken.title.vi);
    expect(currentLink(page).scene).toBe(broken.id);
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, 'broken-scene-phone');

    const other = scenes[0]!;
    await message.locator(`[data-scene="${other.id}"]`).click();
    await page.waitForFunction((id) => location.hash.startsWith(`#/demo/${id}`), other.id);
    await message.waitFor({ state: 'hidden' });
    await waitForCanvasDrawn(page);
    expect(await sceneTitle(page)).toBe(other.title.vi);
    await screenshot(page, 'after-broken-scene-phone');
    await page.close();
  });

  it('switches language in place from the picker, without reloading', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    await openTour(page, `#/demo/${startScene}`);
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
    await page.getByTestId('language').selectOption('en');
    await page.waitForFunction(() => location.hash.includes('l=en'));
    expect(await sceneTitle(page)).toBe(sceneById(startScene).title.en);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.locator('.lang-picker__code').textContent()).toBe('EN');
    await screenshot(page, 'language-switched-phone');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a 360×640 phone with no horizontal overflow', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    await openTour(page, '#/demo');
    expect(await horizontalOverflow(page)).toEqual([]);
    await screenshot(page, 'viewer-start-phone');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the start scene, saying so, when a link names a scene the tour does not have', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    await page.goto(`${baseUrl}#/demo/no-such-scene`);
    await page.getByTestId('toast').waitFor();
    expect(await page.getByTestId('toast').textContent()).toContain('no-such-scene');
    await waitForCanvasDrawn(page);
    await page.waitForFunction((id) => location.hash.startsWith(`#/demo/${id}`), startScene);
    expect(await sceneTitle(page)).toBe(sceneById(startScene).title.vi);
    await screenshot(page, 'unknown-scene-phone');
    await page.close();
  });

  it("lists the scene's places for keyboard and screen-reader users, and they work", async () => {
    const { page } = await newPage(browser, { viewport: 'kiosk' });
    await openTour(page, `#/demo/${startScene}`);
    const places = page.getByTestId('places');
    const scene = sceneById(startScene);
    expect(await places.locator('button').count()).toBe(scene.hotspots.length);
    const info = scene.hotspots.find((h) => h.type === 'info')!;
    const button = places.locator(`[data-place="${info.id}"]`);
    expect(await button.textContent()).toContain(info.title!.vi);
    await button.focus();
    expect((await places.boundingBox())!.width).toBeGreaterThan(100);
    await screenshot(page, 'places-list-focused-kiosk');
    await page.keyboard.press('Enter');
    await page.getByTestId('panel').waitFor({ state: 'visible' });
    expect(await page.getByTestId('panel').locator('h2').textContent()).toBe(info.title!.vi);
    await page.keyboard.press('Escape');
    const link = scene.hotspots.find((h) => h.type === 'scene')!;
    await places.locator(`[data-place="${link.id}"]`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (target) => location.hash.startsWith(`#/demo/${target}`),
      link.target,
    );
    await page.close();
  });

  it('says clearly when a tour does not exist', async () => {
    const { page } = await newPage(browser, { viewport: 'phone' });
    await page.goto(`${baseUrl}#/no-such-tour`);
    const message = page.getByTestId('tour-error');
    await message.waitFor();
    expect(await message.textContent()).toContain('no-such-tour');
    await screenshot(page, 'unknown-tour-phone');
    await page.close();
  });
});
