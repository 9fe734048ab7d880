/**
 * What the author sees is what visitors see (issue 17, item 2): an info body typed in the
 * editor is previewed by the viewer's own renderer, a list right after a paragraph line is a
 * list in both the preview and the viewer's info panel, and the formatting toolbar writes
 * bold and safe links. Vite's dev server on a temporary copy of the sample tour, whose first
 * info body is the tester's text. Screenshots at 1366×768: test-results/screenshots/bodies-*.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, waitForCanvasDrawn } from '../support/browser.ts';
import {
  type EditorSession,
  openEditorSession,
  seriousViolations,
} from './support/editor-session.ts';

const TESTER_TEXT = 'Trên bia ghi:\n- một\n- hai';

let session: EditorSession;
let baseUrl: string;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  session = await openEditorSession('editor-bodies', {
    // The glass pyramid's body, in Vietnamese, becomes what the tester typed.
    prepare: async (toursDir) => {
      const file = path.join(toursDir, 'demo/tour.json');
      const tour = JSON.parse(await readFile(file, 'utf8'));
      tour.scenes[0].hotspots[0].body.vi = TESTER_TEXT;
      await writeFile(file, JSON.stringify(tour, null, 2));
    },
  });
  ({ baseUrl, context, page, errors } = session);
}, 120_000);

afterAll(() => session?.close());

const body = () => page.locator('.ed-panel textarea[data-field="body"][data-lang="vi"]');
const preview = () => page.locator('.ed-panel [data-testid="body-preview"][data-lang="vi"]');

describe('info bodies: the editor previews what the viewer shows', () => {
  it('shows a list right after a paragraph line in the preview, as the author types', async () => {
    await page.goto(`${baseUrl}/editor/?tour=demo`);
    await page.locator('.ed-scene[data-scene="louvre"]').click();
    await waitForCanvasDrawn(page, { selector: '.ed-psv .psv-canvas', timeout: 60_000 });
    await page.getByTestId('place-type').selectOption('info');
    const box = (await page.locator('.ed-psv').boundingBox())!;
    await page.mouse.click(box.x + box.width / 3, box.y + box.height / 2);
    await body().waitFor();
    await expect.poll(() => preview().textContent()).toContain('Chưa có nội dung');

    await body().fill(TESTER_TEXT);
    await expect.poll(() => preview().locator('li').allTextContents()).toEqual(['một', 'hai']);
    expect(await preview().locator('p').allTextContents()).toEqual([
      'Khách tham quan sẽ thấy:',
      'Trên bia ghi:',
    ]);
    expect(await preview().textContent()).not.toContain('- ');

    // A single line break is kept as one, in the preview as in the viewer.
    await body().fill('Dòng một\nDòng hai');
    await expect.poll(() => preview().locator('.ed-body-preview__content p br').count()).toBe(1);
    await body().fill(TESTER_TEXT);
    await expect.poll(() => preview().locator('li').count()).toBe(2);
    await preview().evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await screenshot(page, 'bodies-01-preview');
    // The English text is empty: its preview shows what English visitors see, the Vietnamese.
    const english = page.locator('.ed-panel [data-testid="body-preview"][data-lang="en"]');
    await expect.poll(() => english.locator('li').allTextContents()).toEqual(['một', 'hai']);
    // …and the English box is marked as still to translate.
    const englishBox = page.locator('.ed-panel .ed-body', {
      has: page.locator('textarea[data-lang="en"]'),
    });
    await expect.poll(() => englishBox.getAttribute('class')).toContain('missing');
    await english.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await screenshot(page, 'bodies-04-fallback');
    expect(errors).toEqual([]);
  });

  it('writes bold, a list and safe links from the toolbar, refusing a javascript: address', async () => {
    const toolbar = page.getByRole('toolbar', { name: 'Định dạng nội dung (vi)' });
    // Select "một" and make it bold.
    await body().evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf('một');
      el.focus();
      el.setSelectionRange(at, at + 'một'.length);
    });
    await toolbar.getByRole('button', { name: 'Đậm' }).click();
    await expect.poll(() => body().inputValue()).toBe('Trên bia ghi:\n- **một**\n- hai');
    await expect.poll(() => preview().locator('li strong').textContent()).toBe('một');

    // Select "bia" and link it: an unsafe address is refused in Vietnamese, then a web address.
    await body().evaluate((el: HTMLTextAreaElement) => {
      const at = el.value.indexOf('bia');
      el.setSelectionRange(at, at + 3);
    });
    await toolbar.getByRole('button', { name: 'Liên kết' }).click();
    const address = page.getByRole('textbox', { name: /Địa chỉ trang web/ });
    await expect.poll(() => address.evaluate((el) => el === document.activeElement)).toBe(true);
    await address.fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Chèn liên kết' }).click();
    const alert = page.locator('.ed-panel [role="alert"]').filter({ hasText: /\S/ });
    await expect.poll(() => alert.textContent()).toContain('Không dùng được địa chỉ này');
    expect(await body().inputValue()).not.toContain('javascript');
    await screenshot(page, 'bodies-02-link-refused');

    await address.fill('baotang.vn/bia');
    await address.press('Enter');
    await expect
      .poll(() => body().inputValue())
      .toBe('Trên [bia](https://baotang.vn/bia) ghi:\n- **một**\n- hai');
    await expect
      .poll(() => preview().locator('a').getAttribute('href'))
      .toBe('https://baotang.vn/bia');

    // A new line at the end, made a list item by the list button.
    await body().evaluate((el: HTMLTextAreaElement) => {
      el.value += '\nba';
      el.setSelectionRange(el.value.length, el.value.length);
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await toolbar.getByRole('button', { name: 'Danh sách' }).click();
    await expect.poll(() => preview().locator('li').count()).toBe(3);

    // A link typed by hand without https:// is text in the preview, and the problem list
    // says why and what to write (the validator reads it with the same parser).
    await body().fill('Xem [bảo tàng](www.baotang.vn)');
    await expect.poll(() => preview().locator('a').count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('problems').textContent())
      .toContain('"bảo tàng" sẽ hiện thành chữ thường');
    expect(await page.getByTestId('problems').textContent()).toContain('https://www.baotang.vn');
    expect(errors).toEqual([]);
  });

  it('has no serious accessibility problem on the body field, its toolbar and preview', async () => {
    await page
      .getByRole('toolbar', { name: 'Định dạng nội dung (vi)' })
      .getByRole('button', { name: 'Liên kết' })
      .click();
    expect(await seriousViolations(page, '.ed-bodies')).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('shows the same body as a paragraph and a two-item list in the viewer', async () => {
    const viewer = await context.newPage();
    viewer.on('pageerror', (error) => errors.push(`viewer error: ${error.message}`));
    await viewer.goto(`${baseUrl}/#/demo/louvre?v=-10,5`);
    // The dev server compiles the viewer's modules on this first visit: on a busy machine that
    // alone can take half a minute, so the ceiling is generous (the wait is on the marker).
    const marker = viewer.locator('[data-hotspot="glass-pyramid"]');
    await marker.waitFor({ state: 'visible', timeout: 90_000 });
    await waitForCanvasDrawn(viewer, { timeout: 60_000 });
    await marker.click();
    const content = viewer.locator('.panel__content');
    await expect.poll(() => content.locator('li').allTextContents()).toEqual(['một', 'hai']);
    expect(await content.locator('p').first().textContent()).toBe('Trên bia ghi:');
    expect(await content.textContent()).not.toContain('- ');
    await screenshot(viewer, 'bodies-03-viewer');
    await viewer.close();
    expect(errors).toEqual([]);
  });
});
