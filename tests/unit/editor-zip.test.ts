import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildTourZip, openTourZip } from '../../src/editor/zip.ts';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0, 0]);

describe('tour zip', () => {
  it('opens what it builds', async () => {
    const files = new Map([['images/a.jpg', JPEG]]);
    const opened = await openTourZip(await buildTourZip({ id: 't', scenes: [] }, files));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.manifest).toEqual({ id: 't', scenes: [] });
    expect([...opened.value.files.keys()]).toEqual(['images/a.jpg']);
    expect(opened.value.files.get('images/a.jpg')).toEqual(JPEG);
  });

  it('opens a deflated zip read in small pieces, folders and all', async () => {
    const big = new Uint8Array(300_000).map((_, i) => (i * 7919) % 251);
    big.set(JPEG);
    const bytes = zipSync(
      { 'tour.json': strToU8('{"id":"t"}'), panoramas: {}, 'panoramas/p.jpg': big },
      { level: 6 },
    );
    const opened = await openTourZip(bytes, 'x.zip');
    expect(opened.ok, JSON.stringify(opened.problems)).toBe(true);
    if (opened.ok) expect(opened.value.files.get('panoramas/p.jpg')).toEqual(big);
  }, 30_000);

  it.each([
    ['zip-unreadable', new Uint8Array([1, 2, 3, 4])],
    ['zip-no-manifest', zipSync({ 'images/a.jpg': JPEG })],
    ['zip-bad-json', zipSync({ 'tour.json': strToU8('{nope') })],
    ['zip-bad-json', zipSync({ 'tour.json': strToU8('[1]') })],
  ])('refuses with %s', async (code, bytes) => {
    const opened = await openTourZip(bytes, 'x.zip');
    expect(opened.ok).toBe(false);
    expect(opened.problems).toMatchObject([{ code, severity: 'error', file: 'x.zip' }]);
    expect(opened.problems[0]?.message.en).not.toBe('');
    expect(opened.problems[0]?.message.vi).not.toBe('');
  });

  it('refuses a zip whole when one name leads outside, naming it', async () => {
    const bytes = zipSync({ 'tour.json': strToU8('{}'), '../evil.txt': strToU8('x') });
    const opened = await openTourZip(bytes, 'evil.zip');
    expect(opened.ok).toBe(false);
    expect(opened.problems).toMatchObject([
      { code: 'zip-bad-name', file: 'evil.zip', path: ['../evil.txt'] },
    ]);
    expect(opened.problems[0]?.message.en).toContain('"../evil.txt" is not allowed');
  });

  it('refuses two names that are one file on Windows and macOS', async () => {
    const bytes = zipSync({
      'tour.json': strToU8('{}'),
      'images/a.jpg': JPEG,
      'Images/A.jpg': JPEG,
    });
    const opened = await openTourZip(bytes, 'dup.zip');
    expect(opened.problems).toMatchObject([{ code: 'zip-duplicate-name', path: ['Images/A.jpg'] }]);
  });

  it('refuses a zip with one file that is not the media its name says (HTML named .jpg, SVG)', async () => {
    const html = strToU8('<!doctype html><script>alert(1)</script>');
    for (const [name, data] of [
      ['images/evil.jpg', html],
      ['images/evil.svg', strToU8('<svg onload="alert(1)"/>')],
      ['index.html', html],
    ] as const) {
      const bytes = zipSync({ 'tour.json': strToU8('{}'), 'panoramas/p.jpg': JPEG, [name]: data });
      const opened = await openTourZip(bytes, 'bad.zip');
      expect(opened.ok, name).toBe(false);
      expect(opened.problems[0]?.message.en, name).toContain(name);
    }
  });
});
