/**
 * One measured visit: a fresh browser context (cold cache, no service worker), throttled,
 * with the probe of `instrument.ts`. Times are milliseconds from navigation start.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { instrument, type BenchProbe } from './instrument.ts';
import { type Filmstrip, recordFilmstrip, watchFirstView } from '../tests/support/filmstrip.ts';
import type { BenchPage, SceneInfo } from './pages.ts';

export interface LoadSample {
  firstVisibleMs: number;
  fullResolutionMs: number;
  switchMs: number;
  /** Bytes of panorama images downloaded until full resolution. */
  bytes: number;
}

export interface MemoryPoint {
  switches: number;
  heapBytes: number;
  textures: number;
}

export interface MemorySample {
  points: MemoryPoint[];
}

export const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

async function open(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    reducedMotion: 'reduce',
    // Service-worker fetches escape the page's network throttling: keep both pages plain.
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  // tsx keeps function names through a `__name` helper that the page does not have: a global,
  // for the other init scripts too (Playwright runs each in a scope of its own).
  await page.addInitScript({
    content: `globalThis.__name = (f) => f; (${instrument.toString()})();`,
  });
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

const probe = <K extends keyof BenchProbe>(page: Page, key: K) =>
  page.evaluate((k) => (window as unknown as { __bench: BenchProbe }).__bench[k], key) as Promise<
    BenchProbe[K]
  >;

async function until<T>(
  check: () => Promise<T | null | false>,
  timeout: number,
  what: string,
): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value !== null && value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves when no resource has finished for `quietMs` (the page stopped downloading). */
async function networkQuiet(page: Page, quietMs = 2500, timeout = 90_000): Promise<void> {
  let count = -1;
  let since = Date.now();
  await until(
    async () => {
      const now = await page.evaluate(() => performance.getEntriesByType('resource').length);
      if (now !== count) {
        count = now;
        since = Date.now();
      }
      return Date.now() - since >= quietMs;
    },
    timeout,
    'the network to go quiet',
  );
}

export async function measureLoad(
  browser: Browser,
  base: string,
  target: BenchPage,
  scenes: readonly SceneInfo[],
  panoramaPrefix: string,
  throttled = true,
): Promise<LoadSample> {
  const { context, page, cdp } = await open(browser);
  try {
    if (throttled) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    await page.goto(target.url(base));
    const firstVisibleMs = await until(() => probe(page, 'firstVisible'), 120_000, 'a first frame');
    await networkQuiet(page);
    const images = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => {
        const r = e as PerformanceResourceTiming;
        // A second request served from the HTTP cache (the viewer asking for a tile fetched
        // ahead) transfers nothing: its body must not count twice.
        return {
          url: r.name,
          end: r.responseEnd,
          bytes: r.transferSize > 0 ? r.encodedBodySize : 0,
        };
      }),
    );
    const panorama = images.filter((image) => target.isPanoramaRequest(image.url, panoramaPrefix));
    const fullResolutionMs = Math.max(firstVisibleMs, ...panorama.map((image) => image.end));
    const bytes = panorama.reduce((sum, image) => sum + image.bytes, 0);
    const start = scenes[0]!;
    const neighbour = scenes.find((scene) => scene.id === start.links[0]) ?? scenes[1]!;
    await page.evaluate(() => (window as unknown as { __bench: BenchProbe }).__bench.markSwitch());
    await target.goTo(page, neighbour);
    await until(() => probe(page, 'switchVisible'), 60_000, 'the neighbour scene');
    const switchMs = (await probe(page, 'switchVisible'))! - (await probe(page, 'switchStart'))!;
    const round = (n: number) => Math.round(n);
    return {
      firstVisibleMs: round(firstVisibleMs),
      fullResolutionMs: round(fullResolutionMs),
      switchMs: round(switchMs),
      bytes,
    };
  } finally {
    await context.close();
  }
}

/** One more throttled visit, filmed: the frames the screen showed at every half second. */
export async function filmLoad(
  browser: Browser,
  base: string,
  target: BenchPage,
  file: string,
): Promise<Filmstrip> {
  const { context, page, cdp } = await open(browser);
  try {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await watchFirstView(page);
    return await recordFilmstrip(page, cdp, target.url(base), file);
  } finally {
    await context.close();
  }
}

/** Cycles through every scene, recording heap and live textures at the given counts. */
export async function measureMemory(
  browser: Browser,
  base: string,
  target: BenchPage,
  scenes: readonly SceneInfo[],
  at: readonly number[],
): Promise<MemorySample> {
  const { context, page, cdp } = await open(browser);
  try {
    await page.goto(target.url(base));
    await until(() => probe(page, 'firstVisible'), 60_000, 'a first frame');
    await until(() => target.isShowing(page, scenes[0]!), 60_000, 'the start scene');
    const points: MemoryPoint[] = [];
    const last = Math.max(...at);
    for (let n = 1; n <= last; n++) {
      const scene = scenes[n % scenes.length]!;
      await target.goTo(page, scene);
      await until(() => target.isShowing(page, scene), 60_000, `scene ${scene.id}`);
      if (at.includes(n)) points.push({ switches: n, ...(await memory(page, cdp)) });
    }
    return { points };
  } finally {
    await context.close();
  }
}

async function memory(page: Page, cdp: CDPSession): Promise<Omit<MemoryPoint, 'switches'>> {
  await page.waitForTimeout(500);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  return { heapBytes: usedSize, textures: await probe(page, 'liveTextures') };
}
