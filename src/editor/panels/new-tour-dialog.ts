/**
 * The "new tour" dialog: the name first, the tour code suggested from it (Vietnamese folded:
 * "Đền Thử Nghiệm" → `den-thu-nghiem`) until the author types a code of their own, and the
 * languages ticked by name. The code is checked here, with a message in the author's language:
 * the browser's own bubble would speak the browser's language, and the server's reason English.
 */
import { isId } from '../../core/manifest/ids.ts';
import type { LangMap } from '../../core/manifest/schema.ts';
import { ID_INPUT_PATTERN, slugify } from '../../core/manifest/slug.ts';
import { h } from '../../web/ui/dom.ts';
import * as api from '../api.ts';
import type { EditorStore } from '../store.ts';
import { reasonOf } from '../util.ts';

/** The languages offered, in the order they become the tour's (the first ticked is its default). */
const LANGUAGES = ['vi', 'en', 'fr', 'zh', 'ko', 'ja'] as const;
const TICKED = new Set<string>(['vi', 'en']);

export function showNewTourDialog(store: EditorStore): void {
  const t = store.t;
  const titleVi = h('input', { name: 'title-vi', autocomplete: 'off' });
  const titleEn = h('input', { name: 'title-en', autocomplete: 'off' });
  const id = h('input', {
    name: 'id',
    required: true,
    pattern: ID_INPUT_PATTERN,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': 'ed-new-tour-code-hint',
  });
  const boxes = LANGUAGES.map((lang) =>
    h('input', { type: 'checkbox', name: 'language', value: lang, checked: TICKED.has(lang) }),
  );
  const error = h('p', { class: 'ed-error', role: 'alert', 'data-testid': 'new-tour-error' });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('create'));
  const cancel = h('button', { type: 'button', 'data-action': 'cancel' }, t('cancel'));
  const form = h(
    'form',
    { class: 'ed-new-tour', novalidate: true },
    h('h2', {}, t('newTour')),
    h('label', {}, t('newTour_title'), titleVi),
    h('label', {}, t('newTour_titleEn'), titleEn),
    h('label', {}, t('newTour_code'), id),
    h('p', { class: 'ed-hint', id: 'ed-new-tour-code-hint' }, t('newTour_codeHint')),
    h(
      'fieldset',
      { class: 'ed-new-tour-languages' },
      h('legend', {}, t('newTour_languages')),
      ...boxes.map((box) => h('label', {}, box, ' ', t(`newTour_lang_${box.value}`))),
      h('p', { class: 'ed-hint' }, t('newTour_languagesHint')),
    ),
    error,
    h('div', { class: 'ed-row' }, submit, cancel),
  );
  const dialog = h('dialog', { class: 'ed-dialog', 'aria-label': t('newTour') }, form);

  const markInvalid = (invalid: boolean) =>
    invalid ? id.setAttribute('aria-invalid', 'true') : id.removeAttribute('aria-invalid');
  /** Says what is wrong with the code (`required`: an empty one too); whether it is good. */
  const checkCode = (required: boolean): boolean => {
    const code = id.value.trim();
    const good = isId(code);
    markInvalid(!good && (required || code !== ''));
    if (good || (!required && code === '')) {
      error.textContent = '';
    } else if (code === '') {
      error.textContent = t('newTour_noCode');
    } else {
      const better = slugify(code);
      const hint = better && better !== code ? ` ${t('newTour_suggest', { code: better })}` : '';
      error.textContent = `${t('newTour_badCode')}${hint}`;
    }
    return good;
  };

  // The code follows the name until the author types one; emptying it lets it follow again.
  let following = true;
  const suggest = () => {
    if (following) id.value = slugify(titleVi.value.trim() ? titleVi.value : titleEn.value);
    checkCode(false);
  };
  titleVi.addEventListener('input', suggest);
  titleEn.addEventListener('input', suggest);
  id.addEventListener('input', () => {
    following = id.value === '';
    checkCode(false);
  });

  cancel.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => dialog.remove());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!checkCode(true)) return id.focus();
    const langs = boxes.filter((box) => box.checked).map((box) => box.value);
    if (langs.length === 0) {
      error.textContent = t('newTour_noLanguage');
      return boxes[0]?.focus();
    }
    const tourId = id.value.trim();
    const title: LangMap = {};
    if (titleVi.value.trim()) title.vi = titleVi.value.trim();
    if (titleEn.value.trim()) title.en = titleEn.value.trim();
    if (Object.keys(title).length === 0) title[langs[0] ?? 'vi'] = tourId;
    // Creating writes tour.json: the dev server's reload must come back to this tour.
    store.pendingTourId = tourId;
    submit.disabled = true;
    error.textContent = '';
    api
      .createTour({ id: tourId, title, languages: langs })
      .then(async () => {
        dialog.close();
        await store.openTour(tourId);
      })
      .catch((e: unknown) => {
        store.pendingTourId = undefined;
        submit.disabled = false;
        error.textContent = t('createFailed', { reason: reasonOf(e, store.lang) });
        if (e instanceof api.EditorApiError && e.status === 409) {
          markInvalid(true);
          id.focus();
          id.select();
        }
      });
  });
  document.body.append(dialog);
  dialog.showModal();
  titleVi.focus();
}
