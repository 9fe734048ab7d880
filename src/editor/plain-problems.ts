/**
 * A problem as the editor says it. The catalogue's messages (problem-codes.ts, messages.ts)
 * are written for someone editing tour.json by hand — `thêm "en": "…"` — and stay so for the
 * command line. In the editor the author never sees the file: the message names the field by
 * its label and the fix by the button or box to use, in the words of the locale files
 * (locales/plain). Everything it needs is read from the tour at the problem's path.
 */
import { contentText } from '../core/language/content-fallback.ts';
import { languageNameIn } from '../core/language/names.ts';
import { isLanguageCode } from '../core/manifest/ids.ts';
import type { Problem, ProblemCode } from '../core/manifest/problems.ts';
import type { Tour } from '../core/manifest/schema.ts';
import type { EditorLanguage } from './i18n.ts';

type T = (key: string, options?: Record<string, unknown>) => string;

/** Codes with words of their own; every other code gets `plain_other` and its technical text. */
export const PLAIN_CODES = [
  'missing-translation',
  'empty-language-map',
  'empty-text',
  'too-long',
  'out-of-range',
  'invalid-url',
  'invalid-id',
  'invalid-language-code',
  'duplicate-scene-id',
  'duplicate-scene-alias',
  'duplicate-hotspot-id',
  'unknown-start-scene',
  'unknown-scene-target',
  'self-link',
  'unreachable-scene',
  'duplicate-language',
  'unknown-default-language',
  'unlisted-language',
  'unlisted-narration-language',
  'missing-file',
  'path-outside-tour',
  'path-backslash',
  'panorama-missing',
] as const satisfies readonly ProblemCode[];

const OWN = new Set<string>(PLAIN_CODES);

/** Codes about a whole scene: its path ends at the scene's id, which is not what to fix. */
const NO_FIELD = new Set<string>(['unreachable-scene']);

/** Keys of a tour, a scene and a hotspot, to the locale key of their label. */
const TOUR_FIELDS: Record<string, string> = {
  title: 'field_title',
  description: 'field_description',
  languages: 'plainField_languages',
  defaultLanguage: 'plainField_languages',
  startScene: 'plainField_startScene',
  id: 'plainField_tourId',
  credits: 'plainField_credits',
};
const SCENE_FIELDS: Record<string, string> = {
  id: 'field_id',
  aliases: 'field_aliases',
  title: 'field_title',
  description: 'field_description',
  panorama: 'plainField_panorama',
  startView: 'field_startView',
  hotspots: 'plainField_hotspots',
};
const HOTSPOT_FIELDS: Record<string, string> = {
  id: 'plainField_hotspotId',
  type: 'plainField_type',
  title: 'field_title',
  body: 'field_body',
  image: 'field_image',
  audio: 'field_audio',
  target: 'field_target',
  arrival: 'field_arrival',
  position: 'field_position',
  url: 'field_url',
};

/** The locale key of the label of the field at `path`, if the editor has one. */
export function fieldLabelKey(path: Problem['path']): string | undefined {
  if (path[0] !== 'scenes') return typeof path[0] === 'string' ? TOUR_FIELDS[path[0]] : undefined;
  const key = path[2];
  if (key === 'hotspots' && path.length > 4) return HOTSPOT_FIELDS[String(path[4])];
  if (key === 'narration') {
    const part = path[4];
    if (part === 'audio') return 'narration_audio';
    if (part === 'captions') return 'narration_captions';
    return part === 'text' ? 'field_narration' : 'field_narrationAudio';
  }
  if (key === 'panorama' && path[3] === 'credit') return 'field_credit';
  return typeof key === 'string' ? SCENE_FIELDS[key] : undefined;
}

/** The value at `path` in the tour (anything: the tour may be hand-written and wrong). */
function valueAt(tour: Tour, path: Problem['path']): unknown {
  let value: unknown = tour;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** "tiếng Anh và tiếng Pháp" / "English and French". */
function names(codes: readonly string[], lang: EditorLanguage): string {
  const all = codes.map((code) => languageNameIn(code, lang));
  const last = all.pop() ?? '';
  return all.length === 0 ? last : `${all.join(', ')} ${lang === 'vi' ? 'và' : 'and'} ${last}`;
}

/** The texts of the language map at `path` (only its strings). */
function mapAt(tour: Tour, path: Problem['path']): Record<string, string> {
  const map = valueAt(tour, path);
  if (typeof map !== 'object' || map === null) return {};
  return Object.fromEntries(
    Object.entries(map).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The name of the language a path ends at; none for a code no one knows (never show codes). */
function unlistedName(key: string | number | undefined, lang: EditorLanguage): string | undefined {
  if (typeof key !== 'string' || !isLanguageCode(key)) return undefined;
  const name = languageNameIn(key, lang);
  return name === key ? undefined : name;
}

export interface PlainProblem {
  /** "Tiêu đề: chưa có bản tiếng Anh. …" — label, then what to do. */
  text: string;
  /** True when the editor has no words of its own: show the technical text too. */
  generic: boolean;
}

/** The problem in the author's words, in the editor's language. */
export function plainProblem(
  problem: Problem,
  tour: Tour,
  lang: EditorLanguage,
  t: T,
): PlainProblem {
  const main = tour.defaultLanguage || tour.languages[0] || 'vi';
  const path = problem.path;
  let key = OWN.has(problem.code) ? `plain_${problem.code}` : 'plain_other';
  if (problem.code === 'empty-list' && (path[0] === 'scenes' || path[0] === 'languages')) {
    key = `plain_empty-${path[0]}`;
  }
  const unlisted = path.at(-1);
  const map = mapAt(tour, path);
  const missing = tour.languages.filter((code) => (map[code] ?? '').trim() === '');
  // What a visitor of the first missing language is shown instead (the viewer's rule).
  const shown = contentText(map, missing[0] ?? main, tour)?.lang ?? main;
  const text = t(key, {
    missing: names(missing, lang),
    fallback: languageNameIn(shown, lang),
    main: languageNameIn(main, lang),
    lang: unlistedName(unlisted, lang) ?? t('plainOtherLanguage'),
  });
  const label = NO_FIELD.has(problem.code) ? undefined : fieldLabelKey(path);
  return {
    text: label ? `${t(label)}: ${text}` : capitalize(text, lang),
    generic: key === 'plain_other',
  };
}

const capitalize = (text: string, lang: EditorLanguage): string =>
  text.charAt(0).toLocaleUpperCase(lang) + text.slice(1);
