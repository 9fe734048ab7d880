/**
 * The editor in the volunteer's words (issue 17.4), on the sample tour at 1366×768 in
 * Vietnamese: no numbers of angles, file names, format names or file syntax on screen by
 * default; a direction is a small picture with "Xem"; the numbers wait under "Nâng cao";
 * languages are added by name; problems say what to do in plain words and still lead to the
 * field. Runs on Vite's dev server with a temporary copy of the tour (nothing real is written).
 * Screenshots: test-results/screenshots/editor-plain-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import {
  type EditorSession,
  openEditorSession,
  seriousViolations,
} from './support/editor-session.ts';

/** What a volunteer must not meet in the default view. */
const JARGON = ['yaw', 'pitch', 'zoom', 'WebVTT', '.mp3', '.jpg', '{', '"en"', 'Chưa dịch'];

let session: EditorSession;
let baseUrl: string;
let page: Page;
let errors: string[];

beforeAll(async () => {
  session = await openEditorSession('editor-plain');
  ({ baseUrl, page, errors } = session);
  page.on('dialog', (dialog) => void dialog.accept());
}, 120_000);

afterAll(() => session?.close());

/** The words on screen (closed folds are not rendered, so not in innerText). */
const visibleText = () => page.evaluate(() => document.body.innerText);

function jargonIn(text: string): string[] {
  return JARGON.filter((word) => text.toLowerCase().includes(word.toLowerCase()));
}

/** The start view's numbers, read from its "Nâng cao" fold (open or not). */
async function startNumbers(): Promise<{ yaw: number; pitch: number; zoom: number }> {
  const text = (await page.getByTestId('start-view').locator('details').textContent()) ?? '';
  const number = (label: string) =>
    Number(new RegExp(`${label}[^:]*: (-?[\\d.]+)`).exec(text)?.[1]);
  return { yaw: number('ngang'), pitch: number('dọc'), zoom: number('phóng to') };
}

const sameYaw = (a: number, b: number) => Math.abs(((((a - b) % 360) + 540) % 360) - 180) < 0.5;

describe('the editor in plain words', () => {
  it('shows a scene without jargon, its first view as a picture that "Xem" turns the viewer to', async () => {
    await page.goto(`${baseUrl}/editor/?tour=demo`);
    const start = page.getByTestId('start-view');
    await start.waitFor();
    await page.getByTestId('problems').waitFor({ state: 'attached' });
    await expect.poll(() => page.locator('.ed-problems h2').textContent()).toMatch(/Vấn đề/);

    expect(jargonIn(await visibleText())).toEqual([]);
    expect(await page.locator('.ed-panel h2').textContent()).toBe(
      'Cảnh — Bảo tàng Louvre — sân Napoléon',
    );
    // Column headings by language name, not "vi"/"en".
    await expect
      .poll(() => page.locator('.ed-panel .ed-lang-name').allTextContents())
      .toContain('Tiếng Anh');

    // The picture: a crop of the scene's own panorama, sized and placed from the view.
    const thumb = start.getByTestId('direction-thumb');
    expect(await thumb.isVisible()).toBe(true);
    const style = await thumb.evaluate((el) => {
      const css = getComputedStyle(el);
      return { image: css.backgroundImage, size: css.backgroundSize, box: el.clientWidth };
    });
    expect(style.image).toContain('louvre');
    // Zoom 30 (narrower than the default): the whole 360° is several boxes wide.
    expect(parseFloat(style.size)).toBeGreaterThan(style.box * 3);
    await screenshot(page, 'editor-plain-scene');

    // The numbers are folded away; opening "Nâng cao" shows them.
    const fold = start.locator('details');
    expect(await fold.evaluate((el: HTMLDetailsElement) => el.open)).toBe(false);
    await fold.locator('summary').click();
    await expect.poll(visibleText).toMatch(/Hướng ngang \(yaw\): -10°/);
    expect(await visibleText()).toMatch(/Mức phóng to \(zoom\): 30/);
    await screenshot(page, 'editor-plain-scene-advanced');

    // Turn the camera with a drag in the sky (away from the points) and take that view as the
    // first view V, once the camera has settled (two reads of "use the current view" agree).
    const viewer = page.getByTestId('viewer').locator('canvas').first();
    const box = (await viewer.boundingBox())!;
    const sky = { x: box.x + box.width * 0.7, y: box.y + box.height * 0.15 };
    const drag = async (dx: number, dy: number) => {
      await page.mouse.move(sky.x, sky.y);
      await page.mouse.down();
      for (let step = 1; step <= 10; step++) {
        await page.mouse.move(sky.x + step * dx, sky.y + step * dy);
      }
      await page.mouse.up();
    };
    const useView = page.locator('[data-action="use-view"]');
    let previous = '';
    await drag(-30, 5);
    await expect
      .poll(
        async () => {
          await useView.click();
          const seen = JSON.stringify(await startNumbers());
          const settled = seen === previous;
          previous = seen;
          return settled;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    const first = await startNumbers();
    expect(sameYaw(first.yaw, -10), 'the drag turned the camera').toBe(false);
    // Look elsewhere again and let the camera settle (read through "use", then "Hoàn tác"
    // to keep V); "Xem" then turns the viewer back to V, as "use the current view" shows.
    await drag(25, -4);
    const undo = page.locator('[data-action="undo"]');
    previous = '';
    await expect
      .poll(
        async () => {
          await useView.click();
          const seen = JSON.stringify(await startNumbers());
          await undo.click();
          const settled = seen === previous;
          previous = seen;
          return settled;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(sameYaw(JSON.parse(previous).yaw, first.yaw), 'the second drag turned it').toBe(false);
    expect(await startNumbers()).toEqual(first);
    await start.getByRole('button', { name: 'Xem' }).click();
    await useView.click();
    const after = await startNumbers();
    expect(sameYaw(after.yaw, first.yaw), `after "Xem": ${JSON.stringify({ first, after })}`).toBe(
      true,
    );
    expect(after.pitch).toBeCloseTo(first.pitch, 0);
    expect(after.zoom).toBe(30);
  });

  it('adds a language by name; problems then say what is missing in plain words and lead to the field', async () => {
    await page.locator('[data-action="tour-settings"]').click();
    const add = page.getByTestId('language-add');
    await add.waitFor();
    // Listed by name in the editor's language (and in the language itself).
    expect(await add.locator('option', { hasText: 'Tiếng Pháp (Français)' }).count()).toBe(1);
    await add.selectOption('fr');
    await page.locator('[data-action="add-language"]').click();
    const list = page.getByTestId('tour-languages');
    await expect.poll(() => list.innerText()).toContain('Tiếng Pháp');
    expect(await list.innerText()).not.toMatch(/\bfr\b/);
    // The tour's title now has a French column, which says what French visitors see meanwhile.
    const french = page.locator('.ed-panel [data-field="title"][data-lang="fr"]');
    await french.waitFor();
    expect(await page.locator('.ed-panel').innerText()).toContain(
      'Chưa có bản tiếng Pháp — khách nói tiếng Pháp sẽ thấy bản tiếng Anh.',
    );
    await screenshot(page, 'editor-plain-languages');

    // Problems: "add the French version" in words, never `"fr": "…"`.
    const problems = page.getByTestId('problems');
    await expect.poll(() => problems.innerText()).toContain('chưa có bản tiếng Pháp');
    const problemText = await problems.innerText();
    expect(problemText).not.toContain('"fr"');
    expect(problemText).not.toContain('{');
    expect(jargonIn(await visibleText())).toEqual([]);

    // A problem of a hotspot opens its panel, with the French box focused.
    const pyramid = problems.locator('button', { hasText: 'Kim tự tháp' }).first();
    await pyramid.click();
    const position = page.locator('.ed-panel [data-field="position"]');
    await position.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-lang')))
      .toBe('fr');
    expect(await page.locator('.ed-panel h2').textContent()).toMatch(/^Thông tin — /);
    expect(await position.getByTestId('direction-thumb').isVisible()).toBe(true);
    expect(jargonIn(await page.locator('.ed-panel').innerText())).toEqual([]);
    await screenshot(page, 'editor-plain-hotspot-focused');
    await page.locator('.ed-panel').evaluate((panel) => panel.scrollTo(0, 0));
    await expect.poll(() => position.isVisible()).toBe(true);
    await screenshot(page, 'editor-plain-hotspot');

    expect(await seriousViolations(page)).toEqual([]);
  });

  it("shows a link's arrival view as a picture of the target scene, numbers folded", async () => {
    await page.locator('.ed-marker[data-hotspot="to-machu-picchu"]').click();
    const arrival = page.locator('.ed-panel [data-field="arrival"]');
    await arrival.waitFor();
    await arrival.locator('[data-action="arrival-pick"]').click();
    await page.locator('[data-action="arrival-use"]').click();
    const thumb = arrival.getByTestId('direction-thumb');
    await thumb.waitFor();
    const image = await thumb.evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(image).toContain('machu-picchu');
    expect(jargonIn(await page.locator('.ed-panel').innerText())).toEqual([]);
    await arrival.locator('summary').click();
    await expect.poll(() => arrival.innerText()).toMatch(/Hướng ngang \(yaw\): [\d.]+°/);
    await screenshot(page, 'editor-plain-arrival');
  });

  it('speaks of languages by name in English too', async () => {
    await page.getByTestId('ui-language').selectOption('en');
    await page.locator('[data-action="tour-settings"]', { hasText: 'Tour settings' }).click();
    const list = page.getByTestId('tour-languages');
    await expect.poll(() => list.innerText()).toContain('French');
    expect(await list.innerText()).toContain('Vietnamese');
    const problems = page.getByTestId('problems');
    await expect.poll(() => problems.innerText()).toContain('there is no French version yet');
    expect(await problems.innerText()).not.toContain('"fr"');
    expect(jargonIn(await visibleText())).toEqual([]);
    await screenshot(page, 'editor-plain-english');
    expect(errors).toEqual([]);
  });
});
