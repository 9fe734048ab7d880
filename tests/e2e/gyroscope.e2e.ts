/**
 * Looking around by moving the phone: the device's orientation is simulated through the
 * DevTools protocol, and the view is read where every other test reads it, in the address
 * (`v=yaw,pitch,zoom`, degrees).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDeepLink } from '../../src/core/links/deep-link.ts';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A phone held upright (beta 90°), its compass heading `alpha`. */
async function holdPhone(cdp: CDPSession, alpha: number): Promise<void> {
  await cdp.send('DeviceOrientation.setDeviceOrientationOverride', { alpha, beta: 90, gamma: 0 });
}

/** One finger moved sideways from `fromX` to `toX` along the line `y`. */
async function swipe(cdp: CDPSession, y: number, fromX: number, toX: number): Promise<void> {
  const at = (x: number) => [{ x, y, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(fromX) });
  for (let step = 1; step <= 20; step++) {
    const x = fromX + ((toX - fromX) * step) / 20;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(x) });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

const yawOf = (page: Page): number | undefined => parseDeepLink(page.url()).view?.yaw;

/** Smallest angle between two headings, in degrees. */
const turn = (a: number, b: number): number => Math.abs(((((a - b) % 360) + 540) % 360) - 180);

/** Waits until the address's yaw has settled (two reads 300 ms apart agree within 1°). */
async function settledYaw(page: Page): Promise<number> {
  let previous: number | undefined;
  await expect
    .poll(
      async () => {
        const yaw = yawOf(page);
        const settled = yaw !== undefined && previous !== undefined && turn(yaw, previous) < 1;
        previous = yaw;
        return settled;
      },
      { timeout: 15_000, interval: 300 },
    )
    .toBe(true);
  return previous!;
}

async function phoneWithSensor(alpha = 0) {
  const test = await newPage(browser, { viewport: 'phone' });
  await test.context.grantPermissions(['accelerometer', 'gyroscope', 'magnetometer']);
  const cdp = await test.context.newCDPSession(test.page);
  await holdPhone(cdp, alpha);
  return { ...test, cdp };
}

describe('gyroscope', () => {
  it('turning the phone turns the view, and dragging still works', async () => {
    const { page, cdp, errors } = await phoneWithSensor(0);
    await page.goto(`${baseUrl}#/demo/louvre?v=0,0`);
    await waitForCanvasDrawn(page);
    const button = page.locator('.psv-gyroscope-button');
    await button.waitFor({ state: 'visible' });
    expect(await page.locator('.psv-container').getAttribute('data-gyroscope')).toBe('offered');
    expect(await button.getAttribute('title')).toBe('Nhìn quanh bằng cách xoay điện thoại');
    // A tap, as on a phone (PSV's hover zoom of the icon can make a mouse click miss it).
    await button.tap();
    await page.locator('.psv-gyroscope-button.psv-button--active').waitFor();

    const before = await settledYaw(page);
    await holdPhone(cdp, 90); // a quarter turn to the left
    await expect
      .poll(() => turn(yawOf(page) ?? before, before), { timeout: 15_000 })
      .toBeGreaterThan(60);
    const turned = await settledYaw(page);
    expect(turn(turned, before)).toBeGreaterThan(75);
    expect(turn(turned, before)).toBeLessThan(105);
    await screenshot(page, 'gyroscope-phone-turned');

    // A finger dragged across the screen still moves the view while the phone steers…
    const box = (await page.locator('.psv-canvas').boundingBox())!;
    await swipe(cdp, box.y + box.height / 2, box.x + box.width * 0.85, box.x + box.width * 0.15);
    await expect
      .poll(() => turn(yawOf(page) ?? turned, turned), { timeout: 15_000 })
      .toBeGreaterThan(5);
    const dragged = await settledYaw(page);
    expect(turn(dragged, turned)).toBeGreaterThan(5);
    // …and the gyroscope is still on: turning back follows from the dragged heading.
    expect(await button.getAttribute('class')).toContain('psv-button--active');
    await holdPhone(cdp, 0);
    await expect
      .poll(() => turn(yawOf(page) ?? dragged, dragged), { timeout: 15_000 })
      .toBeGreaterThan(60);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is not offered when the visitor asks for reduced motion', async () => {
    const { page } = await phoneWithSensor();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${baseUrl}#/demo/louvre`);
    await waitForCanvasDrawn(page);
    await page.locator('.psv-navbar .psv-zoom-button').first().waitFor({ state: 'attached' });
    expect(await page.locator('.psv-gyroscope-button').count()).toBe(0);
    await page.close();
  });

  it('has no button on a desktop without the sensor', async () => {
    // Desktop Chromium has DeviceOrientationEvent.requestPermission too, like iOS: only a
    // reading, or a touch screen that must ask, brings the button.
    const { page } = await newPage(browser, { viewport: 'kiosk' });
    await page.goto(`${baseUrl}#/demo/louvre`);
    await waitForCanvasDrawn(page);
    await page.locator('.psv-container[data-gyroscope="none"]').waitFor({ state: 'attached' });
    expect(await page.locator('.psv-gyroscope-button').isVisible()).toBe(false);
    await page.close();
  });

  it('is not offered on a kiosk', async () => {
    const { page } = await phoneWithSensor();
    await page.goto(`${baseUrl}?kiosk=default`);
    await page.getByTestId('attract').waitFor();
    await waitForCanvasDrawn(page);
    await page.locator('.psv-navbar .psv-zoom-button').first().waitFor({ state: 'attached' });
    expect(await page.locator('.psv-gyroscope-button').count()).toBe(0);
    await page.close();
  });
});
