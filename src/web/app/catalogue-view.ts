/** The list of tours shown when the address names none. */

import type { Translator } from '../i18n/i18n.ts';
import { nativeName } from '../i18n/languages.ts';
import { formatDeepLink } from '../../core/links/deep-link.ts';
import { contentText } from '../../core/language/content-fallback.ts';
import { h } from '../ui/dom.ts';
import type { CatalogueEntry } from './tour-source.ts';

export function renderCatalogue(
  entries: CatalogueEntry[] | null,
  lang: string,
  t: Translator['t'],
): HTMLElement {
  const main = h(
    'main',
    { class: 'catalogue', 'data-testid': 'catalogue' },
    h('h1', {}, t('app.catalogueTitle')),
  );
  if (entries === null) {
    main.append(
      h('p', { class: 'message message--error', role: 'alert' }, t('app.catalogueError')),
    );
  } else if (entries.length === 0) {
    main.append(h('p', { class: 'message' }, t('app.catalogueEmpty')));
  } else {
    main.append(
      h('ul', { class: 'catalogue__list' }, ...entries.map((entry) => renderCard(entry, lang, t))),
    );
  }
  return main;
}

function renderCard(entry: CatalogueEntry, lang: string, t: Translator['t']): HTMLElement {
  // A card falls back like the tour does: English when the tour has it, else its default.
  const title = contentText(entry.title, lang, entry);
  const description = contentText(entry.description, lang, entry);
  const thumbnail = entry.thumbnail
    ? h('img', {
        class: 'card__image',
        src: entry.thumbnail,
        alt: '',
        loading: 'lazy',
        width: '512',
        height: '256',
      })
    : h('div', { class: 'card__image card__image--empty' });
  return h(
    'li',
    { class: 'card' },
    h(
      'a',
      { class: 'card__link', href: formatDeepLink({ tour: entry.id }), 'data-tour': entry.id },
      thumbnail,
      h('h2', { class: 'card__title', lang: title?.lang }, title?.text ?? entry.id),
      description
        ? h('p', { class: 'card__description', lang: description.lang }, description.text)
        : null,
      h(
        'p',
        { class: 'card__meta' },
        t('app.scenes', { count: entry.sceneCount }),
        ' · ',
        entry.languages.map(nativeName).join(', '),
      ),
    ),
  );
}
