/**
 * The problems of files entering a tour — a file that is not media, media whose content is not
 * what its name says, and zip archives refused while unpacking — in the shape of the project's
 * problem catalogue (`manifest/problem-codes.ts`, which spreads them into `PROBLEMS`): each
 * code with its severity and the one function that writes its message, in plain language with
 * the fix.
 */
import type { LocalizedMessage, Severity } from '../manifest/problem-basics.ts';
import { MEDIA_FORMATS, mediaFormat, type MediaFormatId, type MediaKind } from './formats.ts';

type M = LocalizedMessage;

/**
 * A file or entry name as a message shows it: control characters (a NUL, a new line) made
 * visible, and a very long name shortened, so that a hostile name cannot garble the text.
 */
export function shownName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '\ufffd');
  return clean.length > 120 ? `${clean.slice(0, 100)}…${clean.slice(-19)}` : clean;
}

/** "a JPEG picture", "an MP3 sound": the English article for a label. */
const an = (label: string): string =>
  `${/^(A|E|I|O|U|M4|MP|Ogg)/.test(label) ? 'an' : 'a'} ${label}`;

const error = <D>(message: (details: D) => M) => ({ severity: 'error' as Severity, message });

/** What a file's content was found to be, when it is not the format its name says. */
export type FoundContent =
  | { format: MediaFormatId }
  | { foreign: 'html' | 'svg' | 'xml' | 'markup' | 'pdf' | 'zip' | 'program' }
  | { foreign: 'utf16' | 'binary' | 'text' | 'unknown' };

const KIND_NAMES: Record<MediaKind, M> = {
  picture: { vi: 'ảnh', en: 'pictures' },
  sound: { vi: 'âm thanh', en: 'sound' },
  captions: { vi: 'phụ đề', en: 'captions' },
  text: { vi: 'ghi công dạng văn bản', en: 'credits as text' },
};

/** "pictures (JPEG, PNG, WebP, AVIF), sound (MP3, …), …", written from the table. */
function allowedList(lang: keyof M): string {
  const kinds = [...new Set(MEDIA_FORMATS.map((f) => f.kind))];
  return kinds
    .map((kind) => {
      const formats = MEDIA_FORMATS.filter((f) => f.kind === kind);
      const names =
        kind === 'text'
          ? formats.flatMap((f) => f.extensions.slice(0, 1).map((e) => `.${e}`))
          : formats.map((f) => f.label.en.split(' ')[0]!);
      return `${KIND_NAMES[kind][lang]} (${names.join(', ')})`;
    })
    .join(', ');
}

const FOREIGN: Record<Extract<FoundContent, { foreign: string }>['foreign'], M> = {
  html: { vi: 'một trang web (HTML)', en: 'a web page (HTML)' },
  svg: {
    vi: 'một hình vẽ SVG (có thể chứa mã chạy được)',
    en: 'an SVG drawing (it can hold script)',
  },
  xml: { vi: 'một tệp XML', en: 'an XML file' },
  markup: {
    vi: 'mã đánh dấu (bắt đầu bằng "<", như một trang web)',
    en: 'markup (it starts with "<", like a web page)',
  },
  pdf: { vi: 'một tài liệu PDF', en: 'a PDF document' },
  zip: { vi: 'một tệp nén (zip)', en: 'an archive (zip)' },
  program: { vi: 'một chương trình', en: 'a program' },
  utf16: { vi: 'văn bản UTF-16, không phải UTF-8', en: 'UTF-16 text, not UTF-8' },
  binary: { vi: 'dữ liệu nhị phân, không phải văn bản', en: 'binary data, not text' },
  text: { vi: 'văn bản', en: 'text' },
  unknown: {
    vi: 'không phải dạng ảnh, âm thanh hay phụ đề nào đã biết',
    en: 'not a known picture, sound or captions format',
  },
};

function mismatchMessage(d: { path: string; expected: MediaFormatId; found: FoundContent }): M {
  const expected = mediaFormat(d.expected);
  const head = (lang: keyof M, found: string) =>
    lang === 'vi'
      ? `${shownName(d.path)} không phải ${expected.label.vi}: nội dung của nó là ${found}.`
      : `${shownName(d.path)} is not ${an(expected.label.en)}: its content is ${found}.`;
  if ('format' in d.found) {
    const found = mediaFormat(d.found.format);
    const ext = `.${found.extensions[0]}`;
    return {
      vi: `${head('vi', found.label.vi)} Cách sửa: đổi đuôi tên tệp thành ${ext} (và sửa tên trong tour), hoặc xuất lại tệp dưới dạng ${expected.label.vi}.`,
      en: `${head('en', an(found.label.en))} Fix: rename it to ${ext} (and the name in the tour), or export it again as ${an(expected.label.en)}.`,
    };
  }
  const foreign = d.found.foreign;
  const found = FOREIGN[foreign];
  if (foreign === 'utf16' || (expected.kind === 'text' && foreign === 'binary')) {
    return {
      vi: `${head('vi', found.vi)} Cách sửa: mở tệp trong trình soạn thảo văn bản và lưu lại dưới dạng văn bản thuần UTF-8.`,
      en: `${head('en', found.en)} Fix: open it in a text editor and save it again as plain UTF-8 text.`,
    };
  }
  if (foreign === 'text' && expected.kind === 'captions') {
    return {
      vi: `${head('vi', found.vi)} Cách sửa: thêm dòng WEBVTT ở đầu tệp, rồi một dòng trống (tệp .srt cần được chuyển sang WebVTT).`,
      en: `${head('en', found.en)} Fix: add WEBVTT as its first line, then an empty line (an .srt file needs converting to WebVTT).`,
    };
  }
  if (foreign === 'binary' || foreign === 'text' || foreign === 'unknown') {
    return {
      vi: `${head('vi', found.vi)} Cách sửa: xuất lại tệp dưới dạng ${expected.label.vi}.`,
      en: `${head('en', found.en)} Fix: export it again as ${an(expected.label.en)}.`,
    };
  }
  return {
    vi: `${head('vi', found.vi)} Tour không được chứa loại tệp này. Cách sửa: thay nó bằng một ${expected.label.vi} thật.`,
    en: `${head('en', found.en)} A tour may not contain such files. Fix: replace it with a real ${expected.label.en}.`,
  };
}

export const MEDIA_PROBLEMS = {
  /** A file whose extension is not in the table (HTML, SVG, JS, XML, none…). */
  'media-not-allowed': error((d: { path: string }) => ({
    vi: `${shownName(d.path)} không phải tệp ảnh, âm thanh hay phụ đề; tour chỉ được chứa ${allowedList('vi')}. Cách sửa: bỏ tệp này khỏi tour, hoặc chuyển nó sang một trong các dạng trên.`,
    en: `${shownName(d.path)} is not a picture, sound or captions file; tours may contain only ${allowedList('en')}. Fix: remove it from the tour, or convert it to one of these.`,
  })),
  'media-empty': error((d: { path: string }) => ({
    vi: `${shownName(d.path)} là tệp rỗng (0 byte). Cách sửa: chép lại tệp, hoặc bỏ nó khỏi tour.`,
    en: `${shownName(d.path)} is empty (0 bytes). Fix: copy the file again, or remove it from the tour.`,
  })),
  /** The content is not the format the extension names. */
  'media-mismatch': error(mismatchMessage),
};

/** Why an entry's name is refused. */
export type ZipNameTrouble =
  | 'dot-dot'
  | 'absolute'
  | 'drive'
  | 'backslash'
  | 'nul'
  | 'control'
  | 'empty-segment'
  | 'too-long'
  | 'encoding';

const NAME_TROUBLES: Record<ZipNameTrouble, M> = {
  'dot-dot': { vi: 'có ".." dẫn ra ngoài thư mục', en: 'it has ".." that leads out of the folder' },
  absolute: {
    vi: 'là đường dẫn tuyệt đối (bắt đầu bằng "/")',
    en: 'it is an absolute path (starts with "/")',
  },
  drive: { vi: 'có tên ổ đĩa hoặc dấu ":"', en: 'it has a drive letter or a ":"' },
  backslash: { vi: 'có dấu "\\"', en: 'it has a "\\"' },
  nul: { vi: 'có ký tự NUL', en: 'it has a NUL character' },
  control: { vi: 'có ký tự điều khiển', en: 'it has a control character' },
  'empty-segment': { vi: 'có đoạn tên rỗng hoặc "."', en: 'it has an empty or "." part' },
  'too-long': { vi: 'quá dài', en: 'it is too long' },
  encoding: {
    vi: 'không đọc được (mã hoá ký tự hỏng)',
    en: 'it cannot be read (broken character encoding)',
  },
};

const MIB = 1024 * 1024;
/** "2 GiB", "500 MiB", "1,234 bytes": sizes as a person reads them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * MIB && bytes % (1024 * MIB) === 0) return `${bytes / (1024 * MIB)} GiB`;
  if (bytes >= MIB) return `${Math.round((bytes / MIB) * 10) / 10} MiB`;
  return `${bytes} bytes`;
}

const MAKE_AGAIN = {
  vi: 'Không tệp nào được chép. Cách sửa: tạo lại tệp zip',
  en: 'Nothing was unpacked. Fix: make the zip again',
};

export const ZIP_PROBLEMS = {
  'zip-bad-name': error((d: { name: string; trouble: ZipNameTrouble }) => ({
    vi: `Từ chối tệp zip: tên "${shownName(d.name)}" ${NAME_TROUBLES[d.trouble].vi}. ${MAKE_AGAIN.vi} chỉ với các tệp bên trong thư mục tour, tên dùng dấu "/".`,
    en: `Zip refused: the name "${shownName(d.name)}" is not allowed (${NAME_TROUBLES[d.trouble].en}). ${MAKE_AGAIN.en} with only the files inside the tour folder, named with "/".`,
  })),
  /** Two entries with the same name, also after case folding and Unicode normalisation. */
  'zip-duplicate-name': error((d: { name: string; other: string }) => ({
    vi: `Từ chối tệp zip: "${shownName(d.name)}" trùng tên với "${shownName(d.other)}" (không phân biệt chữ hoa, chữ thường). ${MAKE_AGAIN.vi} với mỗi tên chỉ một lần.`,
    en: `Zip refused: "${shownName(d.name)}" has the same name as "${shownName(d.other)}" (ignoring upper and lower case). ${MAKE_AGAIN.en} with each name only once.`,
  })),
  'zip-link': error((d: { name: string }) => ({
    vi: `Từ chối tệp zip: "${shownName(d.name)}" là liên kết (symlink) hoặc tệp đặc biệt, không phải tệp thường. ${MAKE_AGAIN.vi} với tệp thật thay cho liên kết.`,
    en: `Zip refused: "${shownName(d.name)}" is a link (symlink) or special file, not a plain file. ${MAKE_AGAIN.en} with the real files instead of links.`,
  })),
  'zip-encrypted': error((d: { name: string }) => ({
    vi: `Từ chối tệp zip: "${shownName(d.name)}" được đặt mật khẩu. ${MAKE_AGAIN.vi} không đặt mật khẩu.`,
    en: `Zip refused: "${shownName(d.name)}" is protected by a password. ${MAKE_AGAIN.en} without a password.`,
  })),
  'zip-unsupported': error((d: { name: string; method: number }) => ({
    vi: `Từ chối tệp zip: "${shownName(d.name)}" được nén theo cách không hỗ trợ (phương thức ${d.method}). ${MAKE_AGAIN.vi} theo kiểu nén thông thường ("Deflate").`,
    en: `Zip refused: "${shownName(d.name)}" is compressed in a way that is not supported (method ${d.method}). ${MAKE_AGAIN.en} with ordinary ("Deflate") compression.`,
  })),
  'zip-too-many-entries': error((d: { count: number; limit: number }) => ({
    vi: `Từ chối tệp zip: có ${d.count} mục, nhiều hơn giới hạn ${d.limit}. Cách sửa: chia tour thành nhiều tệp zip nhỏ hơn, hoặc bỏ bớt các tệp không dùng.`,
    en: `Zip refused: it has ${d.count} entries, more than the limit of ${d.limit}. Fix: split it into smaller zips, or leave out files the tour does not use.`,
  })),
  'zip-entry-too-big': error((d: { name: string; limit: number }) => ({
    vi: `Từ chối tệp zip: "${shownName(d.name)}" khi giải nén lớn hơn ${formatSize(d.limit)}. Không tệp nào được chép. Cách sửa: thu nhỏ tệp này (ảnh nhỏ hơn, âm thanh nén hơn) rồi tạo lại tệp zip.`,
    en: `Zip refused: "${shownName(d.name)}" is larger than ${formatSize(d.limit)} once unpacked. Nothing was unpacked. Fix: make this file smaller (a smaller picture, more compressed sound) and make the zip again.`,
  })),
  'zip-too-big': error((d: { limit: number }) => ({
    vi: `Từ chối tệp zip: nội dung giải nén lớn hơn ${formatSize(d.limit)}. Không tệp nào được chép. Cách sửa: chia tour thành nhiều tệp zip nhỏ hơn, hoặc thu nhỏ các tệp lớn.`,
    en: `Zip refused: its contents are larger than ${formatSize(d.limit)} once unpacked. Nothing was unpacked. Fix: split it into smaller zips, or make the large files smaller.`,
  })),
  /** A zip bomb's signature: far more bytes out than in. */
  'zip-ratio': error((d: { name: string; limit: number }) => ({
    vi: `Từ chối tệp zip: "${shownName(d.name)}" bung ra hơn ${d.limit} lần kích thước nén — dấu hiệu của "bom zip". Không tệp nào được chép. Cách sửa: tour chỉ chứa ảnh, âm thanh và phụ đề (vốn đã nén); hãy tạo lại tệp zip chỉ với các tệp đó.`,
    en: `Zip refused: "${shownName(d.name)}" expands to more than ${d.limit} times its compressed size — the mark of a "zip bomb". Nothing was unpacked. Fix: a tour holds only pictures, sound and captions (already compressed); make the zip again with only those.`,
  })),
  /** The data does not match what the zip's index says (sizes, truncated data, bad stream). */
  'zip-damaged': error((d: { name: string }) => ({
    vi: `Từ chối tệp zip: "${shownName(d.name)}" bị hỏng (nội dung không khớp với mục lục của tệp zip). ${MAKE_AGAIN.vi}, hoặc tải lại nó.`,
    en: `Zip refused: "${shownName(d.name)}" is damaged (its data does not match the zip's index). ${MAKE_AGAIN.en}, or download it again.`,
  })),
  'zip-destination-exists': error((d: { dir: string }) => ({
    vi: `Không giải nén được: thư mục ${d.dir} đã có. Cách sửa: chọn một thư mục mới.`,
    en: `Cannot unpack: the folder ${d.dir} already exists. Fix: choose a new folder.`,
  })),
};
