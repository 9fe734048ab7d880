/**
 * The tour's languages, by name: a list with the main (default) language chosen by a radio
 * button, a "Bỏ" button per language, and a list of languages to add. No language codes on
 * screen; the main language is kept first in `languages`, as the viewer's menu lists them.
 */
import { COMMON_LANGUAGES, languageLabelIn, ownName } from '../../core/language/names.ts';
import type { LangMap, Tour } from '../../core/manifest/schema.ts';
import { h } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';

/** `map` without `lang`; `undefined` when nothing is left and the text may be absent. */
function drop(map: LangMap | undefined, lang: string, optional: boolean): LangMap | undefined {
  if (!map || !(lang in map)) return map;
  const { [lang]: _removed, ...rest } = map;
  return optional && Object.keys(rest).length === 0 ? undefined : rest;
}

/** Counts the texts written in `lang` (blank ones do not count: nothing is lost with them). */
export function textsIn(tour: Tour, lang: string): number {
  const has = (map: LangMap | undefined) => ((map?.[lang] ?? '').trim() === '' ? 0 : 1);
  let count = has(tour.title) + has(tour.description);
  for (const scene of tour.scenes) {
    count += has(scene.title) + has(scene.description);
    const track = scene.narration?.[lang];
    if (track && (track.text?.trim() || track.audio || track.captions)) count++;
    for (const hotspot of scene.hotspots ?? []) {
      count += has(hotspot.title);
      if (hotspot.type === 'info') count += has(hotspot.body);
      if (hotspot.type === 'audio') count += has(hotspot.audio);
    }
  }
  return count;
}

/**
 * The tour without `lang`: out of the list and out of every text, so that no warning about a
 * language the tour does not have is left behind. Undo brings it all back.
 */
export function withoutLanguage(tour: Tour, lang: string): Tour {
  const languages = tour.languages.filter((code) => code !== lang);
  const defaultLanguage =
    tour.defaultLanguage === lang ? (languages[0] ?? tour.defaultLanguage) : tour.defaultLanguage;
  const set = <T extends object>(object: T, key: keyof T, value: unknown): T => {
    const copy = { ...object } as Record<string, unknown>;
    if (value === undefined) delete copy[key as string];
    else copy[key as string] = value;
    return copy as unknown as T;
  };
  let next: Tour = { ...tour, languages, defaultLanguage, title: drop(tour.title, lang, false)! };
  next = set(next, 'description', drop(tour.description, lang, true));
  next.scenes = tour.scenes.map((scene) => {
    let s = { ...scene, title: drop(scene.title, lang, false)! };
    s = set(s, 'description', drop(scene.description, lang, true));
    if (scene.narration && lang in scene.narration) {
      const { [lang]: _track, ...narration } = scene.narration;
      s = set(s, 'narration', Object.keys(narration).length > 0 ? narration : undefined);
    }
    s.hotspots = (scene.hotspots ?? []).map((hotspot) => {
      let hs = set(hotspot, 'title', drop(hotspot.title, lang, true));
      if (hs.type === 'info') hs = set(hs, 'body', drop(hs.body, lang, true));
      if (hs.type === 'audio') hs = { ...hs, audio: drop(hs.audio, lang, false)! };
      return hs;
    });
    return s;
  });
  return next;
}

/** The tour with `lang` as its main language, first in the list. */
export const withMainLanguage = (tour: Tour, lang: string): Tour => ({
  ...tour,
  languages: [lang, ...tour.languages.filter((code) => code !== lang)],
  defaultLanguage: lang,
});

export function tourLanguagesField({ store }: EditorContext): Node {
  const t = store.t;
  const tour = store.tour;
  const label = (code: string) => languageLabelIn(code, store.lang);
  const main = tour.defaultLanguage;
  const rows = tour.languages.map((code) => {
    const radio = h('input', {
      type: 'radio',
      name: 'ed-main-language',
      value: code,
      checked: code === main,
      'aria-label': t('langMainOf', { name: label(code) }),
      'data-testid': `language-main-${code}`,
    });
    radio.addEventListener('change', () => {
      if (radio.checked) store.commit(withMainLanguage(store.tour, code));
    });
    const remove = h(
      'button',
      {
        type: 'button',
        'data-action': 'remove-language',
        'aria-label': t('langRemoveOf', { name: label(code) }),
        // The last language cannot go: a tour needs one.
        disabled: tour.languages.length < 2,
      },
      t('langRemove'),
    );
    remove.addEventListener('click', () => {
      const count = textsIn(store.tour, code);
      const name = languageLabelIn(code, store.lang);
      if (count > 0 && !confirm(t('langRemoveConfirm', { name, count }))) return;
      store.commit(withoutLanguage(store.tour, code));
    });
    return h(
      'li',
      { class: 'ed-language', 'data-language': code },
      h('span', { class: 'ed-language-name' }, label(code)),
      h('label', { class: 'ed-language-main' }, radio, ' ', t('langMain')),
      remove,
    );
  });
  const choices = COMMON_LANGUAGES.filter((code) => !tour.languages.includes(code));
  const add = h(
    'select',
    { 'aria-label': t('langAdd'), 'data-testid': 'language-add' },
    h('option', { value: '' }, t('langChoose')),
    ...choices.map((code) => {
      const own = ownName(code);
      const name = label(code);
      return h('option', { value: code }, own && own !== name ? `${name} (${own})` : name);
    }),
  );
  const addButton = h(
    'button',
    { type: 'button', 'data-action': 'add-language' },
    t('langAddButton'),
  );
  addButton.addEventListener('click', () => {
    const code = add.value;
    if (!code || store.tour.languages.includes(code)) return;
    store.commit({ ...store.tour, languages: [...store.tour.languages, code] });
    store.say(t('langAdded', { name: label(code) }));
  });
  return h(
    'fieldset',
    { 'data-field': 'languages' },
    h('legend', {}, t('tourLanguages')),
    h('p', { class: 'ed-hint' }, t('tourLanguagesHint')),
    h('ul', { class: 'ed-languages', 'data-testid': 'tour-languages' }, ...rows),
    choices.length > 0 &&
      h(
        'div',
        { class: 'ed-row' },
        h('label', { class: 'ed-field' }, t('langAdd'), add),
        addButton,
      ),
  );
}
