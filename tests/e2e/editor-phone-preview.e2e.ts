/**
 * "Xem trên điện thoại" from the editor (Vite's dev server on a temporary copy of `tours/`):
 * turning it on builds the site and serves it on this machine's local-network address under a
 * random path, shown as a QR code that decodes to that address; the phone gets the site, a
 * request without the path's token gets a 404, the editor is reachable neither through the
 * preview nor on the network address; turning it off stops the server.
 */
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lanAddress } from '../../src/node/editor-server/phone-preview.ts';
import {
  type EditorSession,
  openEditorSession,
  seriousViolations,
} from './support/editor-session.ts';

const SHOTS = '/tmp/publish-shots';

let session: EditorSession;
let port: number;
let page: Page;

beforeAll(async () => {
  session = await openEditorSession('editor-phone', {
    siteConfig: '{ "version": 1 }\n',
    watch: false,
  });
  page = session.page;
  port = Number(new URL(session.baseUrl).port);
}, 120_000);

afterAll(() => session?.close());

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
      expect(await seriousViolations(page)).toEqual([]);

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
