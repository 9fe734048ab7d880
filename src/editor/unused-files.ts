/**
 * Housekeeping on Save: the files of the tour folder the tour being saved no longer uses
 * (pictures of deleted scenes, replaced uploads, narration of scenes gone) are listed by the
 * endpoint, and after the author agrees in a dialog ("Xoá 3 tệp không còn dùng (60 MB)?", the
 * list in a fold) removed once the manifest is saved. Keeping them is the other button: Save
 * never waits on this, and a failure here never fails the save.
 *
 * Saving tour.json makes the dev server reload the page, maybe before the removal is asked:
 * the agreed list is kept in sessionStorage for a few seconds and asked again once the tour is
 * open (`resume`). The server judges every file against the tour.json on disk, so asking twice,
 * or after a save that failed, removes nothing the saved tour uses.
 */
import type { Tour } from '../core/manifest/schema.ts';
import type { UnusedFile } from '../core/editor-protocol.ts';
import { h } from '../web/ui/dom.ts';
import * as api from './api.ts';
import { answer, ask } from './panels/question-dialog.ts';
import type { EditorStore } from './store.ts';

const PENDING_KEY = 'heritage-editor-cleanup';
const PENDING_MAX_AGE_MS = 30_000;

/** What the store asks around a save (the store itself never touches the page). */
export interface SaveCleanup {
  /** Before writing: the unused files the author agreed to remove (none when none or kept). */
  choose(tourId: string, tour: Tour): Promise<string[]>;
  /** After the manifest is saved: removes them; how many went. */
  remove(tourId: string, files: readonly string[]): Promise<number>;
  /** Once a tour is open: a removal agreed just before a reload is asked again. */
  resume(tourId: string): Promise<void>;
}

/** 62914560 → "60 MB", 1536 → "2 KB" (a comma for decimals in Vietnamese). */
export function formatBytes(bytes: number, lang: 'vi' | 'en'): string {
  const mb = bytes / (1024 * 1024);
  let text: string;
  if (mb >= 10) text = `${Math.round(mb)} MB`;
  else if (mb >= 1) text = `${mb.toFixed(1)} MB`;
  else text = `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return lang === 'vi' ? text.replace('.', ',') : text;
}

function keepPending(tourId: string, files: readonly string[]): void {
  try {
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ tourId, files, at: Date.now() }));
  } catch {
    // storage full or refused: the removal is then asked only by this page
  }
}

function takePending(tourId: string): string[] {
  const text = sessionStorage.getItem(PENDING_KEY);
  if (!text) return [];
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return [];
    const { tourId: id, files, at } = data as Record<string, unknown>;
    const fresh = typeof at === 'number' && Date.now() - at < PENDING_MAX_AGE_MS;
    if (id !== tourId || !fresh || !Array.isArray(files)) return [];
    return files.filter((file): file is string => typeof file === 'string');
  } catch {
    return [];
  }
}

const forgetPending = (): void => sessionStorage.removeItem(PENDING_KEY);

/** The dialog; resolves with the files to remove (all of them, or none when kept). */
export async function askRemoveUnused(
  store: EditorStore,
  files: readonly UnusedFile[],
): Promise<string[]> {
  const t = store.t;
  const total = files.reduce((sum, file) => sum + file.bytes, 0);
  const size = formatBytes(total, store.lang);
  const remove = answer('remove', t('up_unusedRemove'), 'unused-remove', 'primary');
  const keep = answer('keep', t('up_unusedKeep'), 'unused-keep');
  const list = h(
    'details',
    { class: 'ed-unused-list' },
    h('summary', {}, t('up_unusedList')),
    h(
      'ul',
      { 'data-testid': 'unused-files' },
      ...files.map((file) =>
        h(
          'li',
          { 'data-file': file.path },
          file.path,
          h('small', {}, ` (${formatBytes(file.bytes, store.lang)})`),
        ),
      ),
    ),
  );
  const choice = await ask({
    name: 'unused-dialog',
    title: t('up_unusedTitle', { count: files.length, size }),
    description: t('up_unusedText'),
    content: [list],
    buttons: [remove, keep],
    focus: remove,
  });
  // Escape keeps the files: the one choice that loses nothing.
  return choice === 'remove' ? files.map((file) => file.path) : [];
}

export function saveCleanup(store: EditorStore): SaveCleanup {
  const removeNow = async (tourId: string, files: readonly string[]): Promise<number> => {
    let removed: string[];
    try {
      removed = await api.removeUnusedFiles(tourId, files);
    } catch {
      return 0; // the files stay; the next save offers them again
    }
    forgetPending();
    if (store.open?.id === tourId) for (const file of removed) store.open.files.delete(file);
    return removed.length;
  };
  return {
    async choose(tourId, tour) {
      let files: UnusedFile[];
      try {
        files = await api.listUnusedFiles(tourId, tour);
      } catch {
        return []; // an endpoint without the route, or a hiccup: save without housekeeping
      }
      if (files.length === 0) return [];
      const chosen = await askRemoveUnused(store, files);
      if (chosen.length > 0) keepPending(tourId, chosen);
      return chosen;
    },
    remove: removeNow,
    async resume(tourId) {
      const files = takePending(tourId);
      if (files.length === 0) return;
      const count = await removeNow(tourId, files);
      if (count > 0) store.say(store.t('up_unusedRemoved', { count }));
    },
  };
}
