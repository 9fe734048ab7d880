/**
 * What the validator says, in Vietnamese and English. Written for a volunteer who edits
 * tour.json by hand and is not a programmer: say what is wrong in plain words, then the fix.
 * The JSON path and line are shown beside the message, so messages need not repeat them.
 */
import { ID_PATTERN } from './ids.ts';
import type { LocalizedMessage } from './problem-basics.ts';

type M = LocalizedMessage;

/** How a value looks to the author. */
export type ValueKind =
  'text' | 'number' | 'list' | 'object' | 'language-map' | 'boolean' | 'null' | 'other';

const KINDS: Record<ValueKind, M> = {
  text: { vi: 'chữ (đặt trong ngoặc kép "…")', en: 'text (in double quotes "…")' },
  number: { vi: 'một số (không có ngoặc kép)', en: 'a number (without quotes)' },
  list: { vi: 'một danh sách [ … ]', en: 'a list [ … ]' },
  object: { vi: 'một khối { … }', en: 'a block { … }' },
  'language-map': {
    vi: 'chữ theo từng ngôn ngữ {"vi": "…", "en": "…"}',
    en: 'text per language {"vi": "…", "en": "…"}',
  },
  boolean: { vi: 'true hoặc false', en: 'true or false' },
  null: { vi: 'null (giá trị rỗng)', en: 'null (an empty value)' },
  other: { vi: 'một giá trị khác', en: 'something else' },
};

const LANGUAGE_NAMES: Record<string, M> = {
  vi: { vi: 'tiếng Việt', en: 'Vietnamese' },
  en: { vi: 'tiếng Anh', en: 'English' },
  fr: { vi: 'tiếng Pháp', en: 'French' },
  zh: { vi: 'tiếng Trung', en: 'Chinese' },
  ja: { vi: 'tiếng Nhật', en: 'Japanese' },
  ko: { vi: 'tiếng Hàn', en: 'Korean' },
  de: { vi: 'tiếng Đức', en: 'German' },
  ru: { vi: 'tiếng Nga', en: 'Russian' },
  es: { vi: 'tiếng Tây Ban Nha', en: 'Spanish' },
  th: { vi: 'tiếng Thái', en: 'Thai' },
  km: { vi: 'tiếng Khmer', en: 'Khmer' },
  lo: { vi: 'tiếng Lào', en: 'Lao' },
};

/** Code samples read the same in every language. */
const localized = (text: string | M): M =>
  typeof text === 'string' ? { vi: text, en: text } : text;

const quote = (value: string): string => JSON.stringify(value);
const quoted = (values: readonly string[]): string => values.map(quote).join(', ');

/** "a, b or c" in each language. */
export function orList(values: readonly unknown[]): M {
  const items = values.map((value) => JSON.stringify(value));
  const last = items.pop();
  if (items.length === 0) return { vi: last ?? '', en: last ?? '' };
  return { vi: `${items.join(', ')} hoặc ${last}`, en: `${items.join(', ')} or ${last}` };
}

/** Long lists of ids are cut: the author needs a hint, not the whole tour. */
function someOf(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown}, …` : shown;
}

/** `en (English)` / `en (tiếng Anh)`. */
function languageLabel(code: string): M {
  const name = LANGUAGE_NAMES[code.split('-')[0] ?? code];
  return name ? { vi: `${code} (${name.vi})`, en: `${code} (${name.en})` } : { vi: code, en: code };
}

function languageLabels(codes: readonly string[]): M {
  const labels = codes.map(languageLabel);
  return { vi: labels.map((l) => l.vi).join(', '), en: labels.map((l) => l.en).join(', ') };
}

/** Read from the pattern itself, so the message follows the rule when the rule changes. */
const ID_MAX_LENGTH = (() => {
  let length = 1;
  while (length < 1000 && ID_PATTERN.test('a'.repeat(length + 1))) length++;
  return length;
})();

const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many);

/** Asset hint shared by the path messages. */
const COPY_INTO_TOUR: M = {
  vi: 'chép tệp vào thư mục của chuyến tham quan rồi ghi đường dẫn tính từ đó, ví dụ "panoramas/hall.jpg"',
  en: 'copy the file into the tour folder and write its path from there, e.g. "panoramas/hall.jpg"',
};

const ANGLES: Record<string, M> = {
  yaw: { vi: 'Góc ngang (yaw)', en: 'The horizontal angle (yaw)' },
  pitch: { vi: 'Góc dọc (pitch)', en: 'The vertical angle (pitch)' },
};

export const messages = {
  // ── JSON syntax ────────────────────────────────────────────────────────────
  jsonEmpty: (): M => ({
    vi: 'Tệp đang trống. Cách sửa: bắt đầu từ tệp mẫu tours/demo/tour.json, hoặc viết một khối { … } chứa các mục của chuyến tham quan.',
    en: 'The file is empty. Fix: start from the sample tours/demo/tour.json, or write one block { … } with the fields of the tour.',
  }),
  jsonTooDeep: (limit: number): M => ({
    vi: `Các khối { } hoặc [ ] lồng vào nhau quá ${limit} tầng; tour.json không bao giờ cần sâu như vậy. Cách sửa: kiểm tra các dấu ngoặc quanh chỗ này — có thể thiếu dấu đóng hoặc thừa dấu mở.`,
    en: `Blocks { } or lists [ ] are nested more than ${limit} deep here; a tour.json never needs that. Fix: check the brackets around this place — a closing one may be missing or an opening one doubled.`,
  }),
  jsonTrailingComma: (): M => ({
    vi: 'Có dấu phẩy thừa sau mục cuối cùng của danh sách hoặc khối. Cách sửa: xoá dấu "," này.',
    en: 'There is a comma after the last item of a list or block. Fix: remove this ",".',
  }),
  jsonMissingComma: (): M => ({
    vi: 'Thiếu dấu phẩy giữa hai mục. Cách sửa: thêm dấu "," vào cuối mục phía trước (thường là cuối dòng bên trên).',
    en: 'A comma is missing between two items. Fix: add "," at the end of the previous item (usually at the end of the line above).',
  }),
  jsonComment: (): M => ({
    vi: 'Tệp tour.json không được chứa chú thích (// … hoặc /* … */). Cách sửa: xoá chú thích này.',
    en: 'Comments (// … or /* … */) are not allowed in tour.json. Fix: remove this comment.',
  }),
  jsonUnclosedText: (): M => ({
    vi: 'Một đoạn chữ chưa được đóng lại. Cách sửa: thêm dấu ngoặc kép " ở cuối đoạn chữ, trên cùng một dòng.',
    en: 'A text is not closed. Fix: add the closing double quote " at its end, on the same line.',
  }),
  jsonBackslash: (): M => ({
    vi: 'Dấu gạch chéo ngược \\ trong chữ có nghĩa đặc biệt. Cách sửa: trong đường dẫn tệp hãy dùng dấu /; nếu thật sự cần dấu \\ thì viết \\\\.',
    en: 'A backslash \\ in text has a special meaning. Fix: use / in file paths; if you really need a backslash, write \\\\.',
  }),
  jsonMissingClose: (close: string, open: string): M => ({
    vi: `Thiếu dấu "${close}" để đóng "${open}" đã mở ở trên. Cách sửa: thêm "${close}" vào đúng chỗ.`,
    en: `A closing "${close}" is missing for an "${open}" above. Fix: add "${close}" where it belongs.`,
  }),
  jsonMissingColon: (): M => ({
    vi: 'Thiếu dấu hai chấm sau tên mục. Cách sửa: viết theo dạng "tên": giá trị.',
    en: 'A colon is missing after the field name. Fix: write "name": value.',
  }),
  jsonFieldNameExpected: (): M => ({
    vi: 'Ở đây cần một tên mục trong ngoặc kép, ví dụ "title". Cách sửa: kiểm tra dấu ngoặc kép và dấu phẩy quanh chỗ này.',
    en: 'A field name in double quotes is expected here, e.g. "title". Fix: check the quotes and commas around this point.',
  }),
  jsonValueExpected: (): M => ({
    vi: 'Ở đây cần một giá trị: chữ trong ngoặc kép, một số, một danh sách [ … ] hoặc một khối { … }. Cách sửa: điền giá trị còn thiếu hoặc xoá dấu phẩy thừa.',
    en: 'A value is expected here: text in double quotes, a number, a list [ … ] or a block { … }. Fix: fill in the missing value or remove an extra comma.',
  }),
  jsonExtraContent: (): M => ({
    vi: 'Còn nội dung sau khi khối chính đã đóng. Cách sửa: toàn bộ tệp phải là một khối { … } duy nhất; xoá phần thừa phía sau hoặc kiểm tra xem có thừa dấu "}" không.',
    en: 'There is more after the end of the main block. Fix: the whole file must be a single block { … }; remove what follows, or look for an extra "}".',
  }),
  jsonBadNumber: (): M => ({
    vi: 'Số này viết chưa đúng. Cách sửa: chỉ dùng chữ số, dấu trừ và dấu chấm thập phân, ví dụ 12.5 hoặc -30.',
    en: 'This number is not written correctly. Fix: use only digits, a minus sign and a decimal dot, e.g. 12.5 or -30.',
  }),
  jsonSingleQuotes: (): M => ({
    vi: 'Chữ phải đặt trong ngoặc kép "…", không dùng dấu nháy đơn \'…\'. Cách sửa: thay \' bằng ".',
    en: 'Text must be in double quotes "…", not single quotes \'…\'. Fix: replace \' with ".',
  }),
  jsonBareWord: (word: string): M => ({
    vi: `"${word}" không phải là giá trị hợp lệ. Cách sửa: đặt chữ trong ngoặc kép ("${word}"); chỉ true, false và null (viết thường) được viết không có ngoặc kép.`,
    en: `"${word}" is not a valid value. Fix: put text in double quotes ("${word}"); only true, false and null (lowercase) are written without quotes.`,
  }),
  jsonOther: (): M => ({
    vi: 'Tệp không đúng định dạng JSON tại đây. Cách sửa: kiểm tra dấu ngoặc kép, dấu phẩy và các dấu ngoặc quanh chỗ này.',
    en: 'The file is not valid JSON here. Fix: check the quotes, commas and brackets around this point.',
  }),
  duplicateKey: (key: string): M => ({
    vi: `Mục "${key}" xuất hiện hai lần trong cùng một khối; chỉ lần cuối cùng được tính. Cách sửa: giữ lại một lần và xoá lần kia.`,
    en: `The field "${key}" appears twice in the same block; only the last one counts. Fix: keep one and remove the other.`,
  }),

  // ── Shape (schema) ─────────────────────────────────────────────────────────
  missingField: (key: string, example: string | M): M => {
    const sample = localized(example);
    return {
      vi: `Thiếu mục bắt buộc "${key}". Cách sửa: thêm "${key}": ${sample.vi}`,
      en: `The required field "${key}" is missing. Fix: add "${key}": ${sample.en}`,
    };
  },
  wrongType: (expected: ValueKind, received: ValueKind, example: string | M): M => ({
    vi: `Ở đây cần ${KINDS[expected].vi}, nhưng lại là ${KINDS[received].vi}. Cách sửa: viết theo dạng ${localized(example).vi}`,
    en: `This should be ${KINDS[expected].en}, but it is ${KINDS[received].en}. Fix: write it as ${localized(example).en}`,
  }),
  numberInQuotes: (text: string): M => ({
    vi: `Ở đây cần một số, nhưng "${text}" lại nằm trong ngoặc kép nên bị coi là chữ. Cách sửa: bỏ ngoặc kép, viết ${text.trim()}`,
    en: `This should be a number, but "${text}" is in quotes, which makes it text. Fix: remove the quotes: ${text.trim()}`,
  }),
  unknownField: (key: string, suggestion: string | undefined, known: readonly string[]): M =>
    suggestion
      ? {
          vi: `"${key}" không phải là mục hợp lệ ở đây. Cách sửa: có phải bạn muốn viết "${suggestion}"? Nếu không, hãy xoá mục này.`,
          en: `"${key}" is not a known field here. Fix: did you mean "${suggestion}"? Otherwise remove it.`,
        }
      : {
          vi: `"${key}" không phải là mục hợp lệ ở đây. Cách sửa: xoá mục này hoặc kiểm tra chính tả; các mục được dùng ở đây: ${known.join(', ')}.`,
          en: `"${key}" is not a known field here. Fix: remove it or check its spelling; the fields allowed here are: ${known.join(', ')}.`,
        },
  angleOutOfRange: (key: string, value: unknown, min: number, max: number): M => {
    const what = ANGLES[key] ?? { vi: 'Góc này', en: 'This angle' };
    return {
      vi: `${what.vi} phải nằm trong khoảng từ ${min} đến ${max} độ, nhưng đang là ${String(value)}. Cách sửa: chọn một giá trị trong khoảng đó${key === 'pitch' ? ' (-90 là nhìn thẳng xuống, 90 là nhìn thẳng lên)' : ''}.`,
      en: `${what.en} must be between ${min} and ${max} degrees, but it is ${String(value)}. Fix: use a value in that range${key === 'pitch' ? ' (-90 looks straight down, 90 straight up)' : ''}.`,
    };
  },
  zoomOutOfRange: (value: unknown, min: number, max: number): M => ({
    vi: `Mức phóng to (zoom) phải nằm trong khoảng từ ${min} (rộng nhất) đến ${max} (gần nhất), nhưng đang là ${String(value)}. Cách sửa: chọn một giá trị trong khoảng đó.`,
    en: `The zoom must be between ${min} (widest) and ${max} (closest), but it is ${String(value)}. Fix: use a value in that range.`,
  }),
  numberOutOfRange: (value: unknown, min: number | undefined, max: number | undefined): M => ({
    vi: `Số ${String(value)} nằm ngoài giới hạn cho phép (${min ?? '…'} đến ${max ?? '…'}). Cách sửa: chọn một số trong khoảng đó.`,
    en: `${String(value)} is out of the allowed range (${min ?? '…'} to ${max ?? '…'}). Fix: use a number in that range.`,
  }),
  emptyList: (key: string, min: number): M =>
    key === 'scenes'
      ? {
          vi: 'Chuyến tham quan chưa có cảnh nào. Cách sửa: thêm ít nhất một cảnh vào "scenes".',
          en: 'The tour has no scene. Fix: add at least one scene to "scenes".',
        }
      : key === 'languages'
        ? {
            vi: 'Chưa có ngôn ngữ nào. Cách sửa: liệt kê các ngôn ngữ của chuyến tham quan, ví dụ ["vi", "en"].',
            en: 'No language is listed. Fix: list the languages of the tour, e.g. ["vi", "en"].',
          }
        : {
            vi: `Danh sách này cần ít nhất ${min} mục. Cách sửa: thêm mục còn thiếu.`,
            en: `This list needs at least ${min} ${plural(min, 'item', 'items')}. Fix: add the missing ${plural(min, 'item', 'items')}.`,
          },
  emptyText: (isPath: boolean): M =>
    isPath
      ? {
          vi: 'Đường dẫn tệp đang trống. Cách sửa: ghi đường dẫn của tệp tính từ thư mục chuyến tham quan, ví dụ "panoramas/hall.jpg".',
          en: 'The file path is empty. Fix: write the path of the file inside the tour folder, e.g. "panoramas/hall.jpg".',
        }
      : {
          vi: 'Mục này đang trống. Cách sửa: điền nội dung vào.',
          en: 'This is empty. Fix: fill it in.',
        },
  tooLong: (max: number): M => ({
    vi: `Giá trị này quá dài (tối đa ${max}). Cách sửa: rút ngắn lại.`,
    en: `This is too long (at most ${max}). Fix: shorten it.`,
  }),
  invalidId: (value: string, suggestion: string): M => ({
    vi: `Không dùng được "${value}" làm mã (id): mã chỉ gồm chữ thường a–z không dấu, chữ số, "-" và "_", bắt đầu bằng chữ hoặc số, dài tối đa ${ID_MAX_LENGTH} ký tự, vì mã xuất hiện trong đường link và mã QR. Cách sửa: dùng "${suggestion}".`,
    en: `"${value}" cannot be used as an id: ids have only lowercase letters a–z without accents, digits, "-" and "_", start with a letter or digit and have at most ${ID_MAX_LENGTH} characters, because they appear in links and QR codes. Fix: use "${suggestion}".`,
  }),
  invalidLanguageCode: (value: string, suggestion: string | undefined): M => ({
    vi: `"${value}" không phải là mã ngôn ngữ. Cách sửa: dùng mã ngắn viết thường như "vi" (tiếng Việt), "en" (tiếng Anh), "fr" (tiếng Pháp)${suggestion ? ` — ở đây có lẽ là "${suggestion}"` : ''}.`,
    en: `"${value}" is not a language code. Fix: use a short lowercase code such as "vi" (Vietnamese), "en" (English), "fr" (French)${suggestion ? ` — here probably "${suggestion}"` : ''}.`,
  }),
  invalidUrl: (value: string): M => ({
    vi: `"${value}" không phải là một địa chỉ web đầy đủ. Cách sửa: ghi đầy đủ địa chỉ, bắt đầu bằng https:// (hoặc http://).`,
    en: `"${value}" is not a complete web address. Fix: write the whole address, starting with https:// (or http://).`,
  }),
  unsupportedVersion: (value: unknown): M => ({
    vi: `Tệp ghi "version": ${JSON.stringify(value)}, nhưng công cụ này chỉ đọc được phiên bản 1. Cách sửa: ghi "version": 1`,
    en: `The file says "version": ${JSON.stringify(value)}, but this tool only reads version 1. Fix: write "version": 1`,
  }),
  notAllowed: (value: unknown, allowed: readonly unknown[]): M => ({
    vi: `Không dùng được giá trị ${JSON.stringify(value)} ở đây. Cách sửa: dùng ${orList(allowed).vi}.`,
    en: `${JSON.stringify(value)} is not allowed here. Fix: use ${orList(allowed).en}.`,
  }),
  unknownHotspotType: (value: unknown): M => ({
    vi: `${JSON.stringify(value)} không phải là một loại điểm tương tác. Cách sửa: dùng "type": "scene" (sang cảnh khác), "info" (chữ và hình), "audio" (âm thanh, câu chuyện) hoặc "link" (trang web).`,
    en: `${JSON.stringify(value)} is not a kind of hotspot. Fix: use "type": "scene" (go to another scene), "info" (text and picture), "audio" (a sound or story) or "link" (a web page).`,
  }),
  emptyLanguageMap: (isAudio: boolean): M =>
    isAudio
      ? {
          vi: 'Chưa có tệp âm thanh nào. Cách sửa: ghi tệp âm thanh cho từng ngôn ngữ, ví dụ {"vi": "audio/vi/chuong.mp3"}.',
          en: 'No audio file is given. Fix: give the audio file for each language, e.g. {"vi": "audio/vi/bell.mp3"}.',
        }
      : {
          vi: 'Phần chữ này chưa được viết bằng ngôn ngữ nào. Cách sửa: viết nội dung bằng từng ngôn ngữ của chuyến tham quan, ví dụ {"vi": "…", "en": "…"}.',
          en: 'This text has no language in it. Fix: write it in each language of the tour, e.g. {"vi": "…", "en": "…"}.',
        },
  invalidValue: (detail: string): M => ({
    vi: `Giá trị này không đúng yêu cầu (${detail}). Cách sửa: so sánh với tệp mẫu tours/demo/tour.json.`,
    en: `This value is not valid (${detail}). Fix: compare it with the sample tours/demo/tour.json.`,
  }),

  // ── Meaning (semantics) ────────────────────────────────────────────────────
  duplicateSceneId: (id: string, otherScene: number): M => ({
    vi: `Có hai cảnh cùng mang mã "${id}" (cảnh kia là cảnh thứ ${otherScene}). Cách sửa: đặt cho mỗi cảnh một mã riêng.`,
    en: `Two scenes have the id "${id}" (the other one is scene number ${otherScene}). Fix: give each scene its own id.`,
  }),
  aliasIsSceneId: (alias: string, sceneNumber: number): M => ({
    vi: `Mã cũ "${alias}" cũng là mã của cảnh thứ ${sceneNumber}, nên đường link tới nó không rõ dẫn đến đâu. Cách sửa: xoá "${alias}" khỏi "aliases" ở đây.`,
    en: `The old id "${alias}" is also the id of scene number ${sceneNumber}, so a link to it would be ambiguous. Fix: remove "${alias}" from "aliases" here.`,
  }),
  aliasTaken: (alias: string, owner: string): M => ({
    vi: `Mã cũ "${alias}" đã là mã cũ của cảnh "${owner}", nên đường link tới nó không rõ dẫn đến đâu. Cách sửa: xoá "${alias}" khỏi "aliases" ở đây.`,
    en: `The old id "${alias}" is already an old id of scene "${owner}", so a link to it would be ambiguous. Fix: remove "${alias}" from "aliases" here.`,
  }),
  duplicateHotspotId: (id: string): M => ({
    vi: `Trong cảnh này có hai điểm tương tác cùng mang mã "${id}". Cách sửa: đặt cho mỗi điểm tương tác trong cảnh một mã riêng.`,
    en: `Two hotspots in this scene have the id "${id}". Fix: give each hotspot of the scene its own id.`,
  }),
  sceneIsAlias: (ref: string, field: string, realId: string): M => ({
    vi: `"${ref}" là mã cũ của cảnh "${realId}"; mã cũ chỉ để các đường link và mã QR cũ vẫn dùng được. Cách sửa: ghi "${field}": "${realId}"`,
    en: `"${ref}" is an old id of scene "${realId}"; old ids only keep old links and QR codes working. Fix: write "${field}": "${realId}"`,
  }),
  unknownScene: (ref: string, ids: readonly string[], closest: string | undefined): M =>
    closest
      ? {
          vi: `Không có cảnh nào mang mã "${ref}". Cách sửa: có phải bạn muốn viết "${closest}"? Các cảnh hiện có: ${someOf(ids)} — hoặc thêm một cảnh có mã này.`,
          en: `Scene "${ref}" does not exist. Fix: did you mean "${closest}"? The scenes are: ${someOf(ids)} — or add a scene with that id.`,
        }
      : {
          vi: `Không có cảnh nào mang mã "${ref}". Cách sửa: dùng một trong các mã: ${someOf(ids)} — hoặc thêm một cảnh có mã này.`,
          en: `Scene "${ref}" does not exist. Fix: use one of: ${someOf(ids)} — or add a scene with that id.`,
        },
  unknownDefaultLanguage: (lang: string, languages: readonly string[]): M => ({
    vi: `Ngôn ngữ mặc định "${lang}" không có trong danh sách ngôn ngữ của chuyến tham quan (${quoted(languages)}). Cách sửa: thêm "${lang}" vào "languages", hoặc chọn một ngôn ngữ trong danh sách đó.`,
    en: `The default language "${lang}" is not one of the tour's languages (${quoted(languages)}). Fix: add "${lang}" to "languages", or choose one of those.`,
  }),
  duplicateLanguage: (lang: string): M => ({
    vi: `"${lang}" xuất hiện hai lần trong "languages". Cách sửa: xoá bớt một lần.`,
    en: `"${lang}" is listed twice in "languages". Fix: remove one of them.`,
  }),
  unlistedLanguage: (lang: string, languages: readonly string[]): M => ({
    vi: `Mục này có bản "${lang}", nhưng "${lang}" không nằm trong các ngôn ngữ của chuyến tham quan (${quoted(languages)}), nên khách tham quan sẽ không thấy. Cách sửa: thêm "${lang}" vào "languages", sửa lại mã ngôn ngữ, hoặc xoá bản này.`,
    en: `This has a "${lang}" version, but "${lang}" is not one of the tour's languages (${quoted(languages)}), so visitors will never see it. Fix: add "${lang}" to "languages", correct the language code, or remove this version.`,
  }),
  unlistedNarrationLanguage: (lang: string, languages: readonly string[]): M => ({
    vi: `Có lời thuyết minh bằng "${lang}", nhưng "${lang}" không nằm trong các ngôn ngữ của chuyến tham quan (${quoted(languages)}), nên nó sẽ không bao giờ được phát. Cách sửa: thêm "${lang}" vào "languages", hoặc sửa lại mã ngôn ngữ.`,
    en: `There is narration in "${lang}", but "${lang}" is not one of the tour's languages (${quoted(languages)}), so it will never play. Fix: add "${lang}" to "languages", or correct the language code.`,
  }),
  blankInEveryLanguage: (): M => ({
    vi: 'Chữ này trống ở mọi ngôn ngữ, nên khách sẽ không thấy gì. Cách sửa: viết nội dung ít nhất bằng ngôn ngữ mặc định.',
    en: 'This text is blank in every language, so visitors would see nothing. Fix: write it, at least in the default language.',
  }),
  missingTranslation: (missing: readonly string[], fallback: string): M => {
    const labels = languageLabels(missing);
    const example = missing.map((lang) => `"${lang}": "…"`).join(', ');
    return {
      vi: `Thiếu bản dịch: ${labels.vi}. Khách chọn ${plural(missing.length, 'ngôn ngữ này', 'các ngôn ngữ này')} sẽ thấy bản ${languageLabel(fallback).vi} thay thế. Cách sửa: thêm ${example}`,
      en: `Missing translation: ${labels.en}. Visitors who choose ${plural(missing.length, 'it', 'them')} will see the ${languageLabel(fallback).en} text instead. Fix: add ${example}`,
    };
  },
  unreachableScene: (id: string, start: string): M => ({
    vi: `Không có điểm tương tác nào dẫn từ cảnh bắt đầu "${start}" tới cảnh "${id}"; khách chỉ tìm thấy cảnh này trong danh sách cảnh. Cách sửa: thêm một điểm tương tác "type": "scene" với "target": "${id}" vào một cảnh mà khách đi tới được.`,
    en: `Scene "${id}" cannot be reached from the start scene "${start}" through hotspots; visitors can only find it in the scene list. Fix: add a hotspot with "type": "scene" and "target": "${id}" to a scene visitors reach.`,
  }),
  selfLink: (id: string): M => ({
    vi: `Điểm tương tác này dẫn về chính cảnh đang đứng ("${id}"): bấm vào không có gì xảy ra, và trình xem không mở được cảnh này. Cách sửa: cho "target" trỏ tới một cảnh khác, hoặc xoá điểm tương tác này.`,
    en: `This hotspot leads to the scene it is in ("${id}"): clicking it does nothing, and the viewer cannot open this scene. Fix: point "target" at another scene, or remove the hotspot.`,
  }),
  pathAbsolute: (path: string): M => ({
    vi: `"${path}" là đường dẫn tuyệt đối, trỏ ra ngoài thư mục của chuyến tham quan. Mỗi chuyến tham quan phải tự chứa các tệp của mình. Cách sửa: ${COPY_INTO_TOUR.vi}.`,
    en: `"${path}" is an absolute path, pointing outside the tour folder. A tour must carry its own files. Fix: ${COPY_INTO_TOUR.en}.`,
  }),
  pathEscapes: (path: string): M => ({
    vi: `"${path}" trỏ ra ngoài thư mục của chuyến tham quan (".." đi lên quá thư mục đó). Cách sửa: ${COPY_INTO_TOUR.vi}.`,
    en: `"${path}" points outside the tour folder (".." goes above it). Fix: ${COPY_INTO_TOUR.en}.`,
  }),
  pathUrl: (path: string): M => ({
    vi: `"${path}" là một địa chỉ web; tệp của chuyến tham quan phải nằm trong thư mục của nó để máy kiosk vẫn chạy được khi mất mạng. Cách sửa: tải tệp về thư mục của chuyến tham quan rồi ghi đường dẫn tính từ đó, ví dụ "audio/vi/gioi-thieu.mp3".`,
    en: `"${path}" is a web address; the tour's files must be inside its folder so that kiosks work without internet. Fix: download the file into the tour folder and write its path from there, e.g. "audio/en/intro.mp3".`,
  }),
  pathBackslash: (path: string, fixed: string): M => ({
    vi: `"${path}" dùng dấu gạch chéo ngược "\\"; đường dẫn trên web dùng dấu gạch chéo "/". Cách sửa: ghi "${fixed}".`,
    en: `"${path}" uses backslashes "\\"; web paths use forward slashes "/". Fix: write "${fixed}".`,
  }),
  missingFile: (path: string): M => ({
    vi: `Không tìm thấy tệp "${path}" trong thư mục của chuyến tham quan. Cách sửa: chép tệp vào đó, hoặc sửa lại đường dẫn (tên tệp phân biệt chữ hoa và chữ thường: "Hall.JPG" khác "hall.jpg").`,
    en: `File "${path}" was not found in the tour folder. Fix: copy the file there, or correct the path (names are case-sensitive: "Hall.JPG" is not "hall.jpg").`,
  }),

  missingTiles: (first: string, missing: number, total: number): M => ({
    vi: `Thiếu ${missing} trên ${total} mảnh ảnh (tile) của ảnh toàn cảnh, ví dụ "${first}". Cách sửa: chép cả thư mục tiles vào thư mục của chuyến tham quan, hoặc chạy lại lệnh đã tạo ra chúng (npm run tour -- tile hoặc npm run tour -- import).`,
    en: `${missing} of ${total} tiles of this panorama are missing, e.g. "${first}". Fix: copy the whole tiles folder into the tour folder, or run again the command that made them (npm run tour -- tile or npm run tour -- import).`,
  }),

  // ── Panorama kinds ─────────────────────────────────────────────────────────
  panoramaMissing: (): M => ({
    vi: 'Cảnh này chưa có ảnh toàn cảnh. Cách sửa: thêm "source": "panoramas/ten-anh.jpg" (ảnh 360° tỉ lệ 2:1) vào mục "panorama".',
    en: 'This scene has no panorama image. Fix: add "source": "panoramas/name.jpg" (a 2:1 360° image) to "panorama".',
  }),
  panoramaKinds: (kinds: string): M => ({
    vi: `Một ảnh toàn cảnh chỉ được có một loại, nhưng ở đây có nhiều loại (${kinds}). Cách sửa: giữ "source" (ảnh 2:1) hoặc "cube" (sáu mặt) hoặc "cubeTiles" (mảnh của sáu mặt) và xoá các loại còn lại.`,
    en: `A panorama has exactly one kind, but this one declares several (${kinds}). Fix: keep "source" (2:1 image), "cube" (six faces) or "cubeTiles" (tiled faces) and remove the others.`,
  }),
  panoramaMixed: (family: string, first: string): M => {
    const vi = (f: string) => (f === 'cube' ? 'sáu mặt lập phương' : 'ảnh 2:1');
    const en = (f: string) => (f === 'cube' ? 'cube faces' : '2:1 equirectangular');
    return {
      vi: `Mọi cảnh trong một chuyến tham quan phải cùng một dạng ảnh: cảnh đầu tiên dùng ${vi(first)}, cảnh này dùng ${vi(family)}. Cách sửa: chuyển các ảnh về cùng một dạng, hoặc tách chúng thành hai chuyến tham quan.`,
      en: `All scenes of a tour use the same kind of panorama: the first one is ${en(first)}, this one is ${en(family)}. Fix: convert the panoramas to one kind, or split them into two tours.`,
    };
  },
  tileTemplate: (missing: string): M => ({
    vi: `Mẫu đường dẫn của các mảnh ảnh thiếu ${missing}, nên nhiều mảnh sẽ trùng một tệp. Cách sửa: thêm các chỗ trống đó, ví dụ "tiles/sanh/{level}/{row}_{col}.jpg".`,
    en: `The tile path template lacks ${missing}, so several tiles would share one file. Fix: add those placeholders, e.g. "tiles/hall/{level}/{row}_{col}.jpg".`,
  }),

  // ── Tour folder (command line) ─────────────────────────────────────────────
  missingManifest: (dir: string): M => ({
    vi: `Không có tệp tour.json trong "${dir}". Cách sửa: kiểm tra lại tên thư mục, hoặc tạo tệp tour.json trong đó (bắt đầu từ tệp mẫu tours/demo/tour.json).`,
    en: `There is no tour.json in "${dir}". Fix: check the folder name, or create tour.json there (start from the sample tours/demo/tour.json).`,
  }),
  unreadableManifest: (reason: string): M => ({
    vi: `Không đọc được tệp tour.json (${reason}). Cách sửa: kiểm tra xem đó có đúng là một tệp và bạn có quyền đọc nó không.`,
    en: `tour.json could not be read (${reason}). Fix: check that it is a file and that you may read it.`,
  }),
  folderIdMismatch: (folder: string, id: string, folderIsId: boolean): M => ({
    vi: `Mã của chuyến tham quan "${id}" khác với tên thư mục "${folder}"; đường link và bản dựng dùng mã này để tìm thư mục. Cách sửa: đổi tên thư mục thành "${id}"${folderIsId ? `, hoặc ghi "id": "${folder}"` : ''}.`,
    en: `The tour id "${id}" differs from its folder name "${folder}"; links and the build use the id to find the folder. Fix: rename the folder to "${id}"${folderIsId ? `, or write "id": "${folder}"` : ''}.`,
  }),
} as const;

/** Edit distance, to catch typos such as "positon" or "hall2". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The candidate that looks like a typo of `word`, if one is close enough to be a good guess. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const score = distance(lower, candidate.toLowerCase());
    const limit = Math.max(1, Math.min(3, Math.floor(candidate.length / 3)));
    if (score <= limit && (!best || score < best.score)) best = { candidate, score };
  }
  return best?.candidate;
}

/** A valid id made from any text: "Cổng Đền" → "cong-den". */
export function suggestId(text: string, fallback = 'new-id'): string {
  const slug = text
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[-_]+|-+$/g, '')
    .replace(/-{2,}/g, '-')
    .slice(0, ID_MAX_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}
