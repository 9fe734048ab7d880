/**
 * One text field in every language of the tour, side by side, with its length counter. Each
 * column is named by its language ("Tiếng Anh", not "en"); an empty one says, under the box,
 * what visitors of that language see instead.
 */
import { contentText } from '../../core/language/content-fallback.ts';
import { languageLabelIn, languageNameIn } from '../../core/language/names.ts';
import type { LangMap, Tour } from '../../core/manifest/schema.ts';
import { h } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { missingLanguages, setText } from '../model.ts';
import type { EditorStore } from '../store.ts';

/** Kiosk-friendly lengths (characters). */
export const MAX_TITLE = 60;
export const MAX_TEXT = 500;

/** The heading of a language's column: its name in the editor's language. */
export const languageColumnName = (store: EditorStore, lang: string): string =>
  languageLabelIn(lang, store.lang);

/**
 * What an empty text in `lang` shows visitors instead, said under the box: "Chưa có bản tiếng
 * Anh — khách nói tiếng Anh sẽ thấy bản tiếng Việt." The language shown instead follows the
 * viewer's rule (content-fallback.ts); undefined when no other language has a text either.
 */
export function missingTextHint(
  store: EditorStore,
  tour: Tour,
  map: LangMap | undefined,
  lang: string,
): string | undefined {
  const instead = contentText(map, lang, tour);
  if (!instead || instead.lang === lang) return undefined;
  const name = (code: string) => languageNameIn(code, store.lang);
  return store.t('textMissing', { lang: name(lang), fallback: name(instead.lang) });
}

export interface LanguageTextOptions {
  field: 'title' | 'description' | 'narration' | 'body';
  map: LangMap | undefined;
  max: number;
  /** The live value: another language of the map may have changed since it was drawn. */
  read: (tour: Tour) => LangMap | undefined;
  /** The tour with the map changed. */
  change: (tour: Tour, map: LangMap) => Tour;
  mergeKey: string;
  /** An optional text nobody wrote yet is not "missing"; one written in some language is. */
  optional?: boolean;
}

export function languageTextField(ctx: EditorContext, options: LanguageTextOptions): Node {
  const { store } = ctx;
  const { field, map, max } = options;
  const t = store.t;
  const tour = store.tour;
  const started = Object.values(map ?? {}).some((text) => text.trim() !== '');
  const missing = new Set(options.optional && !started ? [] : missingLanguages(tour, map));
  const multiline = field !== 'title';
  const columns = tour.languages.map((lang) => {
    const attrs = {
      'data-field': field,
      'data-lang': lang,
      lang,
      // A one-line box is too narrow for it (clipped); the line under the box says it all.
      placeholder: multiline
        ? t('textMissingOnly', { lang: languageNameIn(lang, store.lang) })
        : undefined,
    };
    const input = multiline
      ? h('textarea', { ...attrs, rows: '3' })
      : h('input', { ...attrs, type: 'text' });
    input.value = map?.[lang] ?? '';
    const counter = h('small', { class: 'ed-count' });
    const column = h(
      'label',
      { class: 'ed-lang' },
      h('span', { class: 'ed-lang-name' }, languageColumnName(store, lang)),
      input,
      counter,
    );
    const refresh = () => {
      const length = input.value.length;
      // Empty: say what visitors of this language see instead, rather than "0 / 60".
      const instead =
        length === 0
          ? missingTextHint(store, tour, options.read(store.tour) ?? map, lang)
          : undefined;
      counter.textContent =
        instead ?? (length > max ? t('tooLong', { max }) : t('length', { count: length, max }));
      column.classList.toggle('missing', missing.has(lang) && !input.value.trim());
      column.classList.toggle('too-long', length > max);
    };
    refresh();
    input.addEventListener('input', () => {
      refresh();
      const current = options.read(store.tour) ?? map;
      store.commit(options.change(store.tour, setText(current, lang, input.value)), {
        mergeKey: `${options.mergeKey}.${lang}`,
        keepPanel: true,
      });
    });
    return column;
  });
  return h(
    'fieldset',
    { class: 'ed-langs', 'data-field-group': field },
    h('legend', {}, t(`field_${field}`)),
    ...columns,
  );
}
