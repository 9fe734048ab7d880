/**
 * "Bản nháp đã lưu" (issue 17, item 1): every draft snapshot kept on this computer, and every
 * earlier save kept in the tour folder, each restorable. Restoring is one undoable change
 * (store.bringBack) that the author then saves or undoes. Rows show what a volunteer
 * recognises (when, how many scenes, the start scene's picture), never file names.
 */
import { textOf } from '../../core/manifest/text.ts';
import type { Tour } from '../../core/manifest/schema.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import * as api from '../api.ts';
import type { DraftSnapshot } from '../drafts.ts';
import { canonicalJson } from '../model.ts';
import type { EditorStore } from '../store.ts';
import './draft-list.css';

/** When, as a volunteer reads it: weekday, date and time to the second. */
export function formatWhen(store: EditorStore, time: number): string {
  return new Date(time).toLocaleString(store.lang === 'vi' ? 'vi-VN' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Snapshots in a row that hold the same tour are one row (the newest of them). */
function distinct(snapshots: readonly DraftSnapshot[]): Array<DraftSnapshot & { json: string }> {
  const out: Array<DraftSnapshot & { json: string }> = [];
  for (const snapshot of snapshots) {
    const json = canonicalJson(snapshot.tour);
    if (out.at(-1)?.json !== json) out.push({ ...snapshot, json });
  }
  return out;
}

/** The start scene's panorama, scaled down by CSS (snapshots hold no pictures). */
function thumbnail(store: EditorStore, tour: Tour): HTMLElement {
  const scenes = Array.isArray(tour.scenes) ? tour.scenes : [];
  const start = scenes.find((scene) => scene.id === tour.startScene) ?? scenes[0];
  const source = start?.panorama?.source;
  if (!source || !store.hasFile(source)) {
    return h('span', { class: 'ed-draft-thumb ed-draft-nothumb' }, store.t('drafts_noPicture'));
  }
  return h('img', {
    class: 'ed-draft-thumb',
    src: store.fileUrl(source),
    alt: '',
    loading: 'lazy',
    decoding: 'async',
  });
}

function draftRows(store: EditorStore, snapshots: readonly DraftSnapshot[], done: () => void) {
  const t = store.t;
  const current = canonicalJson(store.tour);
  const rows = distinct(snapshots);
  if (rows.length === 0) return [h('p', { class: 'ed-hint' }, t('drafts_none'))];
  return [
    h(
      'ul',
      { class: 'ed-draft-list', 'data-testid': 'draft-list' },
      ...rows.map((snapshot) => {
        const when = formatWhen(store, snapshot.savedAt);
        const scenes = Array.isArray(snapshot.tour.scenes) ? snapshot.tour.scenes.length : 0;
        const title = textOf(snapshot.tour.title, store.lang, snapshot.tour.defaultLanguage);
        const isCurrent = snapshot.json === current;
        const restore = h(
          'button',
          {
            type: 'button',
            'data-action': 'restore-snapshot',
            'aria-label': t('drafts_restoreLabel', { time: when }),
            disabled: isCurrent,
          },
          t('drafts_restore'),
        );
        restore.addEventListener('click', () => {
          store.bringBack(snapshot.tour, t('drafts_restored', { time: when }));
          done();
        });
        return h(
          'li',
          { class: 'ed-draft-item', 'data-testid': 'draft-item', 'data-scenes': String(scenes) },
          thumbnail(store, snapshot.tour),
          h(
            'div',
            { class: 'ed-draft-text' },
            h('strong', {}, when),
            h('span', {}, title.trim() || t('drafts_untitled')),
            h(
              'span',
              { class: 'ed-hint' },
              t('drafts_scenes', { count: scenes }),
              isCurrent ? ` · ${t('drafts_current')}` : '',
            ),
          ),
          restore,
        );
      }),
    ),
  ];
}

async function backupRows(store: EditorStore, done: () => void): Promise<Node[]> {
  const t = store.t;
  const id = store.open?.id;
  if (!id) return [];
  let listed: api.BackupList;
  try {
    listed = await api.listBackups(id);
  } catch {
    return [h('p', { class: 'ed-error' }, t('drafts_backupsUnavailable'))];
  }
  const hint = h('p', { class: 'ed-hint' }, t('drafts_backupsHint', { count: listed.limit }));
  if (listed.backups.length === 0) return [hint, h('p', {}, t('drafts_backupsNone'))];
  const error = h('p', { class: 'ed-error', role: 'alert' });
  const items = listed.backups.map((backup) => {
    const when = formatWhen(store, backup.savedAt);
    const restore = h(
      'button',
      {
        type: 'button',
        'data-action': 'restore-backup',
        'aria-label': t('drafts_restoreLabel', { time: when }),
      },
      t('drafts_restore'),
    );
    restore.addEventListener('click', () => {
      restore.disabled = true;
      void api
        .loadBackup(id, backup.name)
        .then((loaded) => {
          const tour = JSON.parse(loaded.text) as unknown;
          if (typeof tour !== 'object' || tour === null || !('scenes' in tour)) throw new Error();
          store.bringBack(tour as Tour, t('drafts_backupRestored', { time: when }));
          done();
        })
        .catch(() => {
          restore.disabled = false;
          error.textContent = t('drafts_backupUnreadable', { time: when });
        });
    });
    const title = backup.title ? textOf(backup.title, store.lang, 'vi') : '';
    return h(
      'li',
      { class: 'ed-draft-item ed-backup-item', 'data-testid': 'backup-item' },
      h(
        'div',
        { class: 'ed-draft-text' },
        h('strong', {}, t('drafts_backupSaved', { time: when })),
        h('span', {}, title.trim() || t('drafts_untitled')),
        backup.scenes !== undefined &&
          h('span', { class: 'ed-hint' }, t('drafts_scenes', { count: backup.scenes })),
      ),
      restore,
    );
  });
  return [hint, error, h('ul', { class: 'ed-draft-list', 'data-testid': 'backup-list' }, ...items)];
}

/** Opens the dialog; the lists fill in as they are read. */
export function showDraftList(store: EditorStore): void {
  if (!store.open) return;
  const t = store.t;
  const drafts = h('div', { class: 'ed-drafts-col' }, h('p', {}, t('drafts_loading')));
  const backups = h('div', { class: 'ed-drafts-col' }, h('p', {}, t('drafts_loading')));
  const close = h('button', { type: 'button', 'data-action': 'close-drafts' }, t('drafts_close'));
  const dialog = h(
    'dialog',
    {
      class: 'ed-dialog ed-drafts',
      'aria-labelledby': 'ed-drafts-title',
      'data-testid': 'drafts-dialog',
    },
    h('h2', { id: 'ed-drafts-title' }, t('drafts_title')),
    h('p', { class: 'ed-hint' }, t('drafts_intro')),
    h(
      'div',
      { class: 'ed-drafts-cols' },
      h(
        'section',
        { 'aria-labelledby': 'ed-drafts-local' },
        h('h3', { id: 'ed-drafts-local' }, t('drafts_local')),
        h('p', { class: 'ed-hint' }, t('drafts_localHint')),
        drafts,
      ),
      h(
        'section',
        { 'aria-labelledby': 'ed-drafts-backups' },
        h('h3', { id: 'ed-drafts-backups' }, t('drafts_backups')),
        backups,
      ),
    ),
    h('div', { class: 'ed-row' }, close),
  );
  const done = () => dialog.close();
  close.addEventListener('click', done);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  void store
    .draftSnapshots()
    .catch(() => [])
    .then((snapshots) => replaceChildren(drafts, ...draftRows(store, snapshots, done)));
  void backupRows(store, done).then((nodes) => replaceChildren(backups, ...nodes));
}
