/**
 * Does a scene's poster show what the live viewer then shows? For each scene of a tour and each
 * screen shape, renders the poster (src/node/first-view) and screenshots the built site's viewer
 * at the same size once it has drawn, with every overlay hidden, then compares the two as small
 * grey thumbnails (Pearson correlation, src/core/first-view/likeness.ts). A poster of the view
 * turned 15° is compared too, to show the figure tells framings apart.
 *
 *   npx vite build --outDir /tmp/fv-dist --emptyOutDir
 *   npx tsx bench/poster-likeness.ts --site /tmp/fv-dist [--tour demo] [--scene louvre] [--save]
 *
 * `--save` writes poster | screenshot pairs to bench/tmp/poster-likeness/ to look at.
 */
import { createReadStream } from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { crop, likeness } from '../src/core/first-view/likeness.ts';
import {
  coverRegion,
  POSTER_SIZES,
  type PosterOrientation,
} from '../src/core/first-view/poster-layout.ts';
import type { RawPixels } from '../src/core/first-view/poster-sampling.ts';
import type { Size, StartView } from '../src/core/first-view/view-geometry.ts';
import type { Tour } from '../src/core/manifest/schema.ts';
import { renderPosters } from '../src/node/first-view/render-poster.ts';
import { launchBrowser, waitForCanvasDrawn } from '../tests/support/browser.ts';

/** A screen to compare on: CSS size and pixel ratio; its device size is the poster's or less. */
interface Screen {
  name: string;
  orientation: PosterOrientation;
  viewport: Size;
  deviceScaleFactor: number;
}

/** The posters' own shapes at 1.5 device pixels per CSS pixel, and a 16:9 kiosk (cropped). */
const SCREENS: readonly Screen[] = [
  {
    name: 'portrait',
    orientation: 'portrait',
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 1.5,
  },
  {
    name: 'landscape',
    orientation: 'landscape',
    viewport: { width: 800, height: 360 },
    deviceScaleFactor: 1.5,
  },
  {
    name: 'kiosk-16:9',
    orientation: 'landscape',
    viewport: { width: 960, height: 540 },
    deviceScaleFactor: 1,
  },
];

/** Everything but the panorama: the app's bars and panels, PSV's navbar, markers and loader. */
const HIDE_OVERLAYS = `
  .tour-page > :not(.viewer), .psv-container > :not(.psv-canvas-container) {
    visibility: hidden !important;
  }`;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.png': 'image/png',
  '.mp3': 'audio/mpeg',
  '.vtt': 'text/vtt',
};

/** A plain static server for the built site (no caching rules: each page is a fresh context). */
async function serve(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    stat(file).then(
      (info) => {
        if (!info.isFile()) return void res.writeHead(404).end();
        res.writeHead(200, {
          'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'Content-Length': info.size,
        });
        createReadStream(file).pipe(res);
      },
      () => void res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}/`, server };
}

async function raw(image: Buffer): Promise<RawPixels> {
  const { data, info } = await sharp(image)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

/** The viewer's canvas once drawn and settled, overlays hidden, at device resolution. */
async function screenshotScene(
  browser: Browser,
  url: string,
  screen: Screen,
  tourId: string,
  sceneId: string,
): Promise<Buffer> {
  const context = await browser.newContext({
    viewport: screen.viewport,
    deviceScaleFactor: screen.deviceScaleFactor,
    serviceWorkers: 'block',
    bypassCSP: true,
    reducedMotion: 'reduce',
    locale: 'en-GB',
  });
  try {
    const page = await context.newPage();
    await page.goto(`${url}#/${tourId}/${sceneId}`, { waitUntil: 'networkidle' });
    await waitForCanvasDrawn(page, { timeout: 60_000 });
    // Tiles of the full resolution arrive after the preview: wait until no request is left.
    await page.waitForLoadState('networkidle');
    await page.addStyleTag({ content: HIDE_OVERLAYS });
    await page.waitForTimeout(500);
    return await page.screenshot({ scale: 'device' });
  } finally {
    await context.close();
  }
}

export interface LikenessRow {
  scene: string;
  screen: string;
  likeness: number;
  /** The same at 4× the thumbnail's size (128×72): sensitive to an offset of a few pixels. */
  fine: number;
  /** The same comparison with a poster turned 15° to the right: should be clearly lower. */
  turned: number;
}

const fineThumbnail = (image: Size): Size =>
  image.width >= image.height ? { width: 128, height: 72 } : { width: 72, height: 128 };

async function posterPixels(
  source: string,
  view: StartView,
  orientation: PosterOrientation,
): Promise<{ pixels: RawPixels; webp: Buffer }> {
  const set = await renderPosters(source, view, { orientations: [orientation] });
  const webp = set.posters[0]!.data;
  return { pixels: await raw(webp), webp };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      site: { type: 'string', default: 'dist' },
      tours: { type: 'string', default: 'tours' },
      tour: { type: 'string', default: 'demo' },
      scene: { type: 'string' },
      save: { type: 'boolean', default: false },
    },
  });
  const site = path.resolve(values.site);
  const tourDir = path.resolve(values.tours, values.tour);
  const tour = JSON.parse(await readFile(path.join(tourDir, 'tour.json'), 'utf8')) as Tour;
  const scenes = tour.scenes.filter((s) => !values.scene || s.id === values.scene);
  const outDir = path.resolve('bench/tmp/poster-likeness');
  if (values.save) await mkdir(outDir, { recursive: true });
  const { url, server } = await serve(site);
  const browser = await launchBrowser();
  const rows: LikenessRow[] = [];
  try {
    for (const scene of scenes) {
      if (!scene.panorama.source) continue;
      const source = path.join(tourDir, scene.panorama.source);
      const view = { zoom: 50, ...scene.startView } as StartView;
      for (const screen of SCREENS) {
        const poster = await posterPixels(source, view, screen.orientation);
        const turned = await posterPixels(
          source,
          { ...view, yaw: view.yaw + 15 },
          screen.orientation,
        );
        const shot = await raw(await screenshotScene(browser, url, screen, tour.id, scene.id));
        const region = coverRegion(POSTER_SIZES[screen.orientation], shot);
        const shown = crop(poster.pixels, region);
        const row = {
          scene: scene.id,
          screen: screen.name,
          likeness: likeness(shown, shot),
          fine: likeness(shown, shot, fineThumbnail(shot)),
          turned: likeness(crop(turned.pixels, region), shot),
        };
        rows.push(row);
        console.log(
          `${row.scene.padEnd(14)} ${row.screen.padEnd(11)} likeness ${row.likeness.toFixed(4)}` +
            `  128×72: ${row.fine.toFixed(3)}  (turned 15°: ${row.turned.toFixed(3)})  poster ${poster.webp.length} B`,
        );
        if (values.save) await savePair(outDir, `${scene.id}.${screen.name}`, shown, shot);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  const worst = Math.min(...rows.map((r) => r.likeness));
  console.log(`worst likeness ${worst.toFixed(3)} (target ≥ 0.8)`);
  if (worst < 0.8) process.exitCode = 1;
}

/** Poster (left) and screenshot (right) side by side, at the screenshot's size. */
async function savePair(dir: string, name: string, poster: RawPixels, shot: RawPixels) {
  const rawOf = (image: RawPixels) => ({
    raw: { width: image.width, height: image.height, channels: image.channels as 3 },
  });
  const left = await sharp(poster.data, rawOf(poster))
    .resize(shot.width, shot.height, { fit: 'fill' })
    .png()
    .toBuffer();
  const right = await sharp(shot.data, rawOf(shot)).png().toBuffer();
  await sharp({
    create: {
      width: shot.width * 2 + 8,
      height: shot.height,
      channels: 3,
      background: '#fff',
    },
  })
    .composite([
      { input: left, left: 0, top: 0 },
      { input: right, left: shot.width + 8, top: 0 },
    ])
    .png()
    .toFile(path.join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`));
}

await main();
