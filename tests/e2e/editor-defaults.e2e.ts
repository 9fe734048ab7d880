/**
 * Good defaults of the editor (issue 17, item 5), as a volunteer meets them: the tour code
 * suggested from the title, a bad or taken code said in Vietnamese, a click that only looks
 * until a kind is chosen, and the way back of a two-way link in front of the author. Vite's
 * dev server on a temporary copy of the sample tour. Screenshots under
 * test-results/screenshots/editor-defaults-*.png.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { toursPlugin } from '../../src/node/build/vite-plugin-tours.ts';
import { editorPlugin } from '../../src/node/editor-server/editor-plugin.ts';
import { launchBrowser, screenshot, waitForCanvasDrawn } from '../support/browser.ts';
import { projectRoot } from './support/dev-server.ts';

let tempDir: string;
let toursDir: string;
let server: ViteDevServer;
let baseUrl: string;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'editor-defaults-'));
  toursDir = path.join(tempDir, 'tours');
  await cp(path.join(projectRoot, 'tours/demo'), path.join(toursDir, 'demo'), { recursive: true });
  ({ server, baseUrl } = await startQuietDevServer(toursDir));
  browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
  });
  page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  // An invalid `pattern` is only ever reported here, in the console.
  page.on('console', (message) => {
    if (/pattern/i.test(message.text())) errors.push(`console: ${message.text()}`);
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

/**
 * support/dev-server.ts's server without file watching: nothing here saves and waits for a
 * reload, and a change to the sources meanwhile (work going on in the checkout) must not
 * reload the page in the middle of a step.
 */
async function startQuietDevServer(
  dir: string,
): Promise<{ server: ViteDevServer; baseUrl: string }> {
  const quiet = await createServer({
    configFile: false,
    root: projectRoot,
    logLevel: 'warn',
    plugins: [toursPlugin({ toursDir: dir }), editorPlugin({ toursDir: dir })],
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await quiet.listen();
  const address = quiet.httpServer?.address();
  if (!address || typeof address !== 'object') throw new Error('no dev server address');
  return { server: quiet, baseUrl: `http://127.0.0.1:${address.port}` };
}

const shot = (name: string) => screenshot(page, `editor-defaults-${name}`);

async function seriousViolations(): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const markers = () => page.locator('.ed-psv .ed-marker');

describe('editor defaults', () => {
  it('suggests the tour code from the title, says what is wrong in Vietnamese, then creates', async () => {
    await page.goto(`${baseUrl}/editor/`);
    await page.getByRole('button', { name: 'Tour mới' }).click();
    const dialog = page.locator('dialog');
    const title = dialog.locator('input[name=title-vi]');
    const code = dialog.locator('input[name=id]');
    const error = dialog.getByTestId('new-tour-error');
    // The title comes first and has the focus: the author types the name, as on paper.
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await title.pressSequentially('Đền Thử Nghiệm');
    await expect.poll(() => code.inputValue()).toBe('den-thu-nghiem');
    // Languages by name, Vietnamese first and ticked.
    const languages = dialog.locator('fieldset input[type=checkbox]');
    expect(await languages.first().isChecked()).toBe(true);
    expect(await dialog.locator('fieldset label').first().textContent()).toContain('Tiếng Việt');
    expect(await seriousViolations()).toEqual([]);
    await shot('01-new-tour');

    // The browser applies the pattern (an invalid one is ignored): a bad code is :invalid.
    await code.fill('Đền Thử');
    expect(await code.evaluate((el) => el.matches(':invalid'))).toBe(true);
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => error.textContent()).toMatch(/^Mã tour chỉ gồm chữ thường/);
    const bad = (await error.textContent()) ?? '';
    expect(bad).toContain('Gợi ý: den-thu');
    expect(bad).not.toMatch(/bad tour|invalid|pattern/i);
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await shot('01b-bad-code');

    // A code already taken: the server's 409, in words with the fix.
    await code.fill('demo');
    await dialog.locator('button[type=submit]').click();
    await expect.poll(() => error.textContent()).toContain('Đã có tour mã này. Chọn mã khác.');
    expect(await error.textContent()).not.toMatch(/exists|409/);

    // Emptying the code lets it follow the title again.
    await code.fill('');
    await title.fill('');
    await title.pressSequentially('Đền Thử Nghiệm');
    await expect.poll(() => code.inputValue()).toBe('den-thu-nghiem');
    await dialog.locator('button[type=submit]').click();
    await page.waitForFunction(() => location.search.includes('tour=den-thu-nghiem'));
    await page.getByTestId('panorama-input').waitFor();
    const saved = JSON.parse(
      await readFile(path.join(toursDir, 'den-thu-nghiem/tour.json'), 'utf8'),
    ) as { title: Record<string, string>; languages: string[] };
    expect(saved.title.vi).toBe('Đền Thử Nghiệm');
    expect(saved.languages[0]).toBe('vi');
    expect(errors).toEqual([]);
  });

  it('places nothing on a click until a kind is chosen, one per choice, and Esc goes back', async () => {
    await page.goto(`${baseUrl}/editor/?tour=demo`);
    await page.locator('.ed-scene[data-scene="louvre"]').click();
    await waitForCanvasDrawn(page, { selector: '.ed-psv .psv-canvas', timeout: 60_000 });
    await markers().first().waitFor({ timeout: 90_000 });
    const before = await markers().count();
    expect(await page.getByTestId('place-type').inputValue()).toBe('none');
    const box = (await page.locator('.ed-psv').boundingBox())!;
    // Low on the screen, away from the sample's markers (they sit near the horizon).
    const spots = [0.3, 0.4, 0.5, 0.6].map((x) => ({
      x: box.x + box.width * x,
      y: box.y + box.height * 0.8,
    }));
    for (const spot of spots) {
      const free = await page.evaluate(
        ({ x, y }) => !document.elementFromPoint(x, y)?.closest('.ed-marker'),
        spot,
      );
      expect(free, JSON.stringify(spot)).toBe(true);
    }
    /**
     * Clicks spot `n` until `landed`: PSV drops a click that comes within 300 ms of the one
     * before (its double-click window), and the steps of a test are quicker than a hand.
     */
    const clickUntil = async (n: number, landed: () => Promise<boolean>) => {
      await expect
        .poll(async () => {
          if (await landed()) return true;
          await page.mouse.click(spots[n]!.x, spots[n]!.y);
          return landed();
        })
        .toBe(true);
    };
    const showsScene = () => page.getByTestId('scene-id-input').isVisible();
    const selectMarker = async () => {
      await page.locator('.ed-marker[data-hotspot="glass-pyramid"] .ed-marker-icon').click();
      await page.getByTestId('scene-id-input').waitFor({ state: 'detached' });
    };

    // Looking: a click on the panorama lets go of the selected hotspot, and adds none.
    await selectMarker();
    await clickUntil(0, showsScene);
    expect(await markers().count()).toBe(before);

    await page.getByTestId('place-type').selectOption('info');
    await page.locator('.ed-toolbar .ed-pick').waitFor();
    // Choosing a kind must not move the panorama under the author's pointer.
    expect(await page.locator('.ed-psv').boundingBox()).toEqual(box);
    await shot('02-placing');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('place-type').inputValue()).toBe('none');
    await selectMarker();
    await clickUntil(1, showsScene);
    expect(await markers().count()).toBe(before);

    // A kind chosen: one click places one, selected, and the mode is back to looking.
    await page.getByTestId('place-type').selectOption('info');
    await clickUntil(2, async () => (await markers().count()) === before + 1);
    await expect.poll(() => page.getByTestId('place-type').inputValue()).toBe('none');
    expect(await showsScene()).toBe(false);
    await clickUntil(3, showsScene);
    expect(await markers().count()).toBe(before + 1);
    await page.locator('[data-action="undo"]').click();
    await expect.poll(() => markers().count()).toBe(before);
  });

  it('puts the way back of a two-way link at the centre of the view in the other scene, flashing', async () => {
    // louvre and puy-de-sancy are not linked in the sample tour.
    await page.locator('.ed-scene[data-scene="louvre"]').click();
    await page.getByTestId('link-both-target').selectOption('puy-de-sancy');
    await page.locator('[data-action="link-both"]').click();
    const back = page.locator('.ed-psv .ed-marker.flash');
    await back.waitFor();
    expect(await page.getByTestId('status').textContent()).toContain(
      'Mũi tên quay lại đã đặt ở giữa màn hình; kéo để chỉnh.',
    );
    expect(await page.locator('.ed-scene[aria-current]').getAttribute('data-scene')).toBe(
      'puy-de-sancy',
    );
    expect(await back.getAttribute('class')).toContain('selected');
    expect(
      await back.locator('.ed-marker-icon').evaluate((el) => getComputedStyle(el).animationName),
    ).toBe('ed-flash');
    await waitForCanvasDrawn(page, { selector: '.ed-psv .psv-canvas' });
    // Within 10° of the centre: at PSV's default zoom the vertical field of view is 60°.
    const view = (await page.locator('.ed-psv').boundingBox())!;
    const marker = (await back.boundingBox())!;
    const offset = Math.hypot(
      marker.x + marker.width / 2 - (view.x + view.width / 2),
      marker.y + marker.height / 2 - (view.y + view.height / 2),
    );
    const tenDegrees =
      (view.height / 2 / Math.tan((30 * Math.PI) / 180)) * Math.tan((10 * Math.PI) / 180);
    expect(offset).toBeLessThan(tenDegrees);
    await shot('03-way-back');
    // Without motion for those who asked for none: a steady ring instead of the flashing.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const icon = back.locator('.ed-marker-icon');
    await expect.poll(() => icon.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
    expect(await icon.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('dashed');
    await page.emulateMedia({ reducedMotion: null });
    expect(errors).toEqual([]);
  });
});
