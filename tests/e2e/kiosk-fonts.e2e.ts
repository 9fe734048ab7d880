/**
 * Kiosk fonts: this test machine has no CJK fonts (like a bare Debian kiosk), so a profile
 * with Korean must tell staff, and only staff: a console warning and `data-missing-glyphs`.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launchBrowser, newPage } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

it('warns staff of a configured language no installed font can draw', async () => {
  const { page, errors } = await newPage(browser, { viewport: 'kiosk' });
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' && message.text().startsWith('Kiosk:')) {
      warnings.push(message.text());
    }
  });
  await page.route('**/kiosk/default.json', (route) =>
    route.fulfill({ json: { tours: ['demo'], languages: ['vi', 'en', 'ko', 'fr'] } }),
  );
  await page.goto(`${baseUrl}?kiosk=default`);
  const attract = page.locator('[data-testid="attract"][data-missing-glyphs]');
  await attract.waitFor({ state: 'attached' });
  // Vietnamese and French letters are in DejaVu; Korean is in no font here.
  expect(await attract.getAttribute('data-missing-glyphs')).toBe('ko');
  expect(warnings).toHaveLength(1);
  expect(warnings[0]).toContain('fonts-noto-cjk');
  // Nothing of it on the visitors' screen.
  expect(await attract.textContent()).not.toMatch(/font|ko\b/i);
  expect(errors).toEqual([]);
  await page.close();
});
