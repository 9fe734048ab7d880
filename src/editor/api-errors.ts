/**
 * The one place where a refusal of the editor's endpoint becomes words for the author. The
 * server answers with a short English reason ("exists", "busy"…, see the `refuse` calls in
 * src/node/editor-server/); the author must never read it, but a plain sentence in their
 * language that says what to do next. The sentences live in locales/defaults/.
 */
import en from './locales/defaults/en.json';
import vi from './locales/defaults/vi.json';

export type Localized = { vi: string; en: string };
type Key = keyof typeof vi & keyof typeof en;

const REASONS: ReadonlyMap<string, Key> = new Map(
  Object.entries({
    exists: 'apiError_exists',
    'bad tour': 'apiError_badTour',
    'bad manifest': 'apiError_badManifest',
    'bad request': 'apiError_badRequest',
    'bad json': 'apiError_badRequest',
    forbidden: 'apiError_forbidden',
    busy: 'apiError_busy',
    'file type not accepted': 'apiError_fileType',
    'file name too long or not allowed': 'apiError_fileName',
    'bad path': 'apiError_badPath',
    'not found': 'apiError_notFound',
    'internal error': 'apiError_internal',
    'method not allowed': 'apiError_notAllowed',
    'too large': 'apiError_tooLarge',
    'not writable': 'apiError_notWritable',
    'not media': 'apiError_notMedia',
    'narration failed': 'apiError_narrationFailed',
    'espeak-ng is missing': 'apiError_noSpeech',
    'nothing chosen': 'apiError_nothingChosen',
    'unknown tour': 'apiError_unknownTour',
    'no such target': 'apiError_noTarget',
    'folder not allowed': 'apiError_folderNotAllowed',
    'saved manifest not readable': 'apiError_savedUnreadable',
    'bad settings': 'apiError_badSettings',
    'tour has errors': 'apiError_tourHasErrors',
    'no public address': 'apiError_noPublicAddress',
    'bad site config': 'apiError_badSiteConfig',
    'bad address': 'apiError_badAddress',
    'no tours': 'apiError_noTours',
    'credentials not kept': 'apiError_credentialsNotKept',
    'no network': 'apiError_noNetwork',
    'build failed': 'apiError_buildFailed',
    offline: 'apiError_offline',
    'unexpected answer': 'apiError_unexpected',
  } satisfies Record<string, Key>),
);

/** A reason the server words itself (it names the language): matched by its start. */
const REASON_PREFIXES: ReadonlyArray<[string, Key]> = [
  ['espeak-ng has no voice for', 'apiError_noVoice'],
  // Not JSON at all: no editor endpoint answered (a static copy of the site, another server).
  ['HTTP 404', 'apiError_noEditorServer'],
  ['HTTP 405', 'apiError_noEditorServer'],
];

/** When the reason is unknown (a newer server, a proxy's page): what the status says. */
function byStatus(status: number): Key | undefined {
  if (status === 400) return 'apiError_badRequest';
  if (status === 403) return 'apiError_forbidden';
  if (status === 404) return 'apiError_notFound';
  if (status === 405) return 'apiError_notAllowed';
  if (status === 409) return 'apiError_exists';
  if (status === 413) return 'apiError_tooLarge';
  if (status === 415) return 'apiError_fileType';
  if (status === 503) return 'apiError_busy';
  if (status >= 500) return 'apiError_internal';
  return undefined;
}

const both = (key: Key, status: number): Localized => ({
  vi: vi[key].replace('{{status}}', String(status)),
  en: en[key].replace('{{status}}', String(status)),
});

/** Whether `reason` has a sentence of its own (not only its status's): for the unit test. */
export const hasOwnMessage = (reason: string): boolean =>
  REASONS.has(reason) || REASON_PREFIXES.some(([prefix]) => reason.startsWith(prefix));

/** The author's sentence, in both languages, for a refusal `reason` with HTTP `status`. */
export function refusalMessage(reason: string, status: number): Localized {
  const key =
    REASONS.get(reason) ??
    REASON_PREFIXES.find(([prefix]) => reason.startsWith(prefix))?.[1] ??
    byStatus(status) ??
    'apiError_other';
  return both(key, status);
}
