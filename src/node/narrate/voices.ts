/**
 * Which espeak-ng voice speaks which tour language. The list of installed voices comes from
 * `espeak-ng --voices`, so a language works as soon as espeak-ng has it, and a missing one is
 * reported with what is installed instead.
 */

/** Preferred voices, best first; a language not listed uses espeak-ng's voice of that name. */
export const PREFERRED_VOICES: Readonly<Record<string, readonly string[]>> = {
  // Northern (Hà Nội) Vietnamese: the accent of national radio and television.
  vi: ['vi'],
  en: ['en-us', 'en'],
  fr: ['fr-fr', 'fr'],
  // Mandarin; espeak-ng has no voice called "zh".
  zh: ['cmn', 'zh'],
  ko: ['ko'],
  ja: ['ja'],
};

/**
 * Language names from `espeak-ng --voices`: the "Language" column and the codes in the "Other
 * Languages" column, e.g. `(en-gb 3)(en 2)`.
 */
export function parseVoiceList(output: string): Set<string> {
  const names = new Set<string>();
  for (const line of output.split('\n').slice(1)) {
    const columns = line.trim().split(/\s+/);
    if (columns[1]) names.add(columns[1].toLowerCase());
    for (const match of line.matchAll(/\(([A-Za-z0-9-]+) \d+\)/g)) {
      if (match[1]) names.add(match[1].toLowerCase());
    }
  }
  return names;
}

/** The voice for a language code (`vi`, `en`, `zh-Hant`…), or undefined when none is installed. */
export function chooseVoice(lang: string, installed: ReadonlySet<string>): string | undefined {
  const tag = lang.toLowerCase();
  const primary = tag.split('-')[0] ?? tag;
  const candidates = [
    ...(PREFERRED_VOICES[tag] ?? []),
    ...(PREFERRED_VOICES[primary] ?? []),
    tag,
    primary,
  ];
  return candidates.find((voice) => installed.has(voice));
}
