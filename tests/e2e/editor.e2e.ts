/**
 * The tour editor, end to end against Vite's DEV server (the editor never reaches the built
 * site). The server works on a temporary copy of `tours/`, so the test never writes into the
 * real folder. Screenshots at 1366×768 under test-results/screenshots/editor-*.png.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tourFileExists } from '../../src/node/fs.ts';
import { hasErrors, validateTourText } from '../../src/core/manifest/index.ts';
import { screenshot, waitForCanvasDrawn } from '../support/browser.ts';
import { projectRoot } from './support/dev-server.ts';
import { type EditorSession, openEditorSession } from './support/editor-session.ts';

const samples = path.join(projectRoot, 'tours/demo/panoramas');
const TOUR_ID = 'e2e-tour';

let session: EditorSession;
let toursDir: string;
let tempDir: string;
let baseUrl: string;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  // Every tour of the checkout (the editor lists them all), downloads allowed (zip export).
  session = await openEditorSession('tour-editor', {
    tours: await readdir(path.join(projectRoot, 'tours')),
    context: { acceptDownloads: true },
  });
  ({ toursDir, tempDir, baseUrl, context, page, errors } = session);
  page.on('dialog', (dialog) => void dialog.accept());
}, 120_000);

afterAll(() => session?.close());

const shot = (name: string) => screenshot(page, `editor-${name}`);

/** The tour the editor saved on disk, checked by the validator with the real files. */
async function readSavedTour() {
  const dir = path.join(toursDir, TOUR_ID);
  const text = await readFile(path.join(dir, 'tour.json'), 'utf8');
  const result = await validateTourText(text, {
    file: 'tour.json',
    fileExists: tourFileExists(dir),
  });
  return { text, ...result };
}

/**
 * Runs `action`, which writes a tour.json, until `done`: the editor's page is not reloaded for
 * it (the dev server reloads only the viewer's pages, issue 17), so a window marker survives.
 */
async function withoutReload(action: () => Promise<void>, done: () => Promise<unknown>) {
  await page.evaluate(() => Object.assign(window, { beforeWrite: true }));
  await action();
  await done();
  expect(await page.evaluate(() => 'beforeWrite' in window)).toBe(true);
}

const saved = () =>
  expect
    .poll(() => page.getByTestId('status').textContent(), { timeout: 20_000 })
    // In either language: the tests switch the editor to English part of the way.
    .toMatch(/Đã lưu|Saved/);

/** A scene's title in the newest draft of the test tour (IndexedDB, as src/editor/drafts.ts keeps it). */
function draftSceneTitle(sceneId: string, lang: string): Promise<string | undefined> {
  return page.evaluate(
    ({ tourId, sceneId, lang }) =>
      new Promise<string | undefined>((resolve, reject) => {
        const open = indexedDB.open('heritage-tour-editor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const range = IDBKeyRange.bound([tourId, -Infinity], [tourId, Infinity]);
          const get = db
            .transaction('snapshots', 'readonly')
            .objectStore('snapshots')
            .openCursor(range, 'prev');
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            db.close();
            const draft = get.result?.value as
              | { tour: { scenes: Array<{ id: string; title: Record<string, string> }> } }
              | undefined;
            resolve(draft?.tour.scenes.find((scene) => scene.id === sceneId)?.title[lang]);
          };
        };
      }),
    { tourId: TOUR_ID, sceneId, lang },
  );
}

async function fillLang(field: string, lang: string, value: string): Promise<void> {
  await page.locator(`.ed-panel [data-field="${field}"][data-lang="${lang}"]`).fill(value);
}

describe('tour editor (dev server)', () => {
  it('refuses writes from another site and paths outside the tour', async () => {
    // The secret of this server start, as the editor's page fetches it (same origin).
    const session = await fetch(`${baseUrl}/__editor/session`, {
      headers: { 'Sec-Fetch-Site': 'same-origin' },
    });
    const { token } = (await session.json()) as { token: string };
    const put = (url: string, headers: Record<string, string> = {}) =>
      fetch(`${baseUrl}${url}`, {
        method: 'PUT',
        headers: { 'X-Tour-Editor': token, ...headers },
        body: 'x',
      });
    expect((await put('/__editor/tours/demo/%2e%2e/evil.jpg')).status).toBe(400);
    expect((await put('/__editor/tours/demo/a%5Cb.jpg')).status).toBe(400);
    expect(
      (await put('/__editor/tours/demo/x.jpg', { Origin: 'https://evil.example' })).status,
    ).toBe(403);
    const noHeader = await fetch(`${baseUrl}/__editor/tours/demo/x.jpg`, {
      method: 'PUT',
      body: 'x',
    });
    expect(noHeader.status).toBe(403);
  });

  it('creates a 2-scene tour through the UI, saves a valid manifest, and the viewer opens it', async () => {
    await page.goto(`${baseUrl}/editor/`);
    await page.getByRole('button', { name: 'Tour mới' }).waitFor();
    await shot('01-start');

    await page.getByRole('button', { name: 'Tour mới' }).click();
    await page.locator('dialog input[name=id]').fill(TOUR_ID);
    await page.locator('dialog input[name=title-vi]').fill('Tour thử nghiệm');
    await page.locator('dialog input[name=title-en]').fill('Test tour');
    await shot('02-new-tour');
    await withoutReload(
      () => page.locator('dialog button[type=submit]').click(),
      () => page.getByTestId('panorama-input').waitFor(),
    );
    await page.waitForFunction((id) => location.search.includes(`tour=${id}`), TOUR_ID);

    await page
      .getByTestId('panorama-input')
      .setInputFiles([path.join(samples, 'louvre.jpg'), path.join(samples, 'machu-picchu.jpg')]);
    await page.locator('.ed-scenes .ed-scene[data-scene]').nth(1).waitFor();
    expect(await page.locator('.ed-scenes .ed-scene[data-scene]').count()).toBe(2);
    await page.locator('.ed-scene[data-scene="louvre"]').click();
    await waitForCanvasDrawn(page, { selector: '.ed-psv .psv-canvas' });
    await shot('03-scenes-added');

    // Choose "scene link", then click in the panorama: a link to the other scene. (A click
    // places nothing until a kind is chosen: editor-defaults.e2e.ts.)
    await page.getByTestId('place-type').selectOption('scene');
    const box = (await page.locator('.ed-psv').boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const marker = page.locator('.ed-marker');
    await marker.first().waitFor();
    expect(await marker.count()).toBe(1);
    expect(await page.getByTestId('hotspot-target').inputValue()).toBe('machu-picchu');
    await shot('04-hotspot-placed');

    // Drag the marker a little: it moves (one undoable change).
    const position = async () =>
      (await page.locator('.ed-panel [data-field="position"]').textContent()) ?? '';
    const before = await position();
    const markerBox = (await marker.first().locator('.ed-marker-icon').boundingBox())!;
    await page.mouse.move(markerBox.x + 14, markerBox.y + 14);
    await page.mouse.down();
    await page.mouse.move(markerBox.x + 80, markerBox.y + 40, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(
      (text) => document.querySelector('.ed-panel [data-field="position"]')?.textContent !== text,
      before,
    );

    // Scene texts, side by side, and the start view.
    await page.locator('.ed-scene[data-scene="louvre"]').click();
    await fillLang('title', 'vi', 'Bảo tàng Louvre');
    await fillLang('title', 'en', 'The Louvre');
    await page.locator('[data-action="use-view"]').click();
    await page.waitForFunction(() =>
      /yaw/.test(document.querySelector('[data-testid="start-view"]')?.textContent ?? ''),
    );
    await page.locator('.ed-scene[data-scene="machu-picchu"]').click();
    await fillLang('title', 'vi', 'Machu Picchu');
    await fillLang('title', 'en', 'Machu Picchu');
    await fillLang('narration', 'vi', 'Thành cổ của người Inca.');
    await shot('05-texts');

    // Saving does not reload the editor: the history stays.
    await withoutReload(() => page.locator('[data-action="save"]').click(), saved);
    await page.locator('.ed-scene[data-scene="louvre"]').waitFor();
    await shot('06-saved');
    expect(await page.locator('[data-action="undo"]').isEnabled()).toBe(true);

    const { text, tour, problems } = await readSavedTour();
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "version": 1,\n');
    expect(hasErrors(problems), JSON.stringify(problems)).toBe(false);
    expect(tour!.scenes.map((s) => s.id)).toEqual(['louvre', 'machu-picchu']);
    expect(tour!.scenes[0]!.title).toEqual({ vi: 'Bảo tàng Louvre', en: 'The Louvre' });
    expect(tour!.scenes[0]!.startView).toBeDefined();
    const link = tour!.scenes[0]!.hotspots[0]!;
    expect(link).toMatchObject({ type: 'scene', target: 'machu-picchu' });

    // The tourist's viewer opens the saved tour, and the link works.
    const viewer = await context.newPage();
    await viewer.goto(
      `${baseUrl}/#/${TOUR_ID}/louvre?v=${link.position.yaw},${link.position.pitch}`,
    );
    await waitForCanvasDrawn(viewer);
    const button = viewer.locator(`[data-hotspot="${link.id}"]`);
    await button.waitFor({ state: 'visible' });
    await screenshot(viewer, 'editor-07-viewer');
    await button.click();
    await viewer.waitForFunction((id) => location.hash.startsWith(`#/${id}/machu-picchu`), TOUR_ID);
    await waitForCanvasDrawn(viewer);
    await screenshot(viewer, 'editor-08-viewer-linked');
    await viewer.close();
  });

  it('keeps the change and its undo history over a reload mid-edit; undo and redo', async () => {
    await page.locator('.ed-scene[data-scene="louvre"]').click();
    await fillLang('title', 'en', 'The Louvre museum (draft)');
    // Wait until the draft has reached IndexedDB, then reload without saving.
    await expect.poll(() => draftSceneTitle('louvre', 'en')).toBe('The Louvre museum (draft)');
    await page.reload();
    // Nothing to answer: the same tab comes back with the change (a closed tab gets the
    // draft offer instead: editor-drafts.e2e.ts).
    await page.locator('.ed-scene[data-scene="louvre"]').click();
    expect(await page.locator('[data-action="restore-draft"]').count()).toBe(0);
    await shot('09-after-reload');
    const en = page.locator('.ed-panel [data-field="title"][data-lang="en"]');
    expect(await en.inputValue()).toBe('The Louvre museum (draft)');
    await shot('10-draft-restored');

    await page.locator('[data-action="undo"]').click();
    expect(await en.inputValue()).toBe('The Louvre');
    await page.locator('[data-action="redo"]').click();
    expect(await en.inputValue()).toBe('The Louvre museum (draft)');

    // Link both ways in one action, then undo it.
    const links = () => page.locator('.ed-marker').count();
    await page.locator('.ed-scene[data-scene="machu-picchu"]').click();
    expect(await links()).toBe(0);
    await page.locator('[data-action="link-both"]').click();
    await page.locator('.ed-marker').first().waitFor();
    expect(await links()).toBe(1);
    await shot('11-linked-both-ways');
    await page.locator('[data-action="undo"]').click();
    await page.waitForFunction(() => document.querySelectorAll('.ed-marker').length === 0);
  });

  it('speaks English on demand, refuses a non-2:1 image, and a problem leads to its field', async () => {
    await page.getByTestId('ui-language').selectOption('en');
    await page.locator('[data-action="save"]', { hasText: 'Save' }).waitFor();

    const square = path.join(tempDir, 'square.jpg');
    await sharp({ create: { width: 400, height: 300, channels: 3, background: '#888' } })
      .jpeg()
      .toFile(square);
    await page.getByTestId('panorama-input').setInputFiles(square);
    // Refused in a dialog that names the ratio a panorama needs (editor-uploads.e2e.ts has more).
    await page.getByTestId('upload-dialog').filter({ hasText: '2:1' }).waitFor();
    await page.locator('[data-action="upload-ok"]').click();
    expect(await page.locator('.ed-scenes .ed-scene[data-scene]').count()).toBe(2);

    await page.locator('.ed-scene[data-scene="louvre"]').click();
    await fillLang('title', 'en', '');
    const problem = page.locator('[data-testid="problems"] .ed-problem').first();
    await problem.waitFor();
    await page.locator('[data-action="tour-settings"]').click();
    await problem.click();
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      return `${element?.dataset.field}/${element?.dataset.lang}`;
    });
    expect(focused).toBe('title/en');
    await shot('12-english-problem');
    await fillLang('title', 'en', 'The Louvre');
    expect(errors).toEqual([]);
  });

  it('renames a scene (links follow, old id kept), reorders, picks an arrival, attaches an info image', async () => {
    // Rename machu-picchu: the link in louvre follows, the old id becomes an alias.
    await page.locator('.ed-scene[data-scene="machu-picchu"]').click();
    await page.getByTestId('scene-id-input').fill('louvre');
    await page.locator('[data-action="rename-scene"]').click();
    await page.locator('.ed-panel .ed-error', { hasText: 'already used' }).waitFor();
    await page.getByTestId('scene-id-input').fill('inca');
    await page.locator('[data-action="rename-scene"]').click();
    await page.locator('.ed-scene[data-scene="inca"]').waitFor();
    expect(await page.getByTestId('scene-aliases').textContent()).toContain('machu-picchu');
    await page.locator('[data-field="credit.author"]').fill('Jane Doe');
    await page.locator('[data-field="credit.license"]').fill('CC BY 4.0');
    await shot('13-renamed');

    // Move it to the top of the list.
    await page.locator('.ed-scene-row:has([data-scene="inca"]) [data-action="scene-up"]').click();
    await page.waitForFunction(
      () => document.querySelector('.ed-scene[data-scene]')?.getAttribute('data-scene') === 'inca',
    );

    // The link in louvre: choose its arrival view by looking in the target scene.
    await page.locator('.ed-scene[data-scene="louvre"]').click();
    await page.locator('.ed-marker').first().click();
    expect(await page.getByTestId('hotspot-target').inputValue()).toBe('inca');
    await page.locator('[data-action="arrival-pick"]').click();
    await page.locator('[data-action="arrival-use"]').waitFor();
    await waitForCanvasDrawn(page, { selector: '.ed-psv .psv-canvas' });
    await shot('14-arrival-pick');
    await page.locator('[data-action="arrival-use"]').click();
    await page.waitForFunction(() =>
      /yaw/.test(document.querySelector('[data-testid="arrival-view"]')?.textContent ?? ''),
    );
    await shot('15-arrival-set');

    // An info hotspot with a picture, copied into the tour folder.
    await page.getByTestId('place-type').selectOption('info');
    const box = (await page.locator('.ed-psv').boundingBox())!;
    await page.mouse.click(box.x + box.width / 3, box.y + box.height / 2);
    await page.getByTestId('info-image-input').waitFor();
    await fillLang('title', 'vi', 'Kim tự tháp');
    await fillLang('title', 'en', 'Pyramid');
    const picture = path.join(tempDir, 'Kim Tự Tháp.jpg');
    await sharp({ create: { width: 64, height: 48, channels: 3, background: '#a33' } })
      .jpeg()
      .toFile(picture);
    await page.getByTestId('info-image-input').setInputFiles(picture);
    const preview = page.getByTestId('info-image-preview');
    await preview.waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="info-image-preview"]') as HTMLImageElement)
          ?.naturalWidth === 64,
    );
    await shot('16-info-image');

    await withoutReload(() => page.locator('[data-action="save"]').click(), saved);
    const { tour, problems } = await readSavedTour();
    expect(hasErrors(problems), JSON.stringify(problems)).toBe(false);
    expect(tour!.scenes.map((s) => s.id)).toEqual(['inca', 'louvre']);
    expect(tour!.scenes[0]!.aliases).toEqual(['machu-picchu']);
    expect(tour!.scenes[0]!.panorama.credit).toEqual({ author: 'Jane Doe', license: 'CC BY 4.0' });
    const hotspots = tour!.scenes[1]!.hotspots;
    const link = hotspots.find((h) => h.type === 'scene');
    expect(link).toMatchObject({ target: 'inca', arrival: { yaw: expect.any(Number) } });
    const info = hotspots.find((h) => h.type === 'info');
    expect(info && 'image' in info ? info.image : '').toBe('images/kim-tu-thap.jpg');
    const image = path.join(toursDir, TOUR_ID, 'images/kim-tu-thap.jpg');
    expect((await stat(image)).size).toBeGreaterThan(100);
    expect(errors).toEqual([]);
  });

  it('exports the tour as a zip, imports it back, refuses a zip leading outside', async () => {
    const dir = path.join(toursDir, TOUR_ID);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="export"]').click(),
    ]);
    const zipFile = path.join(tempDir, 'export.zip');
    await download.saveAs(zipFile);
    const entries = unzipSync(new Uint8Array(await readFile(zipFile)));
    const names = Object.keys(entries).sort();
    expect(names).toEqual(
      expect.arrayContaining(['tour.json', 'images/kim-tu-thap.jpg', 'panoramas/louvre.jpg']),
    );
    const exported = JSON.parse(new TextDecoder().decode(entries['tour.json'])) as {
      scenes: Array<{ id: string }>;
    };
    expect(exported.scenes.map((s) => s.id)).toEqual(['inca', 'louvre']);
    await shot('17-exported');

    // Delete a scene, then import the zip: it is back (as an unsaved change).
    await page.locator('.ed-scene[data-scene="inca"]').click();
    await page.locator('[data-action="delete-scene"]').click();
    // A saved scene: the dialog warns about its printed QR codes (editor-uploads.e2e.ts).
    await page.locator('[data-action="delete-confirm"]').click();
    await page.waitForFunction(() => !document.querySelector('.ed-scene[data-scene="inca"]'));
    await page.getByTestId('import-input').setInputFiles(zipFile);
    await page.locator('.ed-scene[data-scene="inca"]').waitFor();
    expect(
      await page
        .locator('.ed-scenes .ed-scene[data-scene]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-scene'))),
    ).toEqual(['inca', 'louvre']);
    await shot('18-imported');

    // A zip naming ../evil is refused whole: nothing is written.
    const evil = path.join(tempDir, 'evil.zip');
    await writeFile(
      evil,
      zipSync({
        'tour.json': strToU8('{}'),
        '../evil.txt': strToU8('x'),
        'images/ok.txt': strToU8('y'),
      }),
    );
    await page.getByTestId('import-input').setInputFiles(evil);
    await page.waitForFunction(() =>
      /evil/.test(document.querySelector('[data-testid="status"]')?.textContent ?? ''),
    );
    await shot('19-import-refused');
    await expect(stat(path.join(dir, 'images/ok.txt'))).rejects.toThrow();
    await expect(stat(path.join(toursDir, 'evil.txt'))).rejects.toThrow();
    expect(errors).toEqual([]);
  });

  it('generates the narration from the text through the local server', async () => {
    await page.locator('.ed-scene[data-scene="inca"]').click();
    await page.locator('[data-action="narrate-vi"]').click();
    await page.waitForFunction(() =>
      /Narration \(Vietnamese\) made/.test(
        document.querySelector('[data-testid="status"]')?.textContent ?? '',
      ),
    );
    await shot('20-narration-generated');
    const dir = path.join(toursDir, TOUR_ID);
    expect((await stat(path.join(dir, 'audio/vi/inca.mp3'))).size).toBeGreaterThan(1000);
    expect(await readFile(path.join(dir, 'audio/vi/inca.vtt'), 'utf8')).toMatch(/^WEBVTT/);
    expect(
      await page
        .locator('[data-field="narrationAudio"] code', { hasText: 'audio/vi/inca.mp3' })
        .count(),
    ).toBe(1);
  });

  it('has no serious or critical axe violations (scene panel and hotspot panel)', async () => {
    const serious = async () =>
      (await new AxeBuilder({ page }).analyze()).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    await page.locator('.ed-scene[data-scene="louvre"]').click();
    expect(await serious()).toEqual([]);
    await page.locator('.ed-marker').first().click();
    expect(await serious()).toEqual([]);
  });
});
