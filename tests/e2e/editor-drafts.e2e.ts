/**
 * Nothing is ever lost (issue 17, item 1), end to end on Vite's dev server over a temporary
 * copy of `tours/`: the tester's draft-loss sequence (an unanswered restore offer, then more
 * work, then another reopen) keeps the earlier draft in "Bản nháp đã lưu"; a reload mid-edit
 * loses nothing; each save keeps the replaced version as a backup the editor brings back; and
 * saving does not reload the editor's page. Screenshots under test-results/screenshots/drafts-*.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser.ts';
import { projectRoot } from './support/dev-server.ts';
import {
  type EditorSession,
  openEditorSession,
  seriousViolations,
} from './support/editor-session.ts';

const samples = path.join(projectRoot, 'tours/demo/panoramas');
const TOUR_ID = 'tour-nhap';

let session: EditorSession;
let toursDir: string;
let baseUrl: string;
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeAll(async () => {
  session = await openEditorSession('editor-drafts');
  ({ toursDir, baseUrl, context, errors } = session);
  // Only the tours folder is watched: an edit of the checkout's sources while this runs (other
  // work in progress) would make Vite reload the page under test, which is not what is tested.
  await session.server.watcher.unwatch(path.join(projectRoot, 'src'));
}, 120_000);

afterAll(() => session?.close());

/** A new tab on the test tour (or the start screen), as a volunteer reopens the editor. */
async function openEditor(query = `?tour=${TOUR_ID}`): Promise<Page> {
  const tab = await context.newPage();
  tab.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  tab.on('dialog', (dialog) => void dialog.accept());
  await tab.goto(`${baseUrl}/editor/${query}`);
  await tab.locator('.ed-header h1').waitFor();
  return tab;
}

/** The newest draft snapshot of the test tour in IndexedDB: its scene count and Vietnamese title. */
function newestDraft(tab: Page): Promise<{ scenes: number; title: string } | undefined> {
  return tab.evaluate(
    (tourId) =>
      new Promise<{ scenes: number; title: string } | undefined>((resolve, reject) => {
        const open = indexedDB.open('heritage-tour-editor');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('snapshots')) return resolve(undefined);
          const range = IDBKeyRange.bound([tourId, -Infinity], [tourId, Infinity]);
          const cursor = db
            .transaction('snapshots')
            .objectStore('snapshots')
            .openCursor(range, 'prev');
          cursor.onerror = () => reject(cursor.error);
          cursor.onsuccess = () => {
            db.close();
            const tour = cursor.result?.value?.tour as
              { scenes: unknown[]; title: Record<string, string> } | undefined;
            resolve(tour && { scenes: tour.scenes.length, title: tour.title.vi ?? '' });
          };
        };
      }),
    TOUR_ID,
  );
}

const scenes = (tab: Page) => tab.locator('.ed-scenes .ed-scene[data-scene]');
const tourTitle = (tab: Page) =>
  tab.locator('.ed-panel [data-field="title"][data-lang="vi"]').first();
const status = (tab: Page) => tab.getByTestId('status').textContent();

describe('editor drafts and backups', () => {
  it('keeps the one draft an earlier version of the editor left, as part of the history', async () => {
    const demo = JSON.parse(await readFile(path.join(toursDir, 'demo', 'tour.json'), 'utf8'));
    const tab = await openEditor('');
    // The database as the editor before issue 17 left it: one draft per tour, in `drafts`.
    await tab.evaluate(
      (tour) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('heritage-tour-editor', 1);
          open.onupgradeneeded = () =>
            open.result.createObjectStore('drafts', { keyPath: 'tourId' });
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const write = db.transaction('drafts', 'readwrite');
            write.objectStore('drafts').put({ tourId: 'demo', tour, savedAt: Date.now() });
            write.oncomplete = () => (db.close(), resolve());
            write.onerror = () => reject(write.error);
          };
        }),
      { ...demo, title: { ...demo.title, vi: 'Bản nháp cũ' } },
    );
    await tab.goto(`${baseUrl}/editor/?tour=demo`);
    await tab.locator('[data-action="restore-draft"]').waitFor();
    await tab.locator('[data-action="show-drafts"]').click();
    const items = tab.getByTestId('draft-item');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('Bản nháp cũ');
    await tab.close();
  });

  it('keeps an ignored draft: it is still in the list after more work, and restores the 3 scenes', async () => {
    // A new tour with 3 scenes, never saved.
    page = await openEditor('');
    await page.getByRole('button', { name: 'Tour mới' }).click();
    await page.locator('dialog input[name=title-vi]').fill('Tour nháp');
    await page.locator('dialog input[name=id]').fill(TOUR_ID);
    await page.locator('dialog button[type=submit]').click();
    await page.getByTestId('panorama-input').waitFor();
    await page
      .getByTestId('panorama-input')
      .setInputFiles(
        ['louvre.jpg', 'machu-picchu.jpg', 'puydesancy.jpg'].map((f) => path.join(samples, f)),
      );
    // Each panorama is decoded and checked before upload: slow on a loaded machine.
    await expect.poll(() => scenes(page).count(), { timeout: 90_000 }).toBe(3);
    await expect.poll(() => newestDraft(page).then((d) => d?.scenes)).toBe(3);
    await page.close();

    // Reopened: the offer is there; the volunteer ignores it and edits the tour's name.
    page = await openEditor();
    await page.locator('[data-action="restore-draft"]').waitFor();
    expect(await scenes(page).count()).toBe(0);
    await page.locator('[data-action="tour-settings"]').click();
    await tourTitle(page).fill('Tour nháp đã sửa');
    await expect.poll(() => newestDraft(page).then((d) => d?.title)).toBe('Tour nháp đã sửa');
    await page.close();

    // Reopened again: the newest draft is the name change, but the 3 scenes are in the list.
    page = await openEditor();
    await page.locator('[data-action="restore-draft"]').waitFor();
    await page.locator('[data-action="drafts"]').click();
    const dialog = page.getByTestId('drafts-dialog');
    const threeScenes = dialog.locator('[data-testid="draft-item"][data-scenes="3"]').first();
    await threeScenes.waitFor();
    await expect
      .poll(() => dialog.locator('[data-testid="draft-item"] img.ed-draft-thumb').count())
      .toBeGreaterThan(0);
    await expect
      .poll(() =>
        threeScenes.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth),
      )
      .toBeGreaterThan(0);
    await screenshot(page, 'drafts-01-list');
    expect(await seriousViolations(page, '[data-testid="drafts-dialog"]')).toEqual([]);
    await threeScenes.locator('[data-action="restore-snapshot"]').click();
    await expect.poll(() => scenes(page).count()).toBe(3);
    expect(await dialog.count()).toBe(0);
    expect(await status(page)).toMatch(/Đã khôi phục bản nháp/);
    await screenshot(page, 'drafts-02-restored');

    // Restoring is one change: undo takes it back, redo brings it again.
    await page.locator('[data-action="undo"]').click();
    await expect.poll(() => scenes(page).count()).toBe(0);
    await page.locator('[data-action="redo"]').click();
    await expect.poll(() => scenes(page).count()).toBe(3);
    expect(errors).toEqual([]);
  }, 180_000);

  it('loses nothing over a reload mid-edit', async () => {
    await page.locator('[data-action="tour-settings"]').click();
    await tourTitle(page).fill('Tour trước khi tải lại');
    await page.reload();
    await page.locator('.ed-header h1').waitFor();
    await expect.poll(() => scenes(page).count()).toBe(3);
    await page.locator('[data-action="tour-settings"]').click();
    expect(await tourTitle(page).inputValue()).toBe('Tour trước khi tải lại');
    // The undo history came along: the restore and the typing can still be undone.
    expect(await page.locator('[data-action="undo"]').isEnabled()).toBe(true);
    expect(await page.locator('[data-action="restore-draft"]').count()).toBe(0);
  }, 60_000);

  it('keeps the replaced version at each save, and brings an earlier title back; no reload', async () => {
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    const stillHere = () => page.evaluate(() => 'notReloaded' in window);
    await page.locator('[data-action="tour-settings"]').click();
    await tourTitle(page).fill('Tiêu đề một');
    await page.locator('[data-action="save"]').click();
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/Đã lưu/);
    await tourTitle(page).fill('Tiêu đề hai');

    // A viewer tab open meanwhile: the dev server still reloads it when a tour.json changes.
    const viewer = await context.newPage();
    const connected = viewer.waitForEvent('console', {
      predicate: (message) => message.text().includes('[vite] connected'),
    });
    await viewer.goto(`${baseUrl}/`);
    await connected;
    await viewer.evaluate(() => Object.assign(window, { notReloaded: true }));

    await page.locator('[data-action="save"]').click();
    await expect.poll(() => status(page), { timeout: 60_000 }).toMatch(/Đã lưu/);
    await expect
      .poll(() => viewer.evaluate(() => 'notReloaded' in window).catch(() => true), {
        timeout: 20_000,
        message: 'the viewer was not reloaded after the save',
      })
      .toBe(false);
    await viewer.close();
    expect(
      JSON.parse(await readFile(path.join(toursDir, TOUR_ID, 'tour.json'), 'utf8')).title,
    ).toEqual({ vi: 'Tiêu đề hai' });
    // The viewer's reload has come: the editor's page had the same and kept its state.
    expect(await stillHere()).toBe(true);

    await page.locator('[data-action="drafts"]').click();
    const dialog = page.getByTestId('drafts-dialog');
    const backups = dialog.getByTestId('backup-item');
    await expect.poll(() => backups.count()).toBe(2);
    expect(await backups.first().textContent()).toContain('Tiêu đề một');
    await screenshot(page, 'drafts-03-backups');
    expect(await seriousViolations(page, '[data-testid="drafts-dialog"]')).toEqual([]);
    // Newest first: the version the second save replaced.
    await backups.first().locator('[data-action="restore-backup"]').click();
    await expect.poll(() => dialog.count()).toBe(0);
    await page.locator('[data-action="tour-settings"]').click();
    expect(await tourTitle(page).inputValue()).toBe('Tiêu đề một');
    expect(await status(page)).toMatch(/Đã khôi phục bản lưu/);
    // A change like any other: not on disk until saved, and undoable.
    await page.locator('[data-action="undo"]').click();
    await page.locator('[data-action="tour-settings"]').click();
    expect(await tourTitle(page).inputValue()).toBe('Tiêu đề hai');
    expect(await stillHere()).toBe(true);

    // Backups sit in a hidden folder of the tour, which the dev server never serves.
    const kept = await readdir(path.join(toursDir, TOUR_ID, '.backups'));
    expect(kept).toHaveLength(2);
    const hidden = await page.request.get(`${baseUrl}/tours/${TOUR_ID}/.backups/${kept[0]}`);
    expect(hidden.status()).toBe(404);
    expect(errors).toEqual([]);
  }, 180_000);
});
