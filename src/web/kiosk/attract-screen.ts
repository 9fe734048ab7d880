/**
 * The kiosk's attract screen: over a slowly turning panorama, the tour's name and
 * "touch to start", cycling through the kiosk's languages. The whole screen is one button.
 */
import { h } from '../ui/dom.ts';
import { checkKioskFonts } from './font-check.ts';

export interface AttractTexts {
  /** Tour title in a language. */
  title: (lang: string) => string;
  /** "Touch to start" in a language. */
  touch: (lang: string) => string;
}

export class AttractScreen {
  readonly element: HTMLButtonElement;
  private readonly titleLine: HTMLSpanElement;
  private readonly touchLine: HTMLSpanElement;
  private readonly languages: readonly string[];
  private readonly languageMs: number;
  private texts: AttractTexts;
  private index = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private fontsChecked = false;

  constructor(
    languages: readonly string[],
    languageSeconds: number,
    texts: AttractTexts,
    onStart: () => void,
  ) {
    this.languages = languages;
    this.languageMs = languageSeconds * 1000;
    this.texts = texts;
    this.titleLine = h('span', { class: 'attract__title', 'data-testid': 'attract-title' });
    this.touchLine = h('span', { class: 'attract__touch', 'data-testid': 'attract-touch' });
    this.element = h(
      'button',
      { type: 'button', class: 'attract', hidden: true, 'data-testid': 'attract' },
      h(
        'span',
        { class: 'attract__card' },
        this.titleLine,
        h('span', { class: 'attract__pulse', 'aria-hidden': 'true' }),
        this.touchLine,
      ),
    );
    this.element.addEventListener('click', onStart);
  }

  get isShown(): boolean {
    return !this.element.hidden;
  }

  setTexts(texts: AttractTexts): void {
    this.texts = texts;
    this.render();
  }

  show(): void {
    this.index = 0;
    this.render();
    this.element.hidden = false;
    // Once shown (styled, in the page): staff learn of languages the fonts cannot draw, from
    // the console and `data-missing-glyphs` (e.g. "ko zh"); visitors see nothing of it.
    if (!this.fontsChecked) {
      this.fontsChecked = true;
      checkKioskFonts(this.languages, this.element);
    }
    clearInterval(this.timer);
    if (this.languages.length > 1) {
      this.timer = setInterval(() => {
        this.index = (this.index + 1) % this.languages.length;
        this.render();
      }, this.languageMs);
    }
  }

  hide(): void {
    clearInterval(this.timer);
    this.element.hidden = true;
  }

  private render(): void {
    const lang = this.languages[this.index] ?? 'vi';
    this.titleLine.textContent = this.texts.title(lang);
    this.touchLine.textContent = this.texts.touch(lang);
    this.element.lang = lang;
    // No aria-label: the button is named by what it shows, title and "touch to start"
    // (a name without the visible title would fail WCAG 2.5.3, label in name).
  }
}
