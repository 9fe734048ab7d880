/**
 * Kiosk mode end to end: the attract loop, a visit, and the idle reset back to the start.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;
let tour: {
  startScene: string;
  scenes: Array<{ id: string; title: Record<string, string>; hotspots: unknown[] }>;
};

const config = {
  tours: ['demo'],
  languages: ['vi', 'en'],
  idleSeconds: 3,
  attract: { sceneSeconds: 30, languageSeconds: 1 },
  autoplayNarration: true,
};

beforeAll(async () => {
  browser = await launchBrowser();
  tour = await (await fetch(`${baseUrl}tours/demo/tour.json`)).json();
});

afterAll(async () => {
  await browser?.close();
});

async function openKiosk(page: Page): Promise<void> {
  await page.route('**/kiosk/test.json', (route) => route.fulfill({ json: config }));
  // An external-link hotspot, which a kiosk must not show.
  const copy = structuredClone(tour);
  copy.scenes
    .find((scene) => scene.id === tour.startScene)!
    .hotspots.push({
      id: 'website',
      type: 'link',
      position: { yaw: 0, pitch: 0 },
      title: { vi: 'Trang web', en: 'Website' },
      url: 'https://example.org/',
    });
  await page.route('**/tours/demo/tour.json', (route) => route.fulfill({ json: copy }));
  await page.goto(`${baseUrl}?kiosk=test`);
  await page.getByTestId('attract').waitFor();
  await waitForCanvasDrawn(page);
}

/**
 * Stops the page's clock, which has run at the real pace since `clock.install()`: from here on
 * the kiosk's timers (attract loop, idle reset) fire only when the test moves the clock on.
 */
async function pauseClock(page: Page): Promise<void> {
  // A little ahead of the page's time, which moves on while this call travels (never back).
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 500);
}

/** Moves the clock on one attract language at a time until "touch to start" reads `text`. */
async function attractSays(page: Page, text: string): Promise<void> {
  const touch = page.getByTestId('attract-touch');
  for (let turn = 0; turn <= config.languages.length; turn++) {
    if ((await touch.textContent())?.includes(text)) return;
    await page.clock.runFor(config.attract.languageSeconds * 1000);
  }
  throw new Error(`the attract screen never says "${text}"`);
}

describe('kiosk', () => {
  it('invites in every language, lets a visitor in, and resets itself after 3 s idle', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'kiosk' });
    // The page's timers run on a clock the test moves: at the real pace while the kiosk starts
    // and draws its panorama, then paused, so the attract loop and the idle reset happen when
    // the test moves the clock on, not when a busy machine gets round to them.
    await page.clock.install();
    await openKiosk(page);
    await pauseClock(page);
    const touch = page.getByTestId('attract-touch');
    await attractSays(page, 'Chạm');
    await screenshot(page, 'kiosk-attract-vi');
    await attractSays(page, 'Touch');
    expect(await touch.getAttribute('lang')).toBe(null);
    expect(await page.getByTestId('attract').getAttribute('lang')).toBe('en');

    await page.getByTestId('attract').click();
    await page.getByTestId('attract').waitFor({ state: 'hidden' });
    const start = tour.scenes.find((scene) => scene.id === tour.startScene)!;
    expect(await page.getByTestId('scene-title').textContent()).toBe(start.title.vi);
    // Narration starts by itself on a kiosk once a visitor has touched the screen.
    await page.waitForFunction(
      () =>
        (document.querySelector<HTMLAudioElement>('[data-testid="narration-audio"]')?.currentTime ??
          0) > 0.3,
    );
    expect(await page.locator('[data-hotspot="website"]').count()).toBe(0);
    // No "share" QR on a kiosk unless its profile offers "take the tour on your phone".
    expect(await page.getByTestId('share').isHidden()).toBe(true);
    const blocked = await page.evaluate(() => {
      const event = new MouseEvent('contextmenu', { bubbles: true, cancelable: true });
      document.body.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(blocked).toBe(true);
    expect(await page.evaluate(() => getComputedStyle(document.body).userSelect)).toBe('none');

    await page.getByTestId('language').selectOption('en');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByTestId('about').click();
    await page.getByTestId('panel').waitFor({ state: 'visible' });
    await screenshot(page, 'kiosk-visit-en');

    // Nobody touches the screen for 3 s (the clock is moved on, not waited for): back to the
    // attract screen, in Vietnamese.
    await page.clock.runFor(config.idleSeconds * 1000);
    await page.clock.resume();
    await page.getByTestId('attract').waitFor({ state: 'visible', timeout: 8000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await page.getByTestId('panel').isHidden()).toBe(true);
    expect(
      await page.evaluate(
        () => document.querySelector<HTMLAudioElement>('[data-testid="narration-audio"]')!.paused,
      ),
    ).toBe(true);
    expect(await page.getByTestId('scene-title').textContent()).toBe(start.title.vi);
    await screenshot(page, 'kiosk-after-idle-reset');
    expect(errors).toEqual([]);
    await page.close();
  });
});
