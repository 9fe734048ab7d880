/**
 * Author text is never markup: a tour whose every text is an XSS attempt shows the text,
 * runs nothing and adds no element.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';

const baseUrl = inject('baseUrl');
let browser: Browser;

const ATTACKS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=2</script>',
  '<iframe src="javascript:window.top.__xss=3"></iframe>',
  '<svg onload="window.__xss=4">',
  '"><b onmouseover="window.__xss=5">x</b>',
  '[click](javascript:window.__xss=6)',
];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('author text', () => {
  it('is shown as text everywhere: titles, labels, gallery, info panel, credits', async () => {
    const tour = await (await fetch(`${baseUrl}tours/demo/tour.json`)).json();
    const evil = (i: number) => ({
      vi: ATTACKS[i % ATTACKS.length]!,
      en: ATTACKS[(i + 1) % ATTACKS.length]!,
    });
    tour.title = evil(0);
    tour.scenes.forEach((scene: Record<string, unknown>, i: number) => {
      scene.title = evil(i);
      scene.panorama = {
        ...(scene.panorama as object),
        credit: { author: ATTACKS[i]!, license: ATTACKS[i + 1]! },
      };
      for (const hotspot of scene.hotspots as Array<Record<string, unknown>>) {
        hotspot.title = evil(i + 2);
        if (hotspot.type === 'info')
          hotspot.body = { vi: ATTACKS.join('\n\n'), en: ATTACKS.join(' ') };
      }
    });
    const { page, errors } = await newPage(browser, { viewport: 'kiosk' });
    await page.route('**/tours/demo/tour.json', (route) => route.fulfill({ json: tour }));
    const start = tour.scenes[0];
    const info = start.hotspots.find((h: { type: string }) => h.type === 'info');
    await page.goto(`${baseUrl}#/demo/${start.id}?v=${info.position.yaw},${info.position.pitch}`);
    await waitForCanvasDrawn(page);
    await page.locator(`[data-hotspot="${info.id}"]`).click();
    await page.getByTestId('panel').waitFor({ state: 'visible' });
    await page.locator('.psv-gallery-button').click();
    await page.locator('.psv-gallery-item').first().waitFor();
    await screenshot(page, 'xss-corpus-gallery-kiosk');
    await page.locator('.psv-gallery-button').click();
    await page.getByTestId('about').click();
    // The about page (its credits list) has replaced the hotspot's panel.
    await page.getByTestId('panel').locator('.credits').waitFor();
    await screenshot(page, 'xss-corpus-kiosk');

    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    const injected = await page.evaluate(
      () =>
        document.querySelectorAll(
          '.tour-page iframe, .tour-page script, .tour-page [onerror], .tour-page [onload], .tour-page [onmouseover], .tour-page a[href^="javascript"], .psv-gallery img[src="x"]',
        ).length,
    );
    expect(injected).toBe(0);
    expect(await page.getByTestId('scene-title').textContent()).toBe(start.title.vi);
    expect(await page.getByTestId('panel').textContent()).toContain('<script>');
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });
});

describe('content security policy', () => {
  it('is set on the built site and stops inline script, while the viewer works under it', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await page.goto(`${baseUrl}#/demo`);
    await waitForCanvasDrawn(page);
    const policy = await page.evaluate(
      () =>
        document
          .querySelector('meta[http-equiv="Content-Security-Policy"]')
          ?.getAttribute('content') ?? '',
    );
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    // The viewer drew and loaded everything without tripping the policy.
    expect(violations).toEqual([]);
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__inline = 1';
      document.body.appendChild(script);
    });
    expect(
      await page.evaluate(() => (window as unknown as { __inline?: number }).__inline),
    ).toBeUndefined();
    expect(errors.filter((e) => !e.includes('Content Security Policy'))).toEqual([]);
    await page.close();
  });
});

describe('live captions (issue 21)', () => {
  it('show cue markup and entities as the text a visitor reads, never as markup', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'kiosk' });
    const hostile = [
      'WEBVTT',
      '',
      '00:00:00.000 --> 00:00:30.000',
      '<v Hướng dẫn viên><b>Đền</b> &amp; <i>chùa</i> &lt;img src=x onerror="window.__xss=7"&gt; <c.red>đỏ</c>',
      '',
    ].join('\n');
    await page.route('**/tours/demo/audio/en/*.vtt', (route) =>
      route.fulfill({ body: hostile, contentType: 'text/vtt; charset=utf-8' }),
    );
    await page.goto(`${baseUrl}#/demo/louvre?l=en`);
    await waitForCanvasDrawn(page);
    await page.getByTestId('narration-play').click();
    const expected = 'Đền & chùa <img src=x onerror="window.__xss=7"> đỏ';
    await page.waitForFunction(
      (text) => document.querySelector('[data-testid="captions"]')?.textContent === text,
      expected,
      { timeout: 15_000 },
    );
    const captions = page.getByTestId('captions');
    expect(await captions.evaluate((element) => element.children.length)).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    await screenshot(page, 'captions-hostile-cue-kiosk');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the built site (issue 21)', () => {
  it('publishes no source maps and names none', async () => {
    const html = await (await fetch(baseUrl)).text();
    const scripts = [...html.matchAll(/src="\.?\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of [...scripts, 'sw.js']) {
      const code = await (await fetch(`${baseUrl}${script}`)).text();
      expect(code, script).not.toMatch(/sourceMappingURL=/);
      expect((await fetch(`${baseUrl}${script}.map`)).status, `${script}.map`).toBe(404);
    }
  });

  it('carries _headers with the page CSP, frame-ancestors, nosniff and the referrer policy', async () => {
    const headers = await (await fetch(`${baseUrl}_headers`)).text();
    const html = await (await fetch(baseUrl)).text();
    const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeTruthy();
    expect(headers).toContain(
      `Content-Security-Policy: ${meta!.replace(/&#39;|&apos;/g, "'")}; frame-ancestors 'self'`,
    );
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
  });

  it('is served with nosniff, and tour files never as a page', async () => {
    const response = await fetch(`${baseUrl}tours/demo/tour.json`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const credits = await fetch(`${baseUrl}tours/demo/CREDITS.md`);
    expect(credits.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  });
});
