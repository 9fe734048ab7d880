/**
 * The fixed list of file kinds a tour may contain and reference (DESIGN.md, "Tours hold media
 * only"): one table, each row with its extensions, the Content-Type it is served with, its
 * kind and the test of its first bytes. Nothing a browser could run as a page or a script is in
 * it (no HTML, SVG, XML, JavaScript, PDF…), and nothing outside it enters a tour.
 *
 * Pure: no DOM, no Node. The tests look only at the first bytes (`SNIFF_BYTES` are enough).
 */
import type { LocalizedMessage } from '../manifest/problem-basics.ts';

export type MediaKind = 'picture' | 'sound' | 'captions' | 'text';

export type MediaFormatId =
  | 'jpeg'
  | 'png'
  | 'webp'
  | 'avif'
  | 'mp3'
  | 'ogg'
  | 'm4a'
  | 'aac'
  | 'webm'
  | 'webvtt'
  | 'text'
  | 'markdown';

export interface SniffOptions {
  /**
   * The bytes are only the file's first bytes (e.g. the head of a zip entry): a UTF-8
   * character cut at their very end is then not an error.
   */
  partial?: boolean;
}

export interface MediaFormat {
  readonly id: MediaFormatId;
  readonly kind: MediaKind;
  /** Lower case, without the dot; the first is the usual one (the one a fix suggests). */
  readonly extensions: readonly string[];
  /** The Content-Type a tour file of this format is served with: never one that runs script. */
  readonly mime: string;
  /** "JPEG picture", as a message names it. */
  readonly label: LocalizedMessage;
  /** True when `bytes` (the file's first bytes) start like this format. */
  readonly test: (bytes: Uint8Array, options?: SniffOptions) => boolean;
}

/** How many first bytes `sniff` and the tests need at most. */
export const SNIFF_BYTES = 4096;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** `bytes` holds `expected` at `offset` (`undefined` in `expected`: any byte). */
function hasAt(bytes: Uint8Array, offset: number, expected: readonly (number | undefined)[]) {
  if (bytes.length < offset + expected.length) return false;
  return expected.every((b, i) => b === undefined || bytes[offset + i] === b);
}

const fourCC = (bytes: Uint8Array, offset: number): string =>
  String.fromCharCode(...bytes.subarray(offset, offset + 4));

/** The ISO-BMFF `ftyp` brands (major first, then the compatible ones) of an MP4/AVIF file. */
function ftypBrands(bytes: Uint8Array): string[] {
  if (!hasAt(bytes, 4, ascii('ftyp')) || bytes.length < 12) return [];
  const size = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  const end = Math.min(size < 16 ? 12 : size, bytes.length);
  const brands = [fourCC(bytes, 8)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(fourCC(bytes, at));
  return brands;
}

const AVIF_BRANDS = new Set(['avif', 'avis']);
/** Brands of MPEG-4 audio files, and the generic MP4 ones audio files are also written with. */
const M4A_BRANDS = new Set(['M4A ', 'M4B ', 'F4A ', 'F4B ']);
const MP4_BRANDS = new Set([
  'mp41',
  'mp42',
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'dash',
  'M4V ',
  '3gp4',
  '3gp5',
  '3gp6',
]);
/** Brands that make an ftyp file a still image, never a sound. */
const IMAGE_BRANDS = new Set(['avif', 'avis', 'heic', 'heix', 'mif1', 'msf1', 'jxl ']);

function isAvif(bytes: Uint8Array): boolean {
  return ftypBrands(bytes).some((brand) => AVIF_BRANDS.has(brand));
}

/**
 * MPEG-4 audio: an ftyp box with an audio brand (M4A…) or a generic MP4 one (mp42, isom…).
 * Whether the file really holds an audio track is in its `moov` box, which may be at the
 * end: the first bytes cannot tell, and an MP4 container never runs script anyway.
 */
function isM4a(bytes: Uint8Array): boolean {
  const brands = ftypBrands(bytes);
  if (brands.length === 0 || brands.some((brand) => IMAGE_BRANDS.has(brand))) return false;
  return brands.some((brand) => M4A_BRANDS.has(brand) || MP4_BRANDS.has(brand));
}

const startsWithId3 = (bytes: Uint8Array) => hasAt(bytes, 0, ascii('ID3'));

/**
 * An MPEG audio layer III frame header (a valid version, bit rate and sample rate). Layers I
 * and II are not MP3, and FF FE is also UTF-16's byte order mark.
 */
function isMpegFrame(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff) return false;
  const b1 = bytes[1]!;
  const b2 = bytes[2]!;
  const sync = (b1 & 0xe0) === 0xe0;
  const version = (b1 >> 3) & 0b11; // 01 is reserved
  const layer = (b1 >> 1) & 0b11; // 01 is layer III (00 is AAC's ADTS)
  const bitRate = b2 >> 4; // 1111 is invalid
  const sampleRate = (b2 >> 2) & 0b11; // 11 is reserved
  return sync && version !== 0b01 && layer === 0b01 && bitRate !== 0b1111 && sampleRate !== 0b11;
}

/** An AAC ADTS frame header: sync 0xFFF, layer 00. */
function isAdts(bytes: Uint8Array): boolean {
  return bytes.length >= 7 && bytes[0] === 0xff && (bytes[1]! & 0xf6) === 0xf0;
}

/** EBML magic, and "webm" as the document type (plain Matroska is not in the list). */
function isWebm(bytes: Uint8Array): boolean {
  if (!hasAt(bytes, 0, [0x1a, 0x45, 0xdf, 0xa3])) return false;
  const head = bytes.subarray(0, 64);
  const docType = ascii('webm');
  for (let at = 4; at + 4 <= head.length; at++) if (hasAt(head, at, docType)) return true;
  return false;
}

const withoutBom = (bytes: Uint8Array): Uint8Array =>
  hasAt(bytes, 0, UTF8_BOM) ? bytes.subarray(3) : bytes;

/** "WEBVTT" (after an optional BOM), then the end of the file, a space, a tab or a new line. */
function isWebVtt(bytes: Uint8Array): boolean {
  const body = withoutBom(bytes);
  if (!hasAt(body, 0, ascii('WEBVTT'))) return false;
  const next = body[6];
  return next === undefined || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
}

/** How many bytes at the end of `bytes` are the start of a cut UTF-8 character (0 if none). */
function cutCharacterLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const b = bytes[bytes.length - back]!;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back
    const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needed > back ? back : 0;
  }
  return 0;
}

/** What is wrong with `bytes` as a text file, or undefined when it is plain UTF-8 text. */
export function textTrouble(
  bytes: Uint8Array,
  options: SniffOptions = {},
): 'utf16' | 'binary' | 'markup' | undefined {
  if (hasAt(bytes, 0, [0xff, 0xfe]) || hasAt(bytes, 0, [0xfe, 0xff])) return 'utf16';
  let body = withoutBom(bytes);
  if (body.includes(0)) return 'binary';
  if (options.partial) body = body.subarray(0, body.length - cutCharacterLength(body));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return 'binary';
  }
  // `<` first (after white space) is how HTML, SVG, XML and script tags start: a text file
  // that a browser might take for markup is refused, whatever it is served as.
  return /^\s*</u.test(text) ? 'markup' : undefined;
}

const isText = (bytes: Uint8Array, options?: SniffOptions) =>
  textTrouble(bytes, options) === undefined;

const label = (vi: string, en: string): LocalizedMessage => ({ vi, en });

/**
 * The table. Order matters for `sniff`: the first row whose test passes names the bytes, so
 * the broad text test comes last.
 */
export const MEDIA_FORMATS: readonly MediaFormat[] = [
  {
    id: 'jpeg',
    kind: 'picture',
    extensions: ['jpg', 'jpeg'],
    mime: 'image/jpeg',
    label: label('ảnh JPEG', 'JPEG picture'),
    test: (b) => hasAt(b, 0, [0xff, 0xd8, 0xff]),
  },
  {
    id: 'png',
    kind: 'picture',
    extensions: ['png'],
    mime: 'image/png',
    label: label('ảnh PNG', 'PNG picture'),
    test: (b) => hasAt(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  {
    id: 'webp',
    kind: 'picture',
    extensions: ['webp'],
    mime: 'image/webp',
    label: label('ảnh WebP', 'WebP picture'),
    test: (b) => hasAt(b, 0, ascii('RIFF')) && hasAt(b, 8, ascii('WEBP')),
  },
  {
    id: 'avif',
    kind: 'picture',
    extensions: ['avif'],
    mime: 'image/avif',
    label: label('ảnh AVIF', 'AVIF picture'),
    test: isAvif,
  },
  {
    id: 'mp3',
    kind: 'sound',
    extensions: ['mp3'],
    mime: 'audio/mpeg',
    label: label('âm thanh MP3', 'MP3 sound'),
    test: (b) => startsWithId3(b) || isMpegFrame(b),
  },
  {
    id: 'ogg',
    kind: 'sound',
    extensions: ['ogg', 'oga', 'opus'],
    mime: 'audio/ogg',
    label: label('âm thanh Ogg/Opus', 'Ogg/Opus sound'),
    test: (b) => hasAt(b, 0, ascii('OggS')),
  },
  {
    id: 'm4a',
    kind: 'sound',
    extensions: ['m4a'],
    mime: 'audio/mp4',
    label: label('âm thanh M4A', 'M4A sound'),
    test: isM4a,
  },
  {
    id: 'aac',
    kind: 'sound',
    extensions: ['aac'],
    mime: 'audio/aac',
    label: label('âm thanh AAC', 'AAC sound'),
    test: (b) => isAdts(b) || startsWithId3(b),
  },
  {
    id: 'webm',
    kind: 'sound',
    extensions: ['webm', 'weba'],
    mime: 'audio/webm',
    label: label('âm thanh WebM', 'WebM sound'),
    test: isWebm,
  },
  {
    id: 'webvtt',
    kind: 'captions',
    extensions: ['vtt'],
    mime: 'text/vtt; charset=utf-8',
    label: label('phụ đề WebVTT', 'WebVTT captions file'),
    test: (b, options) => isWebVtt(b) && isText(b, options),
  },
  {
    id: 'text',
    kind: 'text',
    extensions: ['txt'],
    mime: 'text/plain; charset=utf-8',
    label: label('tệp văn bản (UTF-8)', 'text file (UTF-8)'),
    test: isText,
  },
  {
    // Shown by the viewer's own safe Markdown renderer; served as plain text, never rendered
    // by the browser.
    id: 'markdown',
    kind: 'text',
    extensions: ['md', 'markdown'],
    mime: 'text/plain; charset=utf-8',
    label: label('tệp văn bản Markdown (UTF-8)', 'Markdown text file (UTF-8)'),
    test: isText,
  },
];

const BY_ID = new Map(MEDIA_FORMATS.map((format) => [format.id, format]));
const BY_EXTENSION = new Map(
  MEDIA_FORMATS.flatMap((format) => format.extensions.map((ext) => [ext, format] as const)),
);

export const mediaFormat = (id: MediaFormatId): MediaFormat => BY_ID.get(id)!;

/** The extension of `path`'s last segment, lower case without the dot ('' when none). */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  // A name that is only an extension (".jpg") is a hidden file, not a picture.
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The format `path`'s extension names (case-insensitive: cameras write .JPG), if allowed. */
export function classifyByName(path: string): MediaFormat | undefined {
  return BY_EXTENSION.get(extensionOf(path));
}

/** The format `bytes` (a file's first bytes) start like, if any of the table's. */
export function sniff(bytes: Uint8Array, options?: SniffOptions): MediaFormat | undefined {
  if (bytes.length === 0) return undefined; // an empty file is no format, not even text
  return MEDIA_FORMATS.find((format) => format.test(bytes, options));
}

/** The manifest is the one file of a tour folder that is not media. */
const JSON_TYPE = 'application/json; charset=utf-8';
const UNKNOWN_TYPE = 'application/octet-stream';

/**
 * The Content-Type to serve a tour file with: its format's, `application/json` for the
 * manifest, and `application/octet-stream` (a download, never a page) for anything else.
 * Always send it with `X-Content-Type-Options: nosniff`, so the browser never guesses.
 */
export function servedType(path: string): string {
  const ext = extensionOf(path);
  if (ext === 'json') return JSON_TYPE;
  return BY_EXTENSION.get(ext)?.mime ?? UNKNOWN_TYPE;
}
