/**
 * Which language the interface speaks, decided in one place and independent of the tour on
 * screen: the visitor's language is theirs, a tour only decides which texts fall back.
 * Order: the link's `l=` → the visitor's own earlier choice → the first of the browser's
 * languages the UI has → the default. Pure: callers pass what they know.
 */

export interface LanguageSources {
  /** Languages the interface speaks, in the order the picker lists them. */
  available: readonly string[];
  /** Spoken when nothing else matches. */
  fallback: string;
  fromLink?: string | undefined;
  saved?: string | null | undefined;
  /** `navigator.languages`, in the visitor's order of preference. */
  browser?: readonly string[] | undefined;
}

export function chooseLanguage(sources: LanguageSources): string {
  const candidates = [sources.fromLink, sources.saved ?? undefined, ...(sources.browser ?? [])];
  for (const candidate of candidates) {
    const match = candidate ? matchLanguage(candidate, sources.available) : undefined;
    if (match) return match;
  }
  return sources.fallback;
}

/** `en-US` matches `en`; `zh-Hant-TW` matches `zh-Hant`, then `zh`. Case-insensitive. */
export function matchLanguage(tag: string, available: readonly string[]): string | undefined {
  const parts = tag.split(/[-_]/);
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('-').toLowerCase();
    const found = available.find((lang) => lang.toLowerCase() === prefix);
    if (found) return found;
  }
  return undefined;
}
