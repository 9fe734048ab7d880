/**
 * A filmstrip of a page load: what the screen really showed (Chromium's screencast frames,
 * not screenshots, which would force frames of their own), the last frame shown at each half
 * second, side by side in one PNG with its time under it. Also when the first-view poster was
 * painted, when the viewer's canvas appeared and when the poster went (page clock).
 */
import type { CDPSession, Page } from 'playwright-core';
import sharp from 'sharp';

export interface FilmstripMarks {
  poster?: number;
  canvas?: number;
  gone?: number;
}

export interface Filmstrip {
  frames: number;
  marks: FilmstripMarks;
}

/** Watches the page for the marks; call before the page is opened. */
export async function watchFirstView(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const marks: Record<string, number> = {};
    (window as unknown as { __fv: typeof marks }).__fv = marks;
    const check = () => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="first-view-poster"]');
      if (img?.complete && img.naturalWidth > 0) marks.poster ??= performance.now();
      if (document.querySelector('canvas')) marks.canvas ??= performance.now();
      if (marks.poster !== undefined && !img?.isConnected) marks.gone ??= performance.now();
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/**
 * Opens `url` in `page` (watched by `watchFirstView`), records until the poster has gone,
 * writes the strip to `file` (frames `width` × `height`) and says what it saw.
 */
export async function recordFilmstrip(
  page: Page,
  cdp: CDPSession,
  url: string,
  file: string,
  { width = 180, height = 320, timeout = 90_000 } = {},
): Promise<Filmstrip> {
  const shown: Array<{ at: number; data: string }> = [];
  cdp.on('Page.screencastFrame', (frame) => {
    shown.push({ at: frame.metadata.timestamp ?? Date.now() / 1000, data: frame.data });
    void cdp.send('Page.screencastFrameAck', { sessionId: frame.sessionId }).catch(() => {});
  });
  const size = page.viewportSize() ?? { width: 360, height: 640 };
  await cdp.send('Page.startScreencast', {
    format: 'png',
    maxWidth: size.width,
    maxHeight: size.height,
  });
  const start = Date.now() / 1000;
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => (window as unknown as { __fv: FilmstripMarks }).__fv.gone,
    null,
    { timeout, polling: 200 },
  );
  const marks = await page.evaluate(() => (window as unknown as { __fv: FilmstripMarks }).__fv);
  await cdp.send('Page.stopScreencast');
  const frames: Array<{ at: number; image: Buffer }> = [];
  const end = (shown.at(-1)?.at ?? start) - start;
  for (let t = 0.5; t <= end + 0.49; t += 0.5) {
    const last = shown.filter((frame) => frame.at - start <= t).at(-1);
    if (last) frames.push({ at: t, image: Buffer.from(last.data, 'base64') });
  }
  const label = (text: string) =>
    Buffer.from(
      `<svg width="${width}" height="24"><rect width="${width}" height="24" fill="#fff"/>` +
        `<text x="6" y="17" font-size="15" font-family="sans-serif">${text}</text></svg>`,
    );
  const tiles = await Promise.all(
    frames.map(async (frame) =>
      sharp(frame.image)
        .resize(width, height, { fit: 'contain', background: '#fff' })
        .composite([{ input: label(`${frame.at.toFixed(1)} s`), top: height - 24, left: 0 }])
        .png()
        .toBuffer(),
    ),
  );
  await sharp({
    create: { width: width * Math.max(1, tiles.length), height, channels: 3, background: '#fff' },
  })
    .composite(tiles.map((input, i) => ({ input, left: i * width, top: 0 })))
    .png()
    .toFile(file);
  return { frames: frames.length, marks };
}

/** `poster painted 0.84 s, canvas 2.31 s, poster gone 3.02 s` */
export function describeMarks(marks: FilmstripMarks): string {
  const seconds = (ms: number | undefined) => (ms === undefined ? '–' : (ms / 1000).toFixed(2));
  return `poster painted ${seconds(marks.poster)} s, canvas ${seconds(marks.canvas)} s, poster gone ${seconds(marks.gone)} s`;
}
