/**
 * "Xem trên điện thoại" from the editor (Vite's dev server on a temporary copy of `tours/`):
 * turning it on builds the site and serves it on this machine's local-network address under a
 * random path, shown as a QR code that decodes to that address; the phone gets the site, a
 * request without the path's token gets a 404, the editor is reachable neither through the
 * preview nor on the network address; turning it off stops the server.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toursPlugin } from '../../src/node/build/vite-plugin-tours.ts';
import { editorPlugin } from '../../src/node/editor-server/editor-plugin.ts';
import { lanAddress } from '../../src/node/editor-server/phone-preview.ts';
import { launchBrowser } from '../support/browser.ts';
import { projectRoot } from './support/dev-server.ts';

const SHOTS = '/tmp/publish-shots';

let tempDir: string;
let server: ViteDevServer;
let port: number;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'editor-phone-'));
  const toursDir = path.join(tempDir, 'tours');
  await cp(path.join(projectRoot, 'tours/demo'), path.join(toursDir, 'demo'), { recursive: true });
  await writeFile(path.join(tempDir, 'site.config.json'), '{ "version": 1 }\n');
  server = await createServer({
    configFile: false,
    root: projectRoot,
    logLevel: 'warn',
    plugins: [toursPlugin({ toursDir }), editorPlugin({ toursDir, siteDir: tempDir })],
    // No file watching: other work on this checkout must not reload the editor mid-test.
    server: { host: '127.0.0.1', port: 0, strictPort: false, watch: null },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address !== 'object') throw new Error('no dev server address');
  port = address.port;
  browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
  });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

const status = (url: string) =>
  fetch(url, { redirect: 'manual' }).then(
    (response) => response.status,
    () => 'unreachable' as const,
  );

describe('phone preview', () => {
  const lan = lanAddress();

  it.skipIf(!lan)(
    'serves a read-only build on the network address, under its token only',
    async () => {
      await page.goto(`http://127.0.0.1:${port}/editor/?tour=demo`);
      await page.getByRole('button', { name: 'Xem trên điện thoại' }).click();
      const dialog = page.getByRole('dialog', { name: 'Xem trên điện thoại' });
      await dialog.getByRole('button', { name: 'Bật xem thử' }).click();
      const shown = dialog.getByTestId('phone-url');
      await expect.poll(() => shown.count(), { timeout: 90_000 }).toBe(1);
      const url = (await shown.textContent()) ?? '';
      expect(url).toMatch(new RegExp(`^http://${lan!.replaceAll('.', '\\.')}:\\d+/[\\w-]{20,}/$`));
      const code = dialog.getByRole('img', { name: 'Mã QR mở bản xem thử' });
      await expect.poll(() => code.count()).toBe(1);
      // What the phone's camera reads: the same address.
      const png = PNG.sync.read(await code.screenshot());
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(url);
      await page.screenshot({ path: `${SHOTS}/phone-preview.png` });
      const axe = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
        .analyze();
      expect(
        axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
      ).toEqual([]);

      // The phone's view: the site, its tour; nothing without the token; never the editor.
      const site = await fetch(url);
      expect(site.status).toBe(200);
      expect(await site.text()).toContain('<html');
      expect(await status(`${url}tours/demo/tour.json`)).toBe(200);
      const origin = new URL(url).origin;
      expect(await status(`${origin}/`)).toBe(404);
      expect(await status(`${origin}/tours/demo/tour.json`)).toBe(404);
      expect(await status(`${origin}/__editor/session`)).toBe(404);
      expect(await status(`${url}__editor/session`)).toBe(404);
      // The editor's own server is not on the network address at all.
      expect(await status(`http://${lan}:${port}/__editor/session`)).toBe('unreachable');

      await dialog.getByRole('button', { name: 'Tắt xem thử' }).click();
      await expect.poll(() => dialog.getByRole('status').textContent()).toBe('Đã tắt xem thử.');
      expect(await status(url)).toBe('unreachable');
    },
  );
});
