/**
 * The tour on screen as text: its language maps resolved for the visitor (their language,
 * else English when the tour has it, else the tour's default — per text), and its file paths
 * as URLs. Shared by the page and its panels. A fallback text carries its real `lang` and a
 * small mark in the visitor's language ("Shown in English").
 */
import type { Translator } from '../i18n/i18n.ts';
import { languageName } from '../i18n/languages.ts';
import { type ContentText, contentText } from '../../core/language/content-fallback.ts';
import type { Scene, Tour } from '../../core/manifest/schema.ts';
import { h } from '../ui/dom.ts';
import { tourBaseUrl } from './tour-source.ts';

type LangMap = Record<string, string> | undefined;

export class TourTexts {
  tour: Tour | null = null;
  /** The visitor's (interface) language: texts are asked for in it. */
  lang = '';

  constructor(private readonly i18n: Translator) {}

  scene(sceneId: string | null | undefined): Scene | undefined {
    return sceneId ? this.tour?.scenes.find((scene) => scene.id === sceneId) : undefined;
  }

  localized(map: LangMap): ContentText | undefined {
    const tour = this.tour;
    return contentText(map, this.lang, tour ?? { languages: [], defaultLanguage: this.lang });
  }

  text(map: LangMap): string {
    return this.localized(map)?.text ?? '';
  }

  /** "Shown in English", in the visitor's language, for a text in `lang`. */
  shownIn(lang: string): string {
    return shownIn(this.i18n, lang);
  }

  /** "Narration in English": the line a fallback recording shows while it plays. */
  narrationIn(lang: string): string {
    return this.i18n.t('narration.inLanguage', {
      language: languageName(lang, this.i18n.language),
    });
  }

  /**
   * Puts a tour text into an element with its real language. A fallback is marked by a small
   * note in the visitor's language (screen readers switch voice for each), after the text or
   * before it (a line cut with an ellipsis keeps its mark), or only by its tooltip (`none`:
   * a neighbouring text carries the mark).
   */
  showText(element: HTMLElement, map: LangMap, mark: 'after' | 'before' | 'none' = 'after'): void {
    const text = this.localized(map);
    element.lang = text?.lang ?? this.lang;
    element.classList.toggle('is-fallback', Boolean(text?.fallback));
    element.replaceChildren(text?.text ?? '');
    if (!text?.fallback) return element.removeAttribute('title');
    const note = this.shownIn(text.lang);
    element.title = note;
    if (mark === 'after') element.append(' ', fallbackMark(note, this.lang));
    if (mark === 'before') element.prepend(fallbackMark(note, this.lang), ' ');
  }

  assetUrl(path: string): string {
    return new URL(path, tourBaseUrl(this.tour!.id)).href;
  }
}

export function shownIn(i18n: Translator, lang: string): string {
  return i18n.t('app.shownIn', { language: inSentence(languageName(lang, i18n.language), i18n) });
}

/** The small mark after a fallback text. */
export function fallbackMark(note: string, visitorLang: string): HTMLElement {
  return h(
    'small',
    { class: 'fallback-mark', lang: visitorLang, 'data-testid': 'fallback-mark' },
    note,
  );
}

/** Vietnamese writes language names in lower case inside a sentence ("bằng tiếng Anh"). */
function inSentence(name: string, i18n: Translator): string {
  return i18n.language === 'vi' ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}
