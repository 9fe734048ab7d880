/** The tour's languages, the first being the default; invalid codes are refused. */
import { isLanguageCode } from '../../core/manifest/ids.ts';
import { h } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';

export function tourLanguagesField({ store }: EditorContext): Node {
  const t = store.t;
  const input = h('input', {
    type: 'text',
    value: store.tour.languages.join(', '),
    'data-field': 'languages',
  });
  const apply = h('button', { type: 'button', 'data-action': 'set-languages' }, t('apply'));
  apply.addEventListener('click', () => {
    const codes = input.value
      .split(',')
      .map((code) => code.trim())
      .filter(Boolean);
    const languages = [...new Set(codes)];
    if (languages.length === 0 || !languages.every(isLanguageCode)) {
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    store.commit({ ...store.tour, languages, defaultLanguage: languages[0] ?? 'vi' });
  });
  return h(
    'label',
    { class: 'ed-field' },
    t('languages'),
    h('div', { class: 'ed-row' }, input, apply),
  );
}
