/**
 * Headless Debian Chromium for the e2e tests, driven by playwright-core.
 *
 * WebGL runs on SwiftShader: the flags below are exactly those of DESIGN.md. `--use-gl` /
 * `--use-angle` must not be added (WebGL disabled, or context creation blocking on reloads).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { setTimeout as nextSampleAfter } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import sharp from 'sharp';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-swiftshader',
];

export const SCREENSHOT_DIR = fileURLToPath(
  new URL('../../test-results/screenshots/', import.meta.url),
);

export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    // Never a skip: the browser tests are the only check of the viewer.
    throw new Error(
      `${CHROMIUM_PATH} is missing: install the Debian package chromium (.ci/run installs it in CI).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
  });
}

export type ViewportName = 'phone' | 'kiosk';

/** A cheap Android phone (CSS pixels) and a full-HD kiosk touch screen. */
const DEVICES = {
  phone: {
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
  kiosk: {
    viewport: { width: 1920, height: 1080 },
    deviceScaleFactor: 1,
    isMobile: false,
    hasTouch: false,
  },
} as const;

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors, in order: assert `toEqual([])`. */
  errors: string[];
}

export interface PageOptions {
  viewport: ViewportName;
  /**
   * Browser language (`navigator.languages`), which the app follows when the link names none.
   * Vietnamese by default: the visitors this is made for (Chromium's own default is en-US).
   */
  locale?: string;
  /** Overrides the device's pixel ratio (soaks use 1: a quarter of the pixels to render). */
  deviceScaleFactor?: number;
  /**
   * The service worker is blocked unless a test is about it: `page.route` does not see the
   * requests a worker makes, and tests that break an asset on purpose rely on it.
   */
  serviceWorkers?: 'allow' | 'block';
}

/**
 * A page in its own context (fresh storage, service workers and caches); closing the page
 * closes the context too.
 */
export async function newPage(browser: Browser, options: PageOptions): Promise<TestPage> {
  const context = await browser.newContext({
    ...DEVICES[options.viewport],
    ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
    serviceWorkers: options.serviceWorkers ?? 'block',
    locale: options.locale ?? 'vi-VN',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('close', () => void context.close().catch(() => {}));
  return { page, context, errors };
}

/** Saves `test-results/screenshots/<name>.png` (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = `${SCREENSHOT_DIR}${name.replace(/[^\w.-]+/g, '-')}.png`;
  await page.screenshot({ path: file });
  return file;
}

export interface CanvasStats {
  /** Size of the sampled area, in CSS pixels. */
  width: number;
  height: number;
  /** Mean and standard deviation of the luma (0–255). */
  mean: number;
  stddev: number;
  /** Number of distinct RGB colours: a photograph has thousands, a loader a few dozen. */
  distinctColors: number;
}

export interface CanvasOptions {
  selector?: string;
  /**
   * Fraction of the canvas left out on each side: the app's bars and PSV's navbar lie over
   * the canvas edges, and must not pass for a drawn panorama.
   */
  inset?: number;
}

/**
 * Statistics of what the PSV canvas shows. The canvas is WebGL without a preserved drawing
 * buffer, so its pixels cannot be read back in the page: the compositor's screenshot of its
 * area is decoded here instead. Undefined when there is no visible canvas.
 */
export async function canvasStats(
  page: Page,
  { selector = '.psv-canvas', inset = 0.15 }: CanvasOptions = {},
): Promise<CanvasStats | undefined> {
  const box = await page.locator(selector).first().boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) return undefined;
  const left = Math.max(0, box.x);
  const top = Math.max(0, box.y);
  const width = Math.min(viewport.width, box.x + box.width) - left;
  const height = Math.min(viewport.height, box.y + box.height) - top;
  const clip = {
    x: left + width * inset,
    y: top + height * inset,
    width: Math.floor(width * (1 - 2 * inset)),
    height: Math.floor(height * (1 - 2 * inset)),
  };
  if (clip.width < 1 || clip.height < 1) return undefined;
  const png = await page.screenshot({ clip, scale: 'css' });
  return pixelStats(png);
}

/** Luma mean/deviation and distinct colours of an encoded image (PNG, JPEG…). */
export async function pixelStats(image: Buffer): Promise<CanvasStats> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const colors = new Set<number>();
  let sum = 0;
  let sumOfSquares = 0;
  const pixels = info.width * info.height;
  for (let i = 0; i < data.length; i += info.channels) {
    const r = data[i]!;
    const g = data[i + 1]!;
    const b = data[i + 2]!;
    const luma = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum += luma;
    sumOfSquares += luma * luma;
    colors.add((r << 16) | (g << 8) | b);
  }
  const mean = sum / pixels;
  return {
    width: info.width,
    height: info.height,
    mean,
    stddev: Math.sqrt(Math.max(0, sumOfSquares / pixels - mean * mean)),
    distinctColors: colors.size,
  };
}

export interface DrawnThresholds {
  minMean?: number;
  minStddev?: number;
  minColors?: number;
}

/** True when the statistics look like a photograph: not black, not uniform, many colours. */
export function looksDrawn(
  stats: CanvasStats | undefined,
  { minMean = 8, minStddev = 10, minColors = 1000 }: DrawnThresholds = {},
): boolean {
  return (
    stats !== undefined &&
    stats.mean >= minMean &&
    stats.stddev >= minStddev &&
    stats.distinctColors >= minColors
  );
}

/**
 * Polls until the panorama is really drawn on the canvas and has settled (two samples in a row,
 * `interval` ms apart, look drawn with nearly the same brightness, so a fade-in half way does
 * not count); returns the last statistics, or throws with them after `timeout` ms. The interval
 * is what "settled" means, not a wait for something else: WebGL pixels cannot be read in the
 * page, so the condition cannot be a `waitForFunction`.
 */
export async function waitForCanvasDrawn(
  page: Page,
  options: CanvasOptions &
    DrawnThresholds & { timeout?: number; interval?: number; stableWithin?: number } = {},
): Promise<CanvasStats> {
  const { timeout = 30_000, interval = 250, stableWithin = 3 } = options;
  const deadline = Date.now() + timeout;
  let previous: CanvasStats | undefined;
  for (;;) {
    const stats = await canvasStats(page, options).catch(() => undefined);
    const drawn = stats !== undefined && looksDrawn(stats, options);
    if (drawn && previous && Math.abs(stats.mean - previous.mean) <= stableWithin) return stats;
    if (Date.now() >= deadline) {
      throw new Error(
        `panorama not drawn after ${timeout} ms; last canvas: ${JSON.stringify(stats)}`,
      );
    }
    previous = drawn ? stats : undefined;
    await nextSampleAfter(interval);
  }
}
