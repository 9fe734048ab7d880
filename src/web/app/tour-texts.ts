/**
 * The tour on screen as text: its language maps resolved in the visitor's language (falling
 * back per text, marked), and its file paths as URLs. Shared by the page and its panels.
 */
import type { Translator } from '../i18n/i18n.ts';
import type { Scene, Tour } from '../../core/manifest/schema.ts';
import { type LocalizedText, localize, textOf } from '../../core/manifest/text.ts';
import { tourBaseUrl } from './tour-source.ts';

type LangMap = Record<string, string> | undefined;

export class TourTexts {
  tour: Tour | null = null;
  lang = '';

  constructor(private readonly i18n: Translator) {}

  scene(sceneId: string | null | undefined): Scene | undefined {
    return sceneId ? this.tour?.scenes.find((scene) => scene.id === sceneId) : undefined;
  }

  localized(map: LangMap): LocalizedText | undefined {
    return localize(map, this.lang, this.tour?.defaultLanguage ?? this.lang);
  }

  text(map: LangMap): string {
    return textOf(map, this.lang, this.tour?.defaultLanguage ?? this.lang);
  }

  /**
   * Puts a tour text into an element with its real language; a fallback (missing
   * translation) is marked discreetly and explained on hover or to screen readers.
   */
  showText(element: HTMLElement, map: LangMap): void {
    const text = this.localized(map);
    element.textContent = text?.text ?? '';
    element.lang = text?.lang ?? this.lang;
    element.classList.toggle('is-fallback', Boolean(text?.fallback));
    if (text?.fallback) element.title = this.i18n.t('app.translationMissing');
    else element.removeAttribute('title');
  }

  assetUrl(path: string): string {
    return new URL(path, tourBaseUrl(this.tour!.id)).href;
  }
}
