/**
 * The language picker: a native <select> (accessible, works with any input), listing
 * languages by their own names. On narrow screens it shows only the short code ("VI") so the
 * scene title keeps its room; the select itself stays on top, invisible, to take the tap.
 */
import { nativeName } from '../i18n/languages.ts';
import { h, replaceChildren } from '../ui/dom.ts';

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

  setLanguages(languages: readonly string[], current: string): void {
    replaceChildren(
      this.select,
      ...languages.map((lang) => h('option', { value: lang, lang }, nativeName(lang))),
    );
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
