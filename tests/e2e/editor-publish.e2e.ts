/**
 * Publish, print and preview without a terminal: in the editor (Vite's dev server on a
 * temporary copy of `tours/` and of the site settings), the author sets the site's public
 * address (a loopback one is refused in Vietnamese), downloads the QR print file (a poster
 * per chosen scene plus the labels sheet, every code opening an address under that base, read
 * back from the rendered pages) and publishes to a folder with the progress bar reaching
 * 100 %. axe finds nothing serious in the three dialogs.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticServer } from '../../src/node/serve/static-server.ts';
import { waitForCanvasDrawn } from '../support/browser.ts';
import {
  type EditorSession,
  openEditorSession,
  seriousViolations,
} from './support/editor-session.ts';

const SHOTS = '/tmp/publish-shots';
const BASE = 'https://ditich.example.vn/tham-quan/';

let session: EditorSession;
let tempDir: string;
let baseUrl: string;
let page: Page;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  session = await openEditorSession('editor-publish', {
    siteConfig: '{ "version": 1, "publicUrl": "" }\n',
    context: { acceptDownloads: true },
    watch: false,
  });
  ({ tempDir, baseUrl, page } = session);
}, 120_000);

afterAll(() => session?.close());

/** A code on a rendered page, read as a phone does over a few shifted frames. */
function decodePage(png: PNG): string | undefined {
  for (let shift = 0; shift < 8; shift++) {
    const data = new Uint8ClampedArray(png.data.subarray(shift * png.width * 4));
    const decoded = jsQR(data, png.width, png.height - shift);
    if (decoded) return decoded.data;
  }
  return undefined;
}

describe('publish, print and preview from the editor', () => {
  it('sets the public address in the settings page; a loopback one is refused in Vietnamese', async () => {
    await page.goto(`${baseUrl}/editor/?tour=demo`);
    // No address yet: printing explains what to fill in and leads to the settings.
    await page.getByRole('button', { name: 'In mã QR' }).click();
    const print = page.getByRole('dialog', { name: 'In mã QR' });
    await expect
      .poll(() => print.getByTestId('need-address').textContent())
      .toContain('Chưa có địa chỉ công khai của trang');
    await print.getByRole('button', { name: 'Mở Cài đặt trang' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cài đặt trang' });
    await expect.poll(() => print.count()).toBe(0);
    const address = dialog.getByLabel('Địa chỉ công khai của trang');
    await address.fill('http://127.0.0.1:5173/');
    await dialog.getByLabel('Tên trang (tiếng Việt)').fill('Di tích 360° của xã');
    await expect.poll(() => dialog.getByTestId('site-tour-demo').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Lưu cài đặt' }).click();
    const error = dialog.getByTestId('site-settings-error');
    await expect
      .poll(() => error.textContent())
      .toContain('Địa chỉ phải bắt đầu bằng https:// và là địa chỉ công khai');
    expect(await error.textContent()).toContain('không phải 127.0.0.1');
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${SHOTS}/settings-refused.png` });
    expect(await seriousViolations(page)).toEqual([]);

    await address.fill(BASE);
    await dialog.getByRole('button', { name: 'Lưu cài đặt' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Đã lưu cài đặt trang.');
    expect(await error.textContent()).toBe('');
    await page.screenshot({ path: `${SHOTS}/settings-saved.png` });
    const saved = JSON.parse(await readFile(path.join(tempDir, 'site.config.json'), 'utf8'));
    expect(saved.publicUrl).toBe(BASE);
    expect(saved.name.vi).toBe('Di tích 360° của xã');
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('prints a poster per chosen scene and a labels sheet; every code opens an address under the base', async () => {
    await page.getByRole('button', { name: 'In mã QR' }).click();
    const dialog = page.getByRole('dialog', { name: 'In mã QR' });
    await dialog.getByTestId('print-louvre').waitFor();
    // Two scenes of four.
    await dialog.getByTestId('print-puy-de-sancy').uncheck();
    await dialog.getByTestId('print-tintamarre').uncheck();
    await expect.poll(() => dialog.locator('.ed-poster').count()).toBe(2);
    await expect.poll(() => dialog.locator('.ed-poster img.ed-poster-picture').count()).toBe(2);
    await page.screenshot({ path: `${SHOTS}/print-dialog.png` });
    expect(await seriousViolations(page)).toEqual([]);

    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Tải tệp để in' }).click();
    const download = await downloading;
    const pdf = path.join(tempDir, 'print.pdf');
    await download.saveAs(pdf);
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('2 áp phích A4');
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    // Two posters, then one sheet with their two labels.
    expect(/Pages:\s+(\d+)/.exec(info)?.[1]).toBe('3');

    const pages = path.join(tempDir, 'pages');
    await mkdir(pages);
    execFileSync('pdftoppm', ['-r', '110', '-png', pdf, path.join(pages, 'p')]);
    const files = (await readdir(pages)).sort();
    expect(files).toHaveLength(3);
    const posterCodes = [];
    for (const file of files.slice(0, 2)) {
      posterCodes.push(decodePage(PNG.sync.read(await readFile(path.join(pages, file)))));
    }
    expect(posterCodes).toEqual([`${BASE}#/demo/louvre`, `${BASE}#/demo/machu-picchu`]);
    // The labels sheet: a code readable on it too, under the same base.
    const labels = decodePage(PNG.sync.read(await readFile(path.join(pages, files[2]!))));
    expect(labels?.startsWith(`${BASE}#/demo/`)).toBe(true);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
  });

  it('publishes to a folder: the progress bar reaches 100 % and the folder holds the site', async () => {
    await page.getByRole('button', { name: 'Xuất bản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xuất bản' });
    await dialog.getByLabel('Xuất bản tới').selectOption('folder');
    const out = path.join(tempDir, 'trang-web');
    await dialog.getByLabel('Thư mục', { exact: true }).fill(out);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Bắt đầu xuất bản' }).click();
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(/Đang|Xong/);
    await page.screenshot({ path: `${SHOTS}/publish-running.png` });
    const progress = dialog.getByTestId('publish-progress');
    await expect
      .poll(() => progress.evaluate((p) => (p as HTMLProgressElement).value), { timeout: 60_000 })
      .toBe(100);
    await expect.poll(() => dialog.getByRole('status').textContent()).toContain('Đã xuất bản');
    const counts = await dialog.getByTestId('publish-counts').textContent();
    const [, done, total] = /(\d+) \/ (\d+) tệp/.exec(counts ?? '') ?? [];
    expect(Number(done)).toBeGreaterThan(10);
    expect(done).toBe(total);
    await page.screenshot({ path: `${SHOTS}/publish-done.png` });
    expect(await seriousViolations(page)).toEqual([]);
    expect((await stat(path.join(out, 'index.html'))).isFile()).toBe(true);
    expect((await stat(path.join(out, 'tours/demo/tour.json'))).isFile()).toBe(true);
    const site = JSON.parse(await readFile(path.join(out, 'site.json'), 'utf8'));
    expect(site.publicUrl).toBe(BASE);
    await dialog.getByRole('button', { name: 'Đóng' }).click();
  }, 90_000);

  it('publishes a site zip: unzipped and served anywhere, a scene link draws and shares the public address', async () => {
    await page.getByRole('button', { name: 'Xuất bản' }).click();
    const dialog = page.getByRole('dialog', { name: 'Xuất bản' });
    await dialog.getByLabel('Xuất bản tới').selectOption('zip');
    await dialog.getByRole('button', { name: 'Bắt đầu xuất bản' }).click();
    const get = dialog.locator('[data-action="download-zip"]');
    await get.waitFor({ timeout: 90_000 });
    const downloading = page.waitForEvent('download');
    await get.click();
    const zip = path.join(tempDir, 'site.zip');
    await (await downloading).saveAs(zip);
    const site = path.join(tempDir, 'from-zip');
    for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(await readFile(zip))))) {
      if (name.endsWith('/')) continue;
      await mkdir(path.dirname(path.join(site, name)), { recursive: true });
      await writeFile(path.join(site, name), bytes);
    }
    // A host of its own, at another address than the public one: the site is relative.
    const host = await createStaticServer({ root: site, host: '127.0.0.1', port: 0 });
    try {
      const sceneHtml = await readFile(path.join(site, 'demo/louvre/index.html'), 'utf8');
      expect(sceneHtml).toContain(`<meta property="og:url" content="${BASE}demo/louvre/">`);
      const viewer = await page.context().newPage();
      const errors: string[] = [];
      viewer.on('pageerror', (error) => errors.push(error.message));
      await viewer.goto(`${host.url}demo/louvre/`);
      await waitForCanvasDrawn(viewer);
      await expect.poll(() => viewer.getByTestId('scene-title').textContent()).toMatch(/Louvre/);
      // The visitor's share code is the public address, never this host's.
      const published = JSON.parse(await readFile(path.join(site, 'site.json'), 'utf8'));
      expect(published.publicUrl).toBe(BASE);
      expect(errors).toEqual([]);
      await viewer.close();
    } finally {
      await host.close();
    }
    await dialog.getByRole('button', { name: 'Đóng' }).click();
  }, 150_000);
});
