/**
 * The language picker: a native <select> (accessible, works with any input), listing
 * languages by their own names. It always offers every language of the interface; on a tour
 * it groups them by whether the tour has its texts in them, so a visitor knows that choosing
 * 한국어 gives a Korean interface over English texts. On narrow screens it shows only the
 * short code ("VI") so the scene title keeps its room; the select itself stays on top,
 * invisible, to take the tap.
 */
import { nativeName } from '../i18n/languages.ts';
import { h, replaceChildren } from '../ui/dom.ts';

/** The tour's content languages, and the names of the two groups in the visitor's language. */
export interface PickerContent {
  languages: readonly string[];
  withContent: string;
  interfaceOnly: string;
}

export class LanguagePicker {
  readonly element: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly code: HTMLSpanElement;

  constructor(onChange: (lang: string) => void) {
    this.select = h('select', { class: 'lang-picker__select', 'data-testid': 'language' });
    this.code = h('span', { class: 'lang-picker__code', 'aria-hidden': 'true' });
    this.element = h('div', { class: 'lang-picker' }, this.code, this.select);
    this.select.addEventListener('change', () => {
      this.showCode(this.select.value);
      onChange(this.select.value);
    });
  }

  setLanguages(languages: readonly string[], current: string, content?: PickerContent): void {
    const option = (lang: string) =>
      h(
        'option',
        { value: lang, lang, 'data-content': content?.languages.includes(lang) },
        nativeName(lang),
      );
    if (!content) {
      replaceChildren(this.select, ...languages.map(option));
    } else {
      const own = languages.filter((lang) => content.languages.includes(lang));
      const others = languages.filter((lang) => !content.languages.includes(lang));
      replaceChildren(
        this.select,
        own.length > 0 ? h('optgroup', { label: content.withContent }, ...own.map(option)) : null,
        others.length > 0
          ? h('optgroup', { label: content.interfaceOnly }, ...others.map(option))
          : null,
      );
    }
    this.element.hidden = languages.length < 2;
    this.value = current;
  }

  set value(lang: string) {
    this.select.value = lang;
    this.showCode(lang);
  }

  setLabel(label: string): void {
    this.select.setAttribute('aria-label', label);
    this.select.title = label;
  }

  private showCode(lang: string): void {
    this.code.textContent = (lang.split('-')[0] ?? lang).toUpperCase();
  }
}
