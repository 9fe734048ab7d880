import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildTourZip, openTourZip } from '../../src/editor/zip.ts';

describe('tour zip', () => {
  it('opens what it builds', async () => {
    const files = new Map([['images/a.jpg', new Uint8Array([1, 2, 3])]]);
    const opened = await openTourZip(await buildTourZip({ id: 't', scenes: [] }, files));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.value.manifest).toEqual({ id: 't', scenes: [] });
    expect([...opened.value.files.keys()]).toEqual(['images/a.jpg']);
  });

  it.each([
    ['zip-unreadable', new Uint8Array([1, 2, 3, 4])],
    ['zip-no-manifest', zipSync({ 'images/a.jpg': strToU8('x') })],
    ['zip-bad-json', zipSync({ 'tour.json': strToU8('{nope') })],
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
      { code: 'zip-bad-path', file: 'evil.zip', path: ['../evil.txt'] },
    ]);
    expect(opened.problems[0]?.message.en).toBe(
      'Zip refused: the file name "../evil.txt" leads outside the tour folder. Nothing was copied.',
    );
  });
});
