/**
 * "Import zip" in the editor is an unsaved change (issue 21, finding 3: it wrote every entry
 * at once — a non-JPEG replaced tours/t1/panoramas/p.jpg, undo could not bring it back, and a
 * zip with a refused entry stopped half-way after writing the entries before it). Here the
 * endpoint is a recorder: whatever it is asked to write is what would reach the disk.
 */
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Tour } from '../../src/core/manifest/schema.ts';
import type * as ApiModule from '../../src/editor/api.ts';
import { History } from '../../src/editor/history.ts';
import { createEditorTranslator } from '../../src/editor/i18n.ts';
import { canonicalJson } from '../../src/editor/model.ts';
import { EditorStore } from '../../src/editor/store.ts';
import { importZip } from '../../src/editor/tour-files.ts';
import { normalize } from '../../src/editor/util.ts';

const written = vi.hoisted(() => [] as string[]);
vi.mock('../../src/editor/api.ts', async (original) => ({
  ...(await original<typeof ApiModule>()),
  uploadFile: vi.fn(async (_id: string, relative: string, blob: Blob) => {
    written.push(`${relative}:${(await blob.arrayBuffer()).byteLength}`);
  }),
  saveManifest: vi.fn(async () => {
    written.push('tour.json');
    return Date.now();
  }),
}));

const demo = normalize(
  JSON.parse(readFileSync(new URL('../../tours/demo/tour.json', import.meta.url), 'utf8')),
);
const JPEG = (size: number) => {
  const bytes = new Uint8Array(size);
  bytes.set([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
  return bytes;
};

let store: EditorStore;
let original: Tour;

beforeEach(async () => {
  written.length = 0;
  store = new EditorStore(await createEditorTranslator('en'), () => {});
  original = { ...demo, id: 't1' };
  // Every file the demo tour names, as if on disk.
  const named = JSON.stringify(demo).match(/"[\w/.-]+\.(jpg|png|webp|mp3|ogg|vtt|txt|md)"/g) ?? [];
  const files = new Set(['tour.json', ...named.map((quoted) => quoted.slice(1, -1))]);
  store.open = {
    id: 't1',
    history: new History(original),
    files,
    savedJson: canonicalJson(original),
  };
});

/** A zip of the tour with a new title and `extra` entries. */
function tourZip(extra: Record<string, Uint8Array>): File {
  const manifest = { ...original, title: { vi: 'Đã nhập', en: 'Imported' } };
  const bytes = zipSync({ 'tour.json': strToU8(JSON.stringify(manifest)), ...extra });
  return new File([bytes], 'tour.zip', { type: 'application/zip' });
}

describe('importing a zip in the editor', () => {
  it('writes nothing, and changes nothing, when one entry is refused', async () => {
    const zip = tourZip({
      'panoramas/louvre.jpg': JPEG(5000),
      'images/evil.jpg': strToU8('<!doctype html><script>alert(1)</script>'),
    });
    await importZip(store, zip);
    expect(written).toEqual([]);
    expect(store.tour).toBe(original);
    expect(store.dirty).toBe(false);
    expect(store.status).toContain('images/evil.jpg is not a JPEG picture');
  });

  it('holds a replaced panorama in memory until Save, then writes it before the manifest', async () => {
    await importZip(store, tourZip({ 'panoramas/louvre.jpg': JPEG(5000) }));
    expect(written).toEqual([]);
    expect(store.tour.title.en).toBe('Imported');
    expect(store.dirty).toBe(true);
    expect([...store.stagedFiles.keys()]).toEqual(['panoramas/louvre.jpg']);
    expect(store.fileUrl('panoramas/louvre.jpg')).toMatch(/^blob:/);
    // A later edit keeps the staged file.
    store.commit({ ...store.tour, description: { vi: 'Mô tả', en: 'About' } });
    expect(store.stagedFiles.size).toBe(1);

    await store.save();
    expect(written, store.status).toEqual(['panoramas/louvre.jpg:5000', 'tour.json']);
    expect(store.stagedFiles.size).toBe(0);
    expect(store.dirty).toBe(false);
  });

  it('is taken back whole by undo: the manifest and the files, nothing written on Save', async () => {
    await importZip(
      store,
      tourZip({ 'panoramas/louvre.jpg': JPEG(5000), 'images/new.jpg': JPEG(300) }),
    );
    expect(store.hasFile('images/new.jpg')).toBe(true);
    store.undo();
    expect(store.tour).toBe(original);
    expect(store.stagedFiles.size).toBe(0);
    expect(store.hasFile('images/new.jpg')).toBe(false);
    expect(store.fileUrl('panoramas/louvre.jpg')).toBe('/tours/t1/panoramas/louvre.jpg');
    expect(store.dirty).toBe(false);
    store.redo();
    expect(store.stagedFiles.size).toBe(2);
    store.undo();
    await store.save();
    expect(written).toEqual(['tour.json']);
  });
});
