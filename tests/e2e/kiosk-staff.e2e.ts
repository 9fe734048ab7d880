/**
 * A kiosk in a public place: no control a visitor can reach deletes the saved tours or opens
 * a window; staff reach their screen by the gesture and the PIN, and nobody without the PIN.
 * One kiosk for the file: it downloads the tour once (service worker allowed), then every
 * test uses it.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPin } from '../../src/core/kiosk/pin.ts';
import { launchBrowser, newPage, screenshot, type TestPage } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
const PIN = '482916';
let browser: Browser;
let kiosk: TestPage;
let popups = 0;
let publishedVersion: string;

const config = async () => ({
  tours: ['demo'],
  languages: ['vi', 'en'],
  idleSeconds: 20,
  attract: { sceneSeconds: 600, languageSeconds: 2 },
  autoplayNarration: false,
  shareToPhone: false,
  // Few iterations keep the test fast; the kiosk reads them from the hash.
  staffPin: await hashPin(PIN, 2000),
});

/** What the kiosk keeps: cache names and the saved tour's pointer. */
const savedState = (page: Page) =>
  page.evaluate(async () => {
    const keys = (await caches.keys()).sort();
    const tourCaches = keys.filter((key) => key.includes('demo'));
    return { keys, tourCaches };
  });

beforeAll(async () => {
  browser = await launchBrowser();
  publishedVersion = (await (await fetch(`${baseUrl}tours/demo/files.json`)).json()).version;
  kiosk = await newPage(browser, { viewport: 'kiosk', serviceWorkers: 'allow' });
  const profile = await config();
  await kiosk.context.route('**/kiosk/staff-test.json', (route) =>
    route.fulfill({ json: profile }),
  );
  kiosk.context.on('page', () => popups++);
  await kiosk.page.goto(`${baseUrl}?kiosk=staff-test`);
  await kiosk.page.getByTestId('attract').waitFor({ timeout: 90_000 });
  // The first start downloads the tour behind its progress display, before the attract screen.
  const saved = await savedState(kiosk.page);
  if (saved.tourCaches.length === 0) throw new Error(`no saved tour: ${JSON.stringify(saved)}`);
}, 180_000);

afterAll(async () => {
  await kiosk?.page.close();
  await browser?.close();
});

/** Every visible control inside `scope`: buttons, links, hotspots, anything acting as one. */
const CONTROLS =
  'button, a[href], [role="button"], [data-hotspot], input[type="button"], summary, .psv-button';

async function visibleControls(scope: Locator): Promise<Locator[]> {
  const all = await scope.locator(CONTROLS).all();
  const shown: Locator[] = [];
  for (const control of all) if (await control.isVisible().catch(() => false)) shown.push(control);
  return shown;
}

/** The page is still the kiosk app: same address but for the `#` route, no window opened. */
async function stillHome(page: Page, where: string): Promise<void> {
  const url = new URL(page.url());
  const home = new URL(`${baseUrl}?kiosk=staff-test`);
  expect(`${url.origin}${url.pathname}${url.search}`, where).toBe(
    `${home.origin}${home.pathname}${home.search}`,
  );
  expect(popups, where).toBe(0);
}

/** No link anywhere on the page leads out of the app or into a new window. */
async function noOutwardLinks(page: Page, where: string): Promise<void> {
  const outward = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
      .filter((a) => {
        const to = new URL(a.href, location.href);
        return (
          to.origin !== location.origin ||
          to.pathname !== location.pathname ||
          (a.target !== '' && a.target !== '_self')
        );
      })
      .map((a) => a.outerHTML),
  );
  expect(outward, where).toEqual([]);
}

/**
 * Brings the kiosk to a screen with `open`, then clicks each control of `scope` in turn
 * (opening the screen again before each), checking after every click that nothing left the
 * app. Returns the labels clicked, so the test can say what it covered.
 */
async function clickEverything(
  page: Page,
  name: string,
  open: () => Promise<void>,
  scope: () => Locator,
): Promise<string[]> {
  const clicked: string[] = [];
  for (let index = 0; ; index++) {
    await open();
    // Counted again each time: the screen may offer more (or fewer) once it has settled.
    const control = (await visibleControls(scope()))[index];
    if (!control) break;
    const label =
      (await control.getAttribute('data-testid')) ??
      (await control.getAttribute('aria-label')) ??
      (await control.getAttribute('data-hotspot')) ??
      (await control.getAttribute('title')) ??
      ((await control.textContent()) ?? '').trim().slice(0, 30);
    await control.click({ timeout: 5000 }).catch(() => undefined);
    clicked.push(label);
    await stillHome(page, `${name}: after clicking "${label}"`);
    await noOutwardLinks(page, `${name}: after clicking "${label}"`);
  }
  return clicked;
}

describe('kiosk, as a visitor', () => {
  it('no control on any kiosk screen deletes the saved tour or opens a window', async () => {
    const { page } = kiosk;
    const before = await savedState(page);
    const panel = page.getByTestId('panel');
    const visiting = async () => {
      if (await page.getByTestId('attract').isVisible()) await page.getByTestId('attract').click();
      if (await panel.isVisible()) await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
    };
    const about = async () => {
      await visiting();
      await page.getByTestId('about').click();
      await panel.waitFor({ state: 'visible' });
    };
    const credits = async () => {
      await about();
      await page.getByTestId('credits-full').click();
      await expect.poll(() => panel.textContent()).toContain('Alexandre Duret-Lutz');
    };
    const info = async () => {
      await visiting();
      // The current scene's info hotspot, by the keyboard: it may be turned out of view.
      await page
        .locator('[data-kind="info"]')
        .first()
        .evaluate((el) => (el as HTMLElement).focus());
      await page.keyboard.press('Enter');
      await panel.waitFor({ state: 'visible' });
    };

    await noOutwardLinks(page, 'attract');
    // The attract screen is one button (touch to start), with no control inside it.
    expect(await page.getByTestId('attract').locator(CONTROLS).count()).toBe(0);
    await page.getByTestId('attract').click();
    await stillHome(page, 'attract');

    // The About panel of a kiosk: credits in the app, no "remove saved copy", no save button.
    await about();
    expect(await page.getByTestId('offline-remove').count()).toBe(0);
    expect(await page.getByTestId('offline').count()).toBe(0);
    await screenshot(page, 'kiosk-staff-about');
    await credits();
    await screenshot(page, 'kiosk-credits-panel');
    expect(await panel.locator('a').count()).toBe(0);

    const infoPanel = await clickEverything(page, 'info panel', info, () => panel);
    const aboutPanel = await clickEverything(page, 'about', about, () => panel);
    const creditsPanel = await clickEverything(page, 'credits', credits, () => panel);
    // Last: its hotspots move the visit on to other scenes.
    const tourPage = await clickEverything(page, 'tour page', visiting, () =>
      page.locator('.tour-page'),
    );
    console.log(
      `clicked: info panel ${infoPanel.length}, about ${aboutPanel.length}, credits ` +
        `${creditsPanel.length}, tour page ${tourPage.length} (${tourPage.join(', ')})`,
    );
    // What was covered, in the test's output when it fails.
    expect(tourPage).toContain('about');
    expect(aboutPanel).toContain('credits-full');
    expect(creditsPanel.length).toBeGreaterThan(1);
    expect(infoPanel.length).toBeGreaterThan(0);

    await stillHome(page, 'at the end');
    const after = await savedState(page);
    expect(after.tourCaches).toEqual(before.tourCaches);
    expect(after.keys).toEqual(expect.arrayContaining(before.keys));
    // Some forty clicks, several of them scene changes drawn in software: a ceiling, not a wait.
  }, 400_000);
});

describe('kiosk, as staff', () => {
  const tapCorner = async (page: Page) => {
    for (let i = 0; i < 5; i++) await page.mouse.click(24, 24);
  };
  const typeDigits = async (page: Page, digits: string) => {
    for (const digit of digits) await page.getByTestId(`staff-pin-key-${digit}`).click();
  };
  const typePin = async (page: Page, pin: string) => {
    await typeDigits(page, pin);
    await page.getByTestId('staff-pin-ok').click();
  };

  it('the gesture asks for the PIN; a wrong one is refused, the right one shows the screen', async () => {
    const { page } = kiosk;
    await page.setViewportSize({ width: 1280, height: 800 });
    await tapCorner(page);
    await page.getByTestId('staff-pin').waitFor();
    await typePin(page, '111111');
    await expect
      .poll(() => page.getByTestId('staff-pin-message').textContent())
      .toBe('Sai mã PIN.');
    expect(await page.getByTestId('staff-screen').count()).toBe(0);
    await typeDigits(page, '48');
    expect(await page.getByTestId('staff-pin-display').textContent()).toBe('••');
    await screenshot(page, 'kiosk-staff-pin');
    await page.getByTestId('staff-pin-erase').click();
    await page.getByTestId('staff-pin-erase').click();
    await typePin(page, PIN);
    await page.getByTestId('staff-screen').waitFor();
    const card = page.getByTestId('staff-tour-demo');
    expect(await card.getByTestId('staff-version').textContent()).toBe(publishedVersion);
    expect(await card.getByTestId('staff-size').textContent()).toMatch(/^\d+\.\d MB · \d+ tệp$/);
    expect(await card.getByTestId('staff-last-success').textContent()).not.toBe('Không có');
    expect(await page.getByTestId('staff-storage-used').textContent()).toMatch(/^\d+\.\d MB$/);
    expect(await page.getByTestId('staff-storage-free').textContent()).toMatch(/^\d+\.\d MB$/);
    expect(await page.getByTestId('staff-storage-persistent').textContent()).toMatch(/^(Có|Không)/);
    await screenshot(page, 'kiosk-staff-screen-vi');

    await page.getByTestId('staff-check').click();
    await expect
      .poll(() => page.getByTestId('staff-status').textContent(), { timeout: 30_000 })
      .toBe('Đã kiểm tra xong (kết quả bên dưới).');
    expect(await card.getByTestId('staff-last-check').textContent()).not.toBe('Không có');
    await page.getByTestId('staff-lang-en').click();
    await expect
      .poll(() => page.getByTestId('staff-check').textContent())
      .toBe('Check for updates now');
    await screenshot(page, 'kiosk-staff-screen-en');
  });

  it('closes by itself when left alone', async () => {
    const { page } = kiosk;
    // The profile's idle time (20 s) is the ceiling; the wait is for the condition.
    await page.getByTestId('staff').waitFor({ state: 'hidden', timeout: 40_000 });
    expect(await page.getByTestId('staff-screen').count()).toBe(0);
    await stillHome(page, 'after the staff screen');
  });
});
