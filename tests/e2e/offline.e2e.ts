/**
 * Offline, end to end with the service worker on: a phone saves the sample tour and then
 * shows every scene and plays its narration with the network off, reload included; a kiosk
 * downloads its tours on first start; an update with a broken file leaves the old version
 * whole, and once fixed it is swapped in and the old cache removed.
 */
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStaticServer } from '../../src/node/serve/static-server.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import {
  pointerCacheName,
  tourCacheName,
  type TourFileList,
} from '../../src/core/publish/tour-files.ts';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';

/** The attract screen turns the panorama: drawn is what counts, not a still frame. */
const attractDrawn = (page: Page) => waitForCanvasDrawn(page, { stableWithin: 60 });

const baseUrl = inject('baseUrl');
const dist = process.env.E2E_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
let browser: Browser;
let tour: Tour;

beforeAll(async () => {
  browser = await launchBrowser();
  tour = (await (await fetch(`${baseUrl}tours/demo/tour.json`)).json()) as Tour;
});

afterAll(async () => {
  await browser?.close();
});

const controlled = (page: Page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
const cacheNames = (page: Page) => page.evaluate(async () => caches.keys());
const sceneTitle = (page: Page) => page.getByTestId('scene-title').textContent();

describe('a phone', () => {
  it('saves the tour, then shows every scene and plays narration with the network off', async () => {
    const { page, context, errors } = await newPage(browser, {
      viewport: 'phone',
      serviceWorkers: 'allow',
    });
    await page.goto(`${baseUrl}#/demo`);
    await waitForCanvasDrawn(page);
    await controlled(page);
    // Installable: a manifest with a standalone display and icons the browser can fetch.
    const manifest = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!;
      const data = (await (await fetch(link.href)).json()) as {
        display: string;
        icons: { src: string; sizes: string }[];
      };
      const icons = await Promise.all(
        data.icons.map(async (icon) => (await fetch(new URL(icon.src, link.href))).status),
      );
      return { display: data.display, sizes: data.icons.map((icon) => icon.sizes), icons };
    });
    expect(manifest.display).toBe('standalone');
    expect(manifest.sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.every((status) => status === 200)).toBe(true);
    await page.getByTestId('about').click();
    await page.getByTestId('offline-save').click();
    await page.getByTestId('offline-progress').waitFor();
    await screenshot(page, 'offline-saving-phone');
    await page.getByTestId('offline-status').waitFor({ timeout: 60_000 });
    await page.getByTestId('offline-storage').waitFor();
    await screenshot(page, 'offline-saved-phone');

    await context.setOffline(true);
    let visited = 0;
    for (const scene of tour.scenes) {
      await page.goto(`${baseUrl}#/demo/${scene.id}?l=vi`);
      await expect.poll(() => sceneTitle(page)).toBe(scene.title.vi);
      await waitForCanvasDrawn(page);
      const audio = page.getByTestId('narration-audio');
      await page.waitForFunction(
        () =>
          (document.querySelector<HTMLAudioElement>('[data-testid="narration-audio"]')
            ?.readyState ?? 0) >= 2,
      );
      // Seeking needs byte ranges, answered from the saved copy.
      await audio.evaluate((element: HTMLAudioElement) => {
        element.currentTime = element.duration / 2;
      });
      await page.waitForFunction(() => {
        const element = document.querySelector<HTMLAudioElement>('[data-testid="narration-audio"]');
        return (
          element !== null && !element.seeking && element.currentTime > 0 && element.readyState >= 2
        );
      });
      visited++;
    }
    expect(visited).toBe(tour.scenes.length);
    await page.reload();
    await waitForCanvasDrawn(page);
    expect(await sceneTitle(page)).toBe(tour.scenes.at(-1)!.title.vi);
    expect(errors.filter((e) => !e.includes('net::ERR_INTERNET_DISCONNECTED'))).toEqual([]);
    await page.close();
  });
});

describe('a kiosk', () => {
  let site: string;
  let version1: string;
  let failPath: string | null = null;
  let failures = 0;
  let server: Awaited<ReturnType<typeof createStaticServer>>;

  beforeAll(async () => {
    site = await mkdtemp(path.join(tmpdir(), 'kiosk-site-'));
    await cp(dist, site, { recursive: true });
    const profile = {
      tours: ['demo'],
      languages: ['vi', 'en'],
      idleSeconds: 3,
      attract: { sceneSeconds: 30, languageSeconds: 2 },
    };
    await writeFile(path.join(site, 'kiosk/update.json'), JSON.stringify(profile));
    version1 = (
      JSON.parse(await readFile(path.join(site, 'tours/demo/files.json'), 'utf8')) as TourFileList
    ).version;
    server = await createStaticServer({
      root: site,
      override: (req, res) => {
        if (!failPath || !req.url?.endsWith(failPath)) return false;
        failures++;
        res.statusCode = 500;
        res.end('broken on purpose');
        return true;
      },
    });
  });

  afterAll(async () => {
    await server?.close();
    if (site) await rm(site, { recursive: true, force: true });
  });

  /** Publishes "v2": a new start-scene title, and the file list saying so. */
  async function publishVersion2(): Promise<string> {
    const manifestPath = path.join(site, 'tours/demo/tour.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Tour;
    manifest.scenes[0]!.title.vi = 'Phiên bản 2';
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    await writeFile(manifestPath, text);
    // The narration that breaks changes too: unchanged files are copied, not downloaded.
    const audioPath = path.join(site, 'tours/demo/audio/en/louvre.mp3');
    const audio = Buffer.concat([await readFile(audioPath), Buffer.from([0])]);
    await writeFile(audioPath, audio);
    const listPath = path.join(site, 'tours/demo/files.json');
    const list = JSON.parse(await readFile(listPath, 'utf8')) as TourFileList;
    for (const [file, body] of [
      ['tour.json', Buffer.from(text)],
      ['audio/en/louvre.mp3', audio],
    ] as const) {
      const entry = list.files.find((f) => f.path === file)!;
      entry.bytes = body.byteLength;
      entry.sha256 = createHash('sha256').update(body).digest('hex');
    }
    list.version = 'v2e2e';
    await writeFile(listPath, JSON.stringify(list));
    return list.version;
  }

  /** A visitor touches the screen, then leaves: the idle reset runs the update check. */
  async function visitAndLeave(page: Page): Promise<void> {
    await page.getByTestId('attract').click();
    await page.getByTestId('attract').waitFor({ state: 'hidden' });
    await page.getByTestId('attract').waitFor({ state: 'visible', timeout: 30_000 });
  }

  it('downloads its tours on first start, then runs with no network', async () => {
    const { page, context } = await newPage(browser, {
      viewport: 'kiosk',
      serviceWorkers: 'allow',
    });
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="kiosk-download"]'))
          localStorage.setItem('sawDownload', '1');
      }).observe(document, { childList: true, subtree: true });
    });
    // One slow file keeps the progress display up long enough to be photographed. The page is
    // not controlled by the worker yet on its first start, so the route sees the request.
    let release: () => void = () => undefined;
    const slowFile = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/tours/demo/tour.json', async (route) => {
      await slowFile;
      await route.continue();
    });
    await page.goto(`${server.url}?kiosk=update`);
    const status = page.getByTestId('kiosk-download-status');
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/\d+\/\d+/);
    await screenshot(page, 'offline-kiosk-download');
    release();
    await page.unroute('**/tours/demo/tour.json');
    await page.getByTestId('attract').waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => localStorage.getItem('sawDownload'))).toBe('1');
    expect(await cacheNames(page)).toContain(tourCacheName(server.url, 'demo', version1));
    await controlled(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('attract').waitFor({ timeout: 30_000 });
    await attractDrawn(page);
    await screenshot(page, 'offline-kiosk-attract');
    await context.setOffline(false);
    await page.close();
  });

  it('keeps v1 whole when v2 has a broken file, and swaps v2 in once it is fixed', async () => {
    const { page } = await newPage(browser, { viewport: 'kiosk', serviceWorkers: 'allow' });
    await page.goto(`${server.url}?kiosk=update`);
    await page.getByTestId('attract').waitFor({ timeout: 60_000 });
    await controlled(page);
    const v1Title = tour.scenes[0]!.title.vi;
    // The attract screen is over the tour page, which may still be filling in its title.
    await expect.poll(() => sceneTitle(page)).toBe(v1Title);

    const version2 = await publishVersion2();
    failPath = 'audio/en/louvre.mp3';
    await visitAndLeave(page);
    // The broken file is tried, and tried again with backoff: at least four tries in all.
    await expect.poll(() => failures, { timeout: 30_000 }).toBeGreaterThanOrEqual(4);
    const v1Files = (
      JSON.parse(await readFile(path.join(dist, 'tours/demo/files.json'), 'utf8')) as TourFileList
    ).files.filter((file) => !file.lang || ['vi', 'en'].includes(file.lang)).length;
    const v1Cached = () =>
      page.evaluate(
        async (name) => (await (await caches.open(name)).keys()).length,
        tourCacheName(server.url, 'demo', version1),
      );
    // v1 is still whole: every one of its files kept, its title shown, its panorama drawn.
    expect(await v1Cached()).toBe(v1Files);
    expect(await sceneTitle(page)).toBe(v1Title);
    await attractDrawn(page);
    const pointer = await page.evaluate(async (name) => {
      const response = await (await caches.open(name)).match('https://pointer.invalid/demo');
      return response ? ((await response.json()) as { version: string }).version : null;
    }, pointerCacheName(server.url));
    expect(pointer).toBe(version1);
    expect(await cacheNames(page)).toContain(tourCacheName(server.url, 'demo', version1));

    failPath = null;
    const reloaded = page.waitForEvent('load', { timeout: 60_000 });
    await visitAndLeave(page).catch(() => undefined);
    await reloaded;
    await page.getByTestId('attract').waitFor({ timeout: 60_000 });
    await expect.poll(() => sceneTitle(page), { timeout: 30_000 }).toBe('Phiên bản 2');
    const names = await cacheNames(page);
    expect(names).toContain(tourCacheName(server.url, 'demo', version2));
    expect(names).not.toContain(tourCacheName(server.url, 'demo', version1));
    await page.close();
  });
});
