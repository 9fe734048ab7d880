/**
 * Adding panoramas and housekeeping in the editor, on Vite's dev server over a temporary copy
 * of the sample tour: refused pictures are explained in a dialog (the reason and the fix), a
 * camera's file name becomes "Cảnh 1", "Xem thử" opens the selected scene, deleting a saved
 * scene warns about its printed QR codes, and Save offers to delete the files no longer used.
 * Screenshots at 1366×768 under test-results/screenshots/uploads-*.png.
 */
import { access, cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../support/browser.ts';
import { projectRoot, startDevServer } from './support/dev-server.ts';

let tempDir: string;
let tourDir: string;
let server: ViteDevServer;
let baseUrl: string;
let browser: Browser;
let page: Page;
const errors: string[] = [];
const samples = path.join(projectRoot, 'tours/demo/panoramas');

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'editor-uploads-'));
  const toursDir = path.join(tempDir, 'tours');
  tourDir = path.join(toursDir, 'demo');
  await cp(path.join(projectRoot, 'tours/demo'), tourDir, { recursive: true });
  ({ server, baseUrl } = await startDevServer(toursDir));
  browser = await launchBrowser();
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
  });
  // Vite's dependencies are optimised before any file starts (support/warm-vite.ts): no reload
  // of the editor or the viewer ("Xem thử") for a dependency seen on their first visit.
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/editor/?tour=demo`);
  await page.locator('.ed-scene[data-scene="louvre"]').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

const shot = (name: string) => screenshot(page, `uploads-${name}`);
const dialog = () => page.getByTestId('upload-dialog');
const exists = (relative: string) =>
  access(path.join(tourDir, relative)).then(
    () => true,
    () => false,
  );

/** A picture as the file input takes it. */
const picture = (name: string, mimeType: string, buffer: Buffer) => ({ name, mimeType, buffer });

/** The sample panorama at `width` × `width / 2`, as a JPEG. */
const panorama = (width: number) =>
  sharp(path.join(samples, 'machu-picchu.jpg'))
    .resize(width, width / 2)
    .jpeg()
    .toBuffer();

async function seriousViolations(selector: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include(selector)
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('adding panoramas', () => {
  it('explains a refused 4:3 photo in a dialog with the reason and the fix', async () => {
    const photo = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#7a8a6a' },
    })
      .jpeg()
      .toBuffer();
    await page
      .getByTestId('panorama-input')
      .setInputFiles(picture('san-truoc.jpg', 'image/jpeg', photo));
    await dialog().waitFor();
    await expect.poll(() => dialog().locator('h2').textContent()).toBe('Không thêm được 1 ảnh');
    const item = dialog().locator('[data-picture="san-truoc.jpg"]');
    expect(await item.locator('.ed-upload-name').textContent()).toBe('san-truoc.jpg');
    expect(await item.locator('[data-code="image-not-panorama"]').textContent()).toBe(
      'Ảnh này tỉ lệ 4:3; ảnh 360° phải có tỉ lệ 2:1 (rộng gấp đôi cao). Hãy xuất lại ảnh toàn cảnh từ ứng dụng của máy ảnh.',
    );
    expect(await dialog().locator('.ed-upload-added').textContent()).toBe('Chưa thêm cảnh nào.');
    // Modal, focus on its button; nothing serious for axe.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
      'upload-ok',
    );
    expect(await seriousViolations('[data-testid="upload-dialog"]')).toEqual([]);
    await shot('01-refused-4-3');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await page.locator('.ed-scene[data-scene]').count()).toBe(4);
  });

  it('adds the good pictures of a batch and lists the stereo pair and the transparent one apart', async () => {
    const half = await sharp(path.join(samples, 'machu-picchu.jpg'))
      .resize(2048, 1024)
      .raw()
      .toBuffer();
    // Top-bottom stereo, as 360° cameras export for VR: the same view twice, 1:1.
    const stereo = await sharp(Buffer.concat([half, half]), {
      raw: { width: 2048, height: 2048, channels: 3 },
    })
      .jpeg()
      .toBuffer();
    // A PNG whose bottom (where the tripod was) is see-through.
    const holed = await sharp(await panorama(2048))
      .ensureAlpha()
      .composite([
        {
          input: { create: { width: 2048, height: 160, channels: 4, background: '#00000000' } },
          top: 864,
          left: 0,
          blend: 'dest-in',
        },
      ])
      .png()
      .toBuffer();
    await page
      .getByTestId('panorama-input')
      .setInputFiles([
        picture('R0010023_stereo.jpg', 'image/jpeg', stereo),
        picture('IMG_20250301_081500.jpg', 'image/jpeg', await panorama(2048)),
        picture('Hậu cung.png', 'image/png', holed),
      ]);
    await dialog().waitFor();
    const refused = dialog().locator('[data-group="refused"]');
    const warned = dialog().locator('[data-group="warned"]');
    expect(await refused.locator('.ed-upload-name').allTextContents()).toEqual([
      'R0010023_stereo.jpg',
    ]);
    expect(await refused.locator('[data-code="image-stereo"]').textContent()).toContain(
      'hai ảnh 360° chồng lên nhau',
    );
    expect(await warned.locator('.ed-upload-name').allTextContents()).toEqual(['Hậu cung.png']);
    expect(await warned.locator('[data-code="image-transparent"]').textContent()).toContain(
      'trong suốt',
    );
    expect(await dialog().locator('.ed-upload-added').textContent()).toBe('Đã thêm 2 cảnh mới.');
    expect(await seriousViolations('[data-testid="upload-dialog"]')).toEqual([]);
    await shot('02-batch-refused-and-warned');
    await dialog().locator('[data-action="upload-ok"]').click();
    await expect.poll(() => dialog().count()).toBe(0);

    // The camera's name became "Cảnh 1" (code canh-1), the chosen name its own words.
    const cameraScene = page.locator('.ed-scene[data-scene="canh-1"]');
    expect(await cameraScene.locator('.ed-scene-title').textContent()).toBe('Cảnh 1');
    expect(
      await page.locator('.ed-scene[data-scene="hau-cung"] .ed-scene-title').textContent(),
    ).toBe('Hậu cung');
    await shot('03-scene-names');
    // Marks are drawn: no arrow, star or emoji character that a font may lack (an empty box).
    expect(await page.locator('.ed-problem .ed-severity svg').count()).toBeGreaterThan(0);
    expect(await page.locator('.ed-scene-row .ed-move svg').count()).toBeGreaterThan(0);
    const glyphs = await page.evaluate(() =>
      document.body.innerText.match(/[\u2190-\u2bff\u{1f000}-\u{1faff}]/gu),
    );
    expect(glyphs).toBeNull();

    // Never saved: deleting it asks the plain question, no QR warning.
    await cameraScene.click();
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (native) => {
        resolve(native.message());
        void native.accept();
      }),
    );
    await page.locator('[data-action="delete-scene"]').click();
    expect(await asked).toContain('Cảnh 1');
    await expect.poll(() => page.locator('.ed-scene[data-scene="canh-1"]').count()).toBe(0);
    expect(await page.getByTestId('delete-scene-dialog').count()).toBe(0);
  });
});

describe('deleting, preview and housekeeping', () => {
  it('warns that printed QR codes stop opening a deleted saved scene, and can keep its code', async () => {
    await page.locator('.ed-scene[data-scene="puy-de-sancy"]').click();
    await page.locator('[data-action="delete-scene"]').click();
    const warning = page.getByTestId('delete-scene-dialog');
    await warning.waitFor();
    expect(await warning.getByTestId('delete-qr-warning').textContent()).toBe(
      'Mã QR đã in cho cảnh này sẽ mở cảnh đầu của tour thay vì cảnh này.',
    );
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe(
      'delete-cancel',
    );
    expect(await seriousViolations('[data-testid="delete-scene-dialog"]')).toEqual([]);
    await warning.getByTestId('delete-heir').selectOption('tintamarre');
    await shot('04-delete-warning');
    await warning.locator('[data-action="delete-confirm"]').click();
    await expect.poll(() => page.locator('.ed-scene[data-scene="puy-de-sancy"]').count()).toBe(0);
  });

  it('"Xem thử" opens the selected scene in the viewer', async () => {
    await page.locator('.ed-scene[data-scene="tintamarre"]').click();
    const [viewer] = await Promise.all([
      page.context().waitForEvent('page'),
      page.locator('[data-action="preview"]').click(),
    ]);
    await viewer.waitForLoadState('domcontentloaded');
    expect(new URL(viewer.url()).hash).toBe('#/demo/tintamarre');
    // The viewer shows that scene, its hotspots drawn as icons.
    await viewer.getByText('Bình minh trên đảo Tintamarre').first().waitFor();
    await viewer.locator('.hotspot .hotspot__icon svg').first().waitFor();
    await screenshot(viewer, 'uploads-06-preview-selected-scene');
    await viewer.close();
  });

  it('lists the files no longer used on Save and, once confirmed, removes them from disk', async () => {
    // The deleted scene's picture is chosen again: a new scene with a new file.
    const again = await readFile(path.join(samples, 'puydesancy.jpg'));
    await page
      .getByTestId('panorama-input')
      .setInputFiles(picture('Núi Sancy.jpg', 'image/jpeg', again));
    await page.locator('.ed-scene[data-scene="nui-sancy"]').waitFor();
    // "Xuất zip" leaves out what the tour no longer uses.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="export"]').click(),
    ]);
    const zipped = Object.keys(unzipSync(new Uint8Array(await readFile(await download.path()))));
    expect(zipped).toEqual(expect.arrayContaining(['tour.json', 'panoramas/nui-sancy.jpg']));
    expect(zipped).not.toContain('panoramas/puydesancy.jpg');
    expect(zipped).not.toContain('panoramas/canh-1.jpg');
    expect(zipped).not.toContain('audio/vi/puy-de-sancy.mp3');
    await page.locator('[data-action="save"]').click();
    const confirm = page.getByTestId('unused-dialog');
    await confirm.waitFor();
    expect(await confirm.locator('h2').textContent()).toMatch(
      /^Xoá 6 tệp không còn dùng \(.+ MB\)\?$/,
    );
    // The list is in a fold: opened, it names the files.
    await confirm.locator('summary').click();
    expect(
      await confirm
        .locator('[data-file]')
        .evaluateAll((items) => items.map((i) => i.getAttribute('data-file'))),
    ).toEqual([
      // The narration and picture of the sample scene deleted above; the camera picture's
      // scene was deleted unsaved.
      'audio/en/puy-de-sancy.mp3',
      'audio/en/puy-de-sancy.vtt',
      'audio/vi/puy-de-sancy.mp3',
      'audio/vi/puy-de-sancy.vtt',
      'panoramas/canh-1.jpg',
      'panoramas/puydesancy.jpg',
    ]);
    expect(await seriousViolations('[data-testid="unused-dialog"]')).toEqual([]);
    await shot('05-unused-files');
    // Saving tour.json makes the dev server reload the page (now or a little later): the
    // removal is asked again after a reload, so the files go either way.
    await confirm.locator('[data-action="unused-remove"]').click();
    await expect.poll(() => exists('panoramas/puydesancy.jpg'), { timeout: 20_000 }).toBe(false);
    expect(await exists('panoramas/canh-1.jpg')).toBe(false);
    expect(await exists('audio/vi/puy-de-sancy.mp3')).toBe(false);
    expect(await exists('audio/vi/louvre.mp3')).toBe(true);
    expect(await exists('panoramas/nui-sancy.jpg')).toBe(true);
    expect(await exists('panoramas/louvre.jpg')).toBe(true);
    expect(await exists('CREDITS.md')).toBe(true);
    const saved = JSON.parse(await readFile(path.join(tourDir, 'tour.json'), 'utf8')) as {
      scenes: Array<{ id: string; aliases?: string[] }>;
    };
    // The deleted scene's codes now open the scene chosen in the warning.
    expect(saved.scenes.find((s) => s.id === 'tintamarre')?.aliases).toEqual([
      'puy-de-sancy',
      'sancy',
    ]);
    expect(errors).toEqual([]);
  });
});
