/**
 * Which language a tour text is shown in when the visitor's is missing: the visitor's own,
 * else English when the tour has it (a foreign visitor reads English far more often than the
 * tour's Vietnamese), else the tour's default. Decided per text, and said, so the UI can mark
 * the text and give it its real `lang`.
 */

/** The content languages of a tour, as far as the fallback needs them. */
export interface ContentLanguages {
  languages: readonly string[];
  defaultLanguage: string;
}

/** The languages to try, in order, without repeats. */
export function contentOrder(lang: string, tour: ContentLanguages): string[] {
  const order = [lang];
  if (tour.languages.includes('en')) order.push('en');
  order.push(tour.defaultLanguage);
  return [...new Set(order)];
}

export interface ContentText {
  text: string;
  /** Language the text is really in. */
  lang: string;
  /** True when `lang` is not the visitor's. */
  fallback: boolean;
}

/**
 * The text of a language map for a visitor; blank texts count as missing. A map with none of
 * the chain's languages still shows what it has (an author's slip should not blank a title).
 */
export function contentText(
  map: Readonly<Record<string, string>> | undefined,
  lang: string,
  tour: ContentLanguages,
): ContentText | undefined {
  if (!map) return undefined;
  for (const candidate of [...contentOrder(lang, tour), ...Object.keys(map)]) {
    const text = map[candidate];
    if (text !== undefined && text.trim() !== '') {
      return { text, lang: candidate, fallback: candidate !== lang };
    }
  }
  return undefined;
}
