/**
 * Every problem code of the project, each keyed to its severity and to the one function that
 * writes its message (as Workbox keys its messages by code): a code cannot exist without its
 * text, and a text is only reached through its code. Build problems with `problem` or
 * `finding` (problems.ts), never by hand.
 *
 * Codes are stable: they are printed by `tour validate --json` and read by other tools.
 * Manifest texts live in messages.ts; the texts of the other codes are written here.
 */
import { closestMatch, messages, type ValueKind } from './messages.ts';
import type { LocalizedMessage, Severity } from './problem-basics.ts';
import { SITE_PROBLEMS } from '../publish-problems.ts';
import { MEDIA_PROBLEMS, ZIP_PROBLEMS } from '../media/problems.ts';
import { PANORAMA_PROBLEMS } from '../media/panorama-problems.ts';
import { SECURITY_PROBLEMS } from './security-problems.ts';
import { BODY_PROBLEMS } from './body-problems.ts';
import { NARRATION_PROBLEMS } from '../narration/problems.ts';

type M = LocalizedMessage;
/** For codes whose message needs nothing: pass `{}`. */
type None = Readonly<Record<string, never>>;

interface Entry<D> {
  severity: Severity;
  message: (details: D) => M;
}

function error(message: () => M): Entry<None>;
function error<D>(message: (details: D) => M): Entry<D>;
function error<D>(message: (details: D) => M): Entry<D> {
  return { severity: 'error', message };
}

function warning<D>(message: (details: D) => M): Entry<D> {
  return { severity: 'warning', message };
}

/** What the JSON reader met, as the parser names it; `not-json` is a downloaded file. */
export type JsonSyntax =
  | {
      error:
        | 'empty'
        | 'trailing-comma'
        | 'missing-comma'
        | 'comment'
        | 'unclosed-text'
        | 'backslash'
        | 'missing-colon'
        | 'field-name-expected'
        | 'value-expected'
        | 'extra-content'
        | 'bad-number'
        | 'single-quotes'
        | 'other'
        | 'not-json';
    }
  | { error: 'missing-close'; close: string; open: string }
  | { error: 'bare-word'; word: string };

function jsonSyntaxMessage(syntax: JsonSyntax): M {
  switch (syntax.error) {
    case 'empty':
      return messages.jsonEmpty();
    case 'trailing-comma':
      return messages.jsonTrailingComma();
    case 'missing-comma':
      return messages.jsonMissingComma();
    case 'comment':
      return messages.jsonComment();
    case 'unclosed-text':
      return messages.jsonUnclosedText();
    case 'backslash':
      return messages.jsonBackslash();
    case 'missing-close':
      return messages.jsonMissingClose(syntax.close, syntax.open);
    case 'missing-colon':
      return messages.jsonMissingColon();
    case 'field-name-expected':
      return messages.jsonFieldNameExpected();
    case 'value-expected':
      return messages.jsonValueExpected();
    case 'extra-content':
      return messages.jsonExtraContent();
    case 'bad-number':
      return messages.jsonBadNumber();
    case 'single-quotes':
      return messages.jsonSingleQuotes();
    case 'bare-word':
      return messages.jsonBareWord(syntax.word);
    case 'not-json':
      return {
        vi: 'Tệp không phải JSON hợp lệ. Xuất bản lại hoặc sửa tệp.',
        en: 'The file is not valid JSON. Publish again or fix the file.',
      };
    default:
      return messages.jsonOther();
  }
}

/** A reference to a scene (start scene, hotspot target) that names no scene. */
interface SceneRef {
  ref: string;
  /** The field holding it: "startScene" or "target". */
  field: string;
  /** The scene whose old id (alias) `ref` is, if it is one. */
  aliasOf?: string;
  ids: readonly string[];
}

const sceneRefMessage = ({ ref, field, aliasOf, ids }: SceneRef): M =>
  aliasOf
    ? messages.sceneIsAlias(ref, field, aliasOf)
    : messages.unknownScene(ref, ids, closestMatch(ref, ids));

/** The bounds come from the schema, so the message cannot drift from the rule. */
function rangeMessage(d: { key: string; value: unknown; min?: number; max?: number }): M {
  const { key, value, min, max } = d;
  if (min === undefined || max === undefined) return messages.numberOutOfRange(value, min, max);
  if (key === 'zoom') return messages.zoomOutOfRange(value, min, max);
  if (key === 'yaw' || key === 'pitch') return messages.angleOutOfRange(key, value, min, max);
  return messages.numberOutOfRange(value, min, max);
}

/** The WAV troubles `readWav` and `joinWavs` name (English text is the technical one). */
export type WavTrouble =
  | 'no-riff'
  | 'short-fmt'
  | 'data-before-fmt'
  | 'no-data'
  | 'no-fmt'
  | 'inconsistent-fmt'
  | 'nothing-to-join'
  | 'mixed-formats'
  | { unsupportedFormat: number };

function wavTrouble(trouble: WavTrouble): M {
  if (typeof trouble === 'object') {
    const n = trouble.unsupportedFormat;
    return { vi: `định dạng WAV ${n} không được hỗ trợ`, en: `unsupported WAV format ${n}` };
  }
  const texts: Record<Exclude<WavTrouble, object>, M> = {
    'no-riff': {
      vi: 'không phải tệp WAV (không có đầu RIFF/WAVE)',
      en: 'not a WAV file (no RIFF/WAVE header)',
    },
    'short-fmt': { vi: 'khối fmt quá ngắn', en: 'short fmt chunk' },
    'data-before-fmt': { vi: 'khối data đứng trước khối fmt', en: 'data chunk before fmt chunk' },
    'no-data': { vi: 'không có khối data', en: 'no data chunk' },
    'no-fmt': { vi: 'không có khối fmt', en: 'no fmt chunk' },
    'inconsistent-fmt': { vi: 'khối fmt không nhất quán', en: 'inconsistent fmt chunk' },
    'nothing-to-join': { vi: 'không có gì để nối', en: 'nothing to join' },
    'mixed-formats': {
      vi: 'các đoạn có định dạng mẫu khác nhau',
      en: 'the parts have different sample formats',
    },
  };
  return texts[trouble];
}

export const PROBLEMS = {
  // ── tour.json: JSON syntax ─────────────────────────────────────────────────
  'too-deep': error((d: { limit: number }) => messages.jsonTooDeep(d.limit)),
  'invalid-json': error(jsonSyntaxMessage),
  'duplicate-key': error((d: { key: string }) => messages.duplicateKey(d.key)),

  // ── tour.json: shape (schema) ──────────────────────────────────────────────
  'missing-property': error((d: { key: string; example: string | M }) =>
    messages.missingField(d.key, d.example),
  ),
  'wrong-type': error(
    (
      d:
        | { numberInQuotes: string }
        | { expected: ValueKind; received: ValueKind; example: string | M },
    ) =>
      'numberInQuotes' in d
        ? messages.numberInQuotes(d.numberInQuotes)
        : messages.wrongType(d.expected, d.received, d.example),
  ),
  'unknown-property': error(
    (d: { key: string; suggestion: string | undefined; known: readonly string[] }) =>
      messages.unknownField(d.key, d.suggestion, d.known),
  ),
  'unsupported-version': error((d: { value: unknown }) => messages.unsupportedVersion(d.value)),
  'invalid-value': error(
    (d: { value: unknown; allowed: readonly unknown[] } | { detail: string }) =>
      'detail' in d ? messages.invalidValue(d.detail) : messages.notAllowed(d.value, d.allowed),
  ),
  'unknown-hotspot-type': error((d: { value: unknown }) => messages.unknownHotspotType(d.value)),
  'empty-language-map': error((d: { isAudio: boolean }) => messages.emptyLanguageMap(d.isAudio)),
  'out-of-range': error(rangeMessage),
  'too-long': error((d: { max: number }) => messages.tooLong(d.max)),
  'empty-list': error((d: { key: string; min: number }) => messages.emptyList(d.key, d.min)),
  /** An empty field (`isPath`: a file path), or a language map blank in every language. */
  'empty-text': error((d: { isPath: boolean } | { blankEverywhere: true }) =>
    'blankEverywhere' in d ? messages.blankInEveryLanguage() : messages.emptyText(d.isPath),
  ),
  'invalid-url': error((d: { value: string }) => messages.invalidUrl(d.value)),
  'invalid-id': error((d: { value: string; suggestion: string }) =>
    messages.invalidId(d.value, d.suggestion),
  ),
  'invalid-language-code': error((d: { value: string; suggestion: string | undefined }) =>
    messages.invalidLanguageCode(d.value, d.suggestion),
  ),
  'invalid-format': error((d: { detail: string }) => messages.invalidValue(d.detail)),
  'invalid-key': error((d: { detail: string }) => messages.invalidValue(d.detail)),

  // ── tour.json: meaning ─────────────────────────────────────────────────────
  'duplicate-scene-id': error((d: { id: string; otherScene: number }) =>
    messages.duplicateSceneId(d.id, d.otherScene),
  ),
  /** An alias equal to a scene's id (`sceneNumber`) or to another scene's alias (`owner`). */
  'duplicate-scene-alias': error(
    (d: { alias: string; sceneNumber: number } | { alias: string; owner: string }) =>
      'owner' in d
        ? messages.aliasTaken(d.alias, d.owner)
        : messages.aliasIsSceneId(d.alias, d.sceneNumber),
  ),
  'duplicate-hotspot-id': error((d: { id: string }) => messages.duplicateHotspotId(d.id)),
  'unknown-start-scene': error(sceneRefMessage),
  'unknown-scene-target': error(sceneRefMessage),
  // An error, not a warning: the viewer's virtual-tour plugin refuses a node linking to itself.
  'self-link': error((d: { id: string }) => messages.selfLink(d.id)),
  'unreachable-scene': warning((d: { id: string; start: string }) =>
    messages.unreachableScene(d.id, d.start),
  ),
  'duplicate-language': error((d: { lang: string }) => messages.duplicateLanguage(d.lang)),
  'unknown-default-language': error((d: { lang: string; languages: readonly string[] }) =>
    messages.unknownDefaultLanguage(d.lang, d.languages),
  ),
  'unlisted-language': warning((d: { lang: string; languages: readonly string[] }) =>
    messages.unlistedLanguage(d.lang, d.languages),
  ),
  'unlisted-narration-language': warning((d: { lang: string; languages: readonly string[] }) =>
    messages.unlistedNarrationLanguage(d.lang, d.languages),
  ),
  'missing-translation': warning((d: { missing: readonly string[]; fallback: string }) =>
    messages.missingTranslation(d.missing, d.fallback),
  ),
  /** One missing file (`path`), or the missing tiles of a tile set. */
  'missing-file': error(
    (d: { path: string } | { firstTile: string; missing: number; total: number }) =>
      'path' in d
        ? messages.missingFile(d.path)
        : messages.missingTiles(d.firstTile, d.missing, d.total),
  ),
  'path-backslash': error((d: { path: string; fixed: string }) =>
    messages.pathBackslash(d.path, d.fixed),
  ),
  'path-outside-tour': error((d: { path: string; reason: 'url' | 'absolute' | 'escapes' }) =>
    d.reason === 'url'
      ? messages.pathUrl(d.path)
      : d.reason === 'absolute'
        ? messages.pathAbsolute(d.path)
        : messages.pathEscapes(d.path),
  ),
  'panorama-missing': error(() => messages.panoramaMissing()),
  'panorama-kinds': error((d: { kinds: string }) => messages.panoramaKinds(d.kinds)),
  'panorama-mixed': error((d: { family: string; first: string }) =>
    messages.panoramaMixed(d.family, d.first),
  ),
  'tile-template': error((d: { missing: string }) => messages.tileTemplate(d.missing)),

  // ── Tour folder ────────────────────────────────────────────────────────────
  'missing-manifest': error((d: { dir: string }) => messages.missingManifest(d.dir)),
  'unreadable-manifest': error((d: { reason: string }) => messages.unreadableManifest(d.reason)),
  'folder-id-mismatch': error((d: { folder: string; id: string; folderIsId: boolean }) =>
    messages.folderIdMismatch(d.folder, d.id, d.folderIsId),
  ),

  // ── Published files, fetched by the browser (the URL is the problem's file) ──
  network: error((d: { detail: string }) => ({
    vi: `Không tải được (${d.detail}). Kiểm tra kết nối mạng rồi thử lại.`,
    en: `Could not be loaded (${d.detail}). Check the connection and try again.`,
  })),
  'not-found': error(() => ({
    vi: 'Không có tệp này trên trang. Kiểm tra địa chỉ hoặc xuất bản lại.',
    en: 'This file is not on the site. Check the address or publish again.',
  })),
  'catalogue-invalid': error((d: { detail: string }) => ({
    vi: `Danh mục tour không đúng dạng: ${d.detail}`,
    en: `The tour list is not in the expected form: ${d.detail}`,
  })),
  'tour-invalid': error((d: { detail: string }) => ({
    vi: `Tour không đúng dạng: ${d.detail}`,
    en: `The tour is not in the expected form: ${d.detail}`,
  })),
  'kiosk-profile-invalid': error((d: { detail: string }) => ({
    vi: `Cấu hình kiosk không đúng: ${d.detail}`,
    en: `The kiosk configuration is wrong: ${d.detail}`,
  })),
  'file-list-invalid': error((d: { detail: string }) => ({
    vi: `Danh sách tệp của tour không đúng dạng: ${d.detail}`,
    en: `The tour's file list is not in the expected form: ${d.detail}`,
  })),

  // ── Editor: a tour zip, a panorama picked for upload (the file name is the problem's file).
  // The same words as the editor's locale files (src/editor/locales), which show them.
  'zip-bad-path': error((d: { name: string }) => ({
    vi: `Từ chối tệp zip: tên tệp "${d.name}" dẫn ra ngoài thư mục tour. Không tệp nào được chép.`,
    en: `Zip refused: the file name "${d.name}" leads outside the tour folder. Nothing was copied.`,
  })),
  'zip-unreadable': error(() => ({
    vi: 'Tệp này không phải tệp zip đọc được.',
    en: 'This file is not a zip that can be read.',
  })),
  'zip-no-manifest': error(() => ({
    vi: 'Từ chối tệp zip: không có tour.json ở thư mục gốc.',
    en: 'Zip refused: it has no tour.json at the top.',
  })),
  'zip-bad-json': error(() => ({
    vi: 'Từ chối tệp zip: tour.json không phải JSON hợp lệ.',
    en: 'Zip refused: its tour.json is not valid JSON.',
  })),
  'image-not-readable': error((d: { name: string }) => ({
    vi: `${d.name} không phải ảnh JPEG, PNG hay WebP mà trình duyệt đọc được. Hãy mở ảnh trong ứng dụng ảnh rồi lưu lại dạng JPEG.`,
    en: `${d.name} is not a JPEG, PNG or WebP image that the browser can read. Open it in a photo app and save it again as a JPEG.`,
  })),
  // Panoramas for new scenes: ratio, stereo pairs, size, transparency (./panorama-problems.ts).
  ...PANORAMA_PROBLEMS,

  // ── Captions ───────────────────────────────────────────────────────────────
  'missing-header': error(() => ({
    vi: 'Tệp phụ đề không bắt đầu bằng dòng "WEBVTT". Cách sửa: thêm dòng WEBVTT ở đầu tệp, rồi một dòng trống.',
    en: 'The captions file does not start with the line "WEBVTT". Fix: add WEBVTT as its first line, then an empty line.',
  })),

  // ── Narration (tour narrate) ───────────────────────────────────────────────
  // Programs, voices, text: ./narration/problems.ts
  ...NARRATION_PROBLEMS,
  /** A WAV that cannot be read or joined; `by` names the program that wrote it. */
  'wav-unreadable': error((d: { trouble: WavTrouble; by?: string }) => {
    const trouble = wavTrouble(d.trouble);
    return d.by
      ? {
          vi: `${d.by} đã ghi một tệp WAV không đọc được: ${trouble.vi}`,
          en: `${d.by} wrote an unreadable WAV: ${trouble.en}`,
        }
      : trouble;
  }),
  'write-failed': error((d: { detail: string }) => ({
    vi: `không ghi được tệp (${d.detail})`,
    en: d.detail,
  })),

  // ── Import (tour import) ───────────────────────────────────────────────────
  'source-not-found': error((d: { path: string }) => ({
    vi: `${d.path}: không tìm thấy`,
    en: `${d.path}: not found`,
  })),
  'source-unreadable': error((d: { path: string; detail: string }) => ({
    vi: `${d.path}: không đọc được (${d.detail})`,
    en: `${d.path}: ${d.detail}`,
  })),
  'source-invalid-json': error((d: { path: string; detail: string }) => ({
    vi: `${d.path}: không phải JSON hợp lệ (${d.detail})`,
    en: `${d.path}: not valid JSON (${d.detail})`,
  })),
  'source-invalid-script': error((d: { path: string; detail: string }) => ({
    vi: `${d.path}: không đọc được mã JavaScript (${d.detail}). Cách sửa: mở tệp trong trình soạn thảo, sửa dòng được chỉ ra, rồi nhập lại`,
    en: `${d.path}: the JavaScript cannot be read (${d.detail}). Fix: open the file in an editor, mend the line named, then import again`,
  })),
  'no-pannellum-viewer': error((d: { path: string }) => ({
    vi: `${d.path}: không thấy lệnh "pannellum.viewer(…, {…})" nào có cấu hình. Cách sửa: chỉ vào tệp .json, .js hoặc .html có cấu hình của tour`,
    en: `${d.path}: no "pannellum.viewer(…, {…})" call with a configuration found. Fix: point at the .json, .js or .html file that holds the tour's configuration`,
  })),
  'not-pannellum': error((d: { path: string }) => ({
    vi: `${d.path}: không phải cấu hình Pannellum (không có "scenes", "panorama", "cubeMap" hay "multiRes")`,
    en: `${d.path}: not a Pannellum configuration (no "scenes", "panorama", "cubeMap" or "multiRes")`,
  })),
  'not-marzipano': error((d: { path: string; reason: 'no-object' | 'no-scenes' }) =>
    d.reason === 'no-object'
      ? {
          vi: `${d.path}: data.js không chứa khối dữ liệu nào (cần "var APP_DATA = {…}")`,
          en: `${d.path}: data.js holds no object (expected "var APP_DATA = {…}")`,
        }
      : {
          vi: `${d.path}: data.js không phải bản xuất của Marzipano Tool (không có danh sách "scenes")`,
          en: `${d.path}: data.js is not a Marzipano Tool export (no "scenes" list)`,
        },
  ),
  'source-empty': error((d: { path: string }) => ({
    vi: `${d.path}: không thấy data.js của Marzipano hay cấu hình Pannellum nào`,
    en: `${d.path}: no Marzipano data.js nor Pannellum configuration found`,
  })),
  'source-not-zip': error((d: { path: string }) => ({
    vi: `${d.path}: không phải tệp zip`,
    en: `${d.path}: not a zip file`,
  })),
  'source-bad-path': error((d: { path: string; name: string; reason: string }) => ({
    vi: `${d.path}: từ chối, "${d.name}" (${d.reason})`,
    en: `${d.path}: refused, "${d.name}" (${d.reason})`,
  })),

  // ── The editor's HTTP contract (src/core/editor-protocol.ts; terse: answers echo no internals)
  'request-not-json': error(() => ({ vi: 'nội dung không phải JSON', en: 'bad json' })),
  'request-invalid': error(() => ({ vi: 'yêu cầu không hợp lệ', en: 'bad request' })),
  'request-too-large': error(() => ({ vi: 'nội dung quá lớn', en: 'too large' })),

  // ── Site settings and publishing (texts in src/core/publish-problems.ts) ──
  ...SITE_PROBLEMS,

  // ── Files entering a tour: media kinds, zips unpacked (texts in src/core/media/problems.ts)
  ...MEDIA_PROBLEMS,
  ...ZIP_PROBLEMS,

  // ── Hostile tours: sizes and addresses (texts in ./security-problems.ts)
  ...SECURITY_PROBLEMS,

  // ── Info bodies the viewer shows otherwise than meant (texts in ./body-problems.ts)
  ...BODY_PROBLEMS,
} satisfies Record<string, Entry<never>>;

/** Every code a problem can have. */
export type ProblemCode = keyof typeof PROBLEMS;

/** What the message of `code` is written from. */
export type ProblemDetails<C extends ProblemCode> = Parameters<(typeof PROBLEMS)[C]['message']>[0];
