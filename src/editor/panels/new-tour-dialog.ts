/** The "new tour" dialog: id, title in Vietnamese and English, languages. */
import type { LangMap } from '../../core/manifest/schema.ts';
import { h } from '../../web/ui/dom.ts';
import * as api from '../api.ts';
import type { EditorStore } from '../store.ts';
import { reasonOf } from '../util.ts';

export function showNewTourDialog(store: EditorStore): void {
  const t = store.t;
  const id = h('input', { name: 'id', required: true, pattern: '[a-z0-9][a-z0-9_-]{0,19}' });
  const titleVi = h('input', { name: 'title-vi' });
  const titleEn = h('input', { name: 'title-en' });
  const languages = h('input', { name: 'languages', value: 'vi, en' });
  const error = h('p', { class: 'ed-error', role: 'alert' });
  const cancel = h('button', { type: 'button', 'data-action': 'cancel' }, t('cancel'));
  const form = h(
    'form',
    { class: 'ed-new-tour' },
    h('h2', {}, t('newTour')),
    h('label', {}, t('tourId'), id),
    h('label', {}, `${t('field_title')} (vi)`, titleVi),
    h('label', {}, `${t('field_title')} (en)`, titleEn),
    h('label', {}, t('languages'), languages),
    error,
    h(
      'div',
      { class: 'ed-row' },
      h('button', { type: 'submit', class: 'primary' }, t('create')),
      cancel,
    ),
  );
  const dialog = h('dialog', { class: 'ed-dialog' }, form);
  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const langs = languages.value
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    const title: LangMap = {};
    if (titleVi.value.trim()) title.vi = titleVi.value.trim();
    if (titleEn.value.trim()) title.en = titleEn.value.trim();
    if (Object.keys(title).length === 0) title[langs[0] ?? 'vi'] = id.value;
    const tourId = id.value.trim();
    // Creating writes tour.json: the dev server's reload must come back to this tour.
    store.pendingTourId = tourId;
    api
      .createTour({ id: tourId, title, languages: langs })
      .then(async () => {
        dialog.close();
        await store.openTour(tourId);
      })
      .catch((e: unknown) => {
        store.pendingTourId = undefined;
        error.textContent = t('createFailed', { reason: reasonOf(e) });
      });
  });
  document.body.append(dialog);
  dialog.showModal();
}
