/**
 * The built site is for tourists: no editor code may reach it (the editor runs only with the
 * dev server, `npm run author`). Checks the `dist/` that `npm run test:e2e` builds.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Strings found only in the editor's code (endpoint, IndexedDB name, UI texts, classes). */
const EDITOR_ONLY = [
  '__editor/tours',
  'heritage-tour-editor',
  'X-Tour-Editor',
  'Soạn tour',
  'Liên kết hai chiều',
  'ed-marker',
];

describe('the built site', () => {
  it('has no editor page and no editor code', async () => {
    const top = await readdir(dist);
    expect(top).not.toContain('editor');
    const assets = (await readdir(`${dist}assets`)).filter((f) => /\.(js|css|html)$/.test(f));
    expect(assets.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const file of [...assets.map((f) => `assets/${f}`), 'index.html']) {
      const text = await readFile(`${dist}${file}`, 'utf8');
      for (const needle of EDITOR_ONLY) if (text.includes(needle)) found.push(`${file}: ${needle}`);
    }
    expect(found).toEqual([]);
  });
});
