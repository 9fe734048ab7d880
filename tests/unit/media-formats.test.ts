/**
 * The table of file kinds a tour may contain (src/core/media): names, first bytes and the
 * type each is served with. Pictures and MP3 are real files made here (sharp; espeak-ng +
 * lame); the other sounds and captions are small handcrafted headers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MEDIA_FORMATS,
  SNIFF_BYTES,
  classifyByName,
  servedType,
  sniff,
  type MediaFormatId,
} from '../../src/core/media/index.ts';
import { requireTools } from '../support/tools.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(
    parts.flatMap((part) =>
      typeof part === 'string' ? [...new TextEncoder().encode(part)] : part,
    ),
  );
const u32 = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];
/** An ISO-BMFF ftyp box: major brand, minor version 0, compatible brands. */
const ftyp = (major: string, ...compatible: string[]) =>
  bytes(u32(16 + 4 * compatible.length), 'ftyp', major, [0, 0, 0, 0], ...compatible);

/** Real pictures, one per format, made by sharp (a 4×2 red panorama). */
const pictures: Partial<Record<MediaFormatId, Uint8Array>> = {};
let mp3: Uint8Array | undefined;
const tools = requireTools(['espeak-ng', 'lame'], 'the MP3 sniffing test');
let dir: string;

beforeAll(async () => {
  const red = sharp({ create: { width: 4, height: 2, channels: 3, background: '#c00' } });
  pictures.jpeg = new Uint8Array(await red.clone().jpeg().toBuffer());
  pictures.png = new Uint8Array(await red.clone().png().toBuffer());
  pictures.webp = new Uint8Array(await red.clone().webp().toBuffer());
  pictures.avif = new Uint8Array(await red.clone().avif().toBuffer());
  dir = mkdtempSync(join(tmpdir(), 'media-formats-test-'));
  if (tools.missing.length === 0) {
    const wav = join(dir, 'a.wav');
    execFileSync('espeak-ng', ['-v', 'vi', '-w', wav, 'xin chào']);
    execFileSync('lame', ['--quiet', '-b', '32', wav, join(dir, 'a.mp3')]);
    mp3 = new Uint8Array(readFileSync(join(dir, 'a.mp3')));
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Handcrafted first bytes of the formats made without an encoder here. */
const HEADERS: [string, Uint8Array, MediaFormatId][] = [
  ['MP3 starting with an ID3 tag', bytes('ID3', [4, 0, 0, 0, 0, 0, 0]), 'mp3'],
  ['MP3 frame sync (MPEG-1 layer III, 128 kb/s)', bytes([0xff, 0xfb, 0x90, 0x64]), 'mp3'],
  ['MP3 frame sync (MPEG-2 layer III)', bytes([0xff, 0xf3, 0x48, 0xc4]), 'mp3'],
  ['Ogg Opus', bytes('OggS', [0, 2], [0, 0, 0, 0, 0, 0, 0, 0], 'OpusHead'), 'ogg'],
  ['Ogg Vorbis', bytes('OggS', [0, 2], [0, 0, 0, 0, 0, 0, 0, 0], [1], 'vorbis'), 'ogg'],
  ['M4A (iTunes brand)', ftyp('M4A ', 'M4A ', 'mp42', 'isom'), 'm4a'],
  ['M4A (generic mp42 brand)', ftyp('mp42', 'isom', 'mp42'), 'm4a'],
  ['M4A (isom brand, as ffmpeg writes)', ftyp('isom', 'iso2', 'mp41'), 'm4a'],
  ['AAC ADTS frame', bytes([0xff, 0xf1, 0x50, 0x80, 0x02, 0x1f, 0xfc]), 'aac'],
  [
    'WebM audio (EBML header, DocType webm)',
    bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84], 'webm'),
    'webm',
  ],
  ['AVIF with mif1 major brand and avif compatible', ftyp('mif1', 'avif', 'miaf'), 'avif'],
  ['AVIF sequence', ftyp('avis', 'avis', 'msf1'), 'avif'],
  ['WebVTT', bytes('WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n'), 'webvtt'],
  ['WebVTT with a BOM', bytes([0xef, 0xbb, 0xbf], 'WEBVTT\r\n'), 'webvtt'],
  ['WebVTT with a header text', bytes('WEBVTT - Đền Mẫu\n'), 'webvtt'],
  ['WebVTT that is only the word', bytes('WEBVTT'), 'webvtt'],
  ['plain UTF-8 text (Vietnamese)', bytes('Ảnh: Nguyễn Văn A, 2024\n'), 'text'],
  ['text with a BOM', bytes([0xef, 0xbb, 0xbf], 'Ghi công'), 'text'],
  ['Markdown', bytes('# Ghi công\n\n*Ảnh*: [Bảo tàng](https://example.org)\n'), 'text'],
];

describe('sniff', () => {
  it.each(['jpeg', 'png', 'webp', 'avif'] as const)('knows a real %s picture', (id) => {
    expect(sniff(pictures[id]!)?.id).toBe(id);
  });

  it.skipIf(tools.missing.length > 0)(`knows a real MP3 from lame${tools.reason}`, () => {
    expect(sniff(mp3!)?.id).toBe('mp3');
  });

  it.each(HEADERS)('knows %s', (_, head, id) => {
    expect(sniff(head)?.id).toBe(id);
  });

  it.each([
    ['empty', bytes()],
    ['HTML', bytes('<!DOCTYPE html><script>alert(1)</script>')],
    ['HTML after white space and a BOM', bytes([0xef, 0xbb, 0xbf], ' \n\t<html>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
    ['XML', bytes('<?xml version="1.0"?><x/>')],
    ['a script tag', bytes('<script>alert(1)</script>')],
    ['UTF-16 text', bytes([0xff, 0xfe, 0x41, 0x00])],
    ['text with a NUL', bytes('abc', [0], 'def')],
    ['broken UTF-8', bytes('ab', [0xc3, 0x28])],
    ['Matroska that is not WebM', bytes([0x1a, 0x45, 0xdf, 0xa3, 0x42, 0x82, 0x88], 'matroska')],
    ['HEIC', ftyp('heic', 'mif1', 'heic')],
    ['an MPEG layer I frame (not MP3)', bytes([0xff, 0xff, 0x90, 0x64])],
    ['RIFF WAVE (not in the list)', bytes('RIFF', [0, 0, 0, 0], 'WAVE')],
    ['a lone FF', bytes([0xff])],
  ])('knows no format in %s', (_, head) => {
    expect(sniff(head)).toBeUndefined();
  });

  it('takes JS for plain text (it is served as text/plain: it cannot run)', () => {
    expect(sniff(bytes('alert(document.cookie)'))?.id).toBe('text');
  });

  it('refuses a character cut at the end, unless the bytes are only the head of a file', () => {
    const cut = bytes('Đề', [0xe1, 0xba]); // "Ẫ" without its last byte
    expect(sniff(cut)).toBeUndefined();
    expect(sniff(cut, { partial: true })?.id).toBe('text');
    expect(sniff(bytes('ab', [0xc3, 0x28]), { partial: true })).toBeUndefined();
  });

  it('needs no more than SNIFF_BYTES', () => {
    expect(SNIFF_BYTES).toBeGreaterThanOrEqual(64);
  });
});

describe('classifyByName', () => {
  it.each([
    ['panoramas/hall.jpg', 'jpeg'],
    ['panoramas/HALL.JPG', 'jpeg'],
    ['a/b.jpeg', 'jpeg'],
    ['x.png', 'png'],
    ['x.webp', 'webp'],
    ['x.avif', 'avif'],
    ['audio/vi/1.mp3', 'mp3'],
    ['audio/vi/1.ogg', 'ogg'],
    ['audio/vi/1.opus', 'ogg'],
    ['audio/vi/1.oga', 'ogg'],
    ['audio/vi/1.m4a', 'm4a'],
    ['audio/vi/1.aac', 'aac'],
    ['audio/vi/1.webm', 'webm'],
    ['audio/vi/1.weba', 'webm'],
    ['audio/vi/1.vtt', 'webvtt'],
    ['credits.txt', 'text'],
    ['credits.md', 'markdown'],
    ['evil.html.jpg', 'jpeg'],
  ])('%s is %s', (path, id) => {
    expect(classifyByName(path)?.id).toBe(id);
  });

  it.each([
    'images/evil.html',
    'images/evil.htm',
    'images/evil.svg',
    'images/evil.js',
    'images/evil.mjs',
    'images/evil.xml',
    'images/evil.xhtml',
    'images/evil.pdf',
    'images/evil.jpg.html',
    'images/evil.wav',
    'images/noextension',
    'images/.jpg',
    'images/evil.',
    'images.jpg/evil',
    'tour.json',
  ])('%s is none of the table', (path) => {
    expect(classifyByName(path)).toBeUndefined();
  });
});

describe('servedType', () => {
  it.each([
    ['a.jpg', 'image/jpeg'],
    ['a.JPEG', 'image/jpeg'],
    ['a.png', 'image/png'],
    ['a.webp', 'image/webp'],
    ['a.avif', 'image/avif'],
    ['a.mp3', 'audio/mpeg'],
    ['a.opus', 'audio/ogg'],
    ['a.m4a', 'audio/mp4'],
    ['a.aac', 'audio/aac'],
    ['a.webm', 'audio/webm'],
    ['a.vtt', 'text/vtt; charset=utf-8'],
    ['a.txt', 'text/plain; charset=utf-8'],
    ['a.md', 'text/plain; charset=utf-8'],
    ['tour.json', 'application/json; charset=utf-8'],
    ['evil.html', 'application/octet-stream'],
    ['evil.svg', 'application/octet-stream'],
    ['evil.js', 'application/octet-stream'],
    ['evil.xml', 'application/octet-stream'],
    ['evil', 'application/octet-stream'],
    ['.env', 'application/octet-stream'],
  ])('%s → %s', (path, type) => {
    expect(servedType(path)).toBe(type);
  });

  it('never names a type a browser renders as a page or runs', () => {
    const active = /html|xml|svg|javascript|ecmascript|pdf|x-shockwave|application\/(?!json)/;
    for (const format of MEDIA_FORMATS) expect(format.mime).not.toMatch(active);
  });
});

describe('the table', () => {
  it('gives each extension to one format only, in lower case', () => {
    const all = MEDIA_FORMATS.flatMap((f) => f.extensions);
    expect(new Set(all).size).toBe(all.length);
    for (const ext of all) expect(ext).toBe(ext.toLowerCase());
  });
});
