/**
 * `checkMedia`: a file enters a tour only when its name is in the table and its content is
 * what the name says; the problem names the file and the fix, in Vietnamese and English.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkMedia } from '../../src/core/media/index.ts';

const text = (s: string) => new TextEncoder().encode(s);
let jpeg: Uint8Array;
let png: Uint8Array;

beforeAll(async () => {
  const img = sharp({ create: { width: 4, height: 2, channels: 3, background: '#06c' } });
  jpeg = new Uint8Array(await img.clone().jpeg().toBuffer());
  png = new Uint8Array(await img.clone().png().toBuffer());
});

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

function refusal(path: string, bytes: Uint8Array) {
  const result = checkMedia(path, bytes);
  expect(result.ok).toBe(false);
  expect(result.problems).toHaveLength(1);
  const [problem] = result.problems;
  expect(problem!.severity).toBe('error');
  expect(problem!.file).toBe(path);
  expect(problem!.message.en).toContain(path);
  expect(problem!.message.vi).toContain(path);
  return problem!;
}

describe('checkMedia', () => {
  it('accepts a real picture under its own name', () => {
    const result = checkMedia('panoramas/hall.jpg', jpeg);
    expect(result.ok && result.value.id).toBe('jpeg');
    expect(result.problems).toEqual([]);
    expect(checkMedia('panoramas/HALL.PNG', png).ok).toBe(true);
  });

  it.each([
    ['images/evil.html', '<!DOCTYPE html><script>alert(1)</script>'],
    ['images/evil.svg', '<svg onload="alert(1)"/>'],
    ['images/evil.js', 'alert(1)'],
    ['images/evil.xml', '<?xml version="1.0"?>'],
    ['images/evil.jpg.html', '<html>'],
    ['images/readme', 'hello'],
  ])('refuses %s by its name, listing what a tour may contain', (path, content) => {
    const problem = refusal(path, text(content));
    expect(problem.code).toBe('media-not-allowed');
    expect(problem.message.en).toBe(
      `${path} is not a picture, sound or captions file; tours may contain only ` +
        'pictures (JPEG, PNG, WebP, AVIF), sound (MP3, Ogg/Opus, M4A, AAC, WebM), ' +
        'captions (WebVTT), credits as text (.txt, .md). ' +
        'Fix: remove it from the tour, or convert it to one of these.',
    );
    expect(problem.message.vi).toContain('tour chỉ được chứa ảnh (JPEG, PNG, WebP, AVIF)');
  });

  it.each([
    ['HTML', '<!DOCTYPE html><html><script>alert(document.domain)</script>', 'a web page (HTML)'],
    ['HTML after white space', '\n  <html><body onload=alert(1)>', 'a web page (HTML)'],
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'SVG'],
    ['SVG behind an XML declaration', '<?xml version="1.0"?>\n<svg onload="x()"/>', 'SVG'],
    ['XML', '<?xml version="1.0"?><root/>', 'an XML file'],
    ['JS', 'fetch("/__editor/tours").then(r => r.text())', 'its content is text'],
  ])('refuses %s disguised as .jpg', (_, content, found) => {
    const problem = refusal('images/x.jpg', text(content));
    expect(problem.code).toBe('media-mismatch');
    expect(problem.message.en).toMatch(/^images\/x\.jpg is not a JPEG picture: /);
    expect(problem.message.en).toContain(found);
    expect(problem.message.vi).toMatch(/^images\/x\.jpg không phải ảnh JPEG: /);
  });

  it('says what a misnamed picture is and how to fix it', () => {
    const problem = refusal('images/x.jpg', png);
    expect(problem.message.en).toBe(
      'images/x.jpg is not a JPEG picture: its content is a PNG picture. ' +
        'Fix: rename it to .png (and the name in the tour), or export it again as a JPEG picture.',
    );
    expect(problem.message.vi).toContain('đổi đuôi tên tệp thành .png');
    expect(refusal('audio/vi/1.mp3', png).message.en).toMatch(
      /^audio\/vi\/1\.mp3 is not an MP3 sound: its content is a PNG picture\./,
    );
  });

  it('accepts a polyglot that starts as a JPEG', () => {
    // JPEG magic followed by HTML is still a JPEG: it is only ever served as image/jpeg with
    // nosniff (servedType), so no browser renders the HTML in it.
    const polyglot = concat(jpeg, text('<html><script>alert(1)</script></html>'));
    expect(checkMedia('images/x.jpg', polyglot).ok).toBe(true);
    const headOnly = concat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), text('<script>'));
    expect(checkMedia('images/x.jpg', headOnly).ok).toBe(true);
  });

  it('refuses an empty file, whatever its name', () => {
    for (const path of ['images/x.jpg', 'credits.txt', 'audio/vi/1.vtt']) {
      const problem = refusal(path, new Uint8Array());
      expect(problem.code).toBe('media-empty');
      expect(problem.message.en).toBe(
        `${path} is empty (0 bytes). Fix: copy the file again, or remove it from the tour.`,
      );
    }
  });

  it('reads captions and text after a BOM, and refuses markup behind one', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    expect(checkMedia('a.vtt', concat(bom, text('WEBVTT\n\n'))).ok).toBe(true);
    expect(checkMedia('credits.md', concat(bom, text('# Ghi công\nẢnh: A'))).ok).toBe(true);
    const markup = refusal('credits.md', concat(bom, text('  <script>alert(1)</script>')));
    expect(markup.code).toBe('media-mismatch');
    expect(markup.message.en).toContain('a web page (HTML)');
  });

  it('asks for UTF-8 when a text file is UTF-16 or binary', () => {
    const utf16 = refusal('credits.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00]));
    expect(utf16.message.en).toContain('UTF-16 text, not UTF-8');
    expect(utf16.message.en).toContain('save it again as plain UTF-8 text');
    const nul = refusal('credits.txt', text('abc\0def'));
    expect(nul.message.en).toContain('binary data, not text');
  });

  it('refuses captions without the WEBVTT line', () => {
    const problem = refusal('audio/vi/1.vtt', text('1\n00:00:00,000 --> 00:00:01,000\nHi\n'));
    expect(problem.message.en).toBe(
      'audio/vi/1.vtt is not a WebVTT captions file: its content is text. Fix: add WEBVTT as ' +
        'its first line, then an empty line (an .srt file needs converting to WebVTT).',
    );
  });

  it('refuses unknown binary content and names programs and archives', () => {
    expect(refusal('x.png', new Uint8Array([1, 2, 3, 0])).message.en).toContain(
      'binary data, not text',
    );
    expect(refusal('x.mp3', text('MZ\x90\x00')).message.en).toContain('a program');
    expect(refusal('x.webp', new Uint8Array([0x50, 0x4b, 3, 4, 0])).message.en).toContain(
      'an archive (zip)',
    );
  });

  it('checks only the head of a file when told so', () => {
    const cut = text('Ghi công: Đ').subarray(0, -1);
    expect(checkMedia('credits.txt', cut).ok).toBe(false);
    expect(checkMedia('credits.txt', cut, { partial: true }).ok).toBe(true);
  });
});
