/**
 * Good defaults of the editor (issue 17, item 5): a click only looks until a kind is chosen,
 * the way back of a two-way link lands in front of the author, an alias only for a code that
 * was saved, and every refusal of the server in plain words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { i18n as I18n } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Position, Tour } from '../../src/core/manifest/schema.ts';
import { hasOwnMessage, refusalMessage } from '../../src/editor/api-errors.ts';
import { EditorApiError } from '../../src/editor/api.ts';
import type { EditorContext } from '../../src/editor/context.ts';
import { savedSceneIds } from '../../src/editor/fields/rename.ts';
import { History } from '../../src/editor/history.ts';
import { linkBothFromHere } from '../../src/editor/link-both.ts';
import {
  addScene,
  canonicalJson,
  linkScenes,
  renameScene,
  sceneOf,
} from '../../src/editor/model.ts';
import type { PanoramaView } from '../../src/editor/panorama-view.ts';
import { EditorStore } from '../../src/editor/store.ts';
import { reasonOf } from '../../src/editor/util.ts';

const base: Tour = {
  version: 1,
  id: 't',
  title: { vi: 'T' },
  languages: ['vi'],
  defaultLanguage: 'vi',
  scenes: [],
};
const twoScenes = ['cong', 'sanh'].reduce<Tour>(
  (tour, id) => addScene(tour, { id, title: { vi: id }, source: `panoramas/${id}.jpg` }),
  base,
);

/** A store with `tour` open, `saved` being the tour.json on disk; strings are their keys. */
function storeWith(tour: Tour, saved: Tour = tour): EditorStore {
  const i18n = { t: (key: string) => key, language: 'vi' } as unknown as I18n;
  const store = new EditorStore(i18n, () => undefined);
  store.open = {
    id: 't',
    history: new History(tour),
    files: new Set(),
    savedJson: canonicalJson(saved),
  };
  store.sceneId = tour.scenes[0]?.id;
  return store;
}

const hotspotsOf = (store: EditorStore, sceneId: string) =>
  sceneOf(store.tour, sceneId)?.hotspots ?? [];

describe('a click in the panorama', () => {
  it('places nothing in the default mode: it only looks and selects', () => {
    const store = storeWith(twoScenes);
    expect(store.placeType).toBe('none');
    store.placeHotspot({ yaw: 10, pitch: 0 });
    expect(hotspotsOf(store, 'cong')).toEqual([]);
    expect(store.open?.history.canUndo).toBe(false);
  });

  it('places one hotspot of the chosen kind, then is back to looking', () => {
    const store = storeWith(twoScenes);
    store.setPlaceType('info');
    store.placeHotspot({ yaw: 10, pitch: 0 });
    expect(hotspotsOf(store, 'cong').map((h) => h.type)).toEqual(['info']);
    expect(store.selection).toMatchObject({ kind: 'hotspot', sceneId: 'cong' });
    expect(store.placeType).toBe('none');
    store.placeHotspot({ yaw: 50, pitch: 0 });
    expect(hotspotsOf(store, 'cong')).toHaveLength(1);
  });
});

describe('link both ways', () => {
  it('puts the way back where asked, and names it', () => {
    const linked = linkScenes(
      twoScenes,
      'cong',
      'sanh',
      { yaw: 90, pitch: -10 },
      { yaw: 30, pitch: 5 },
    );
    const back = sceneOf(linked.tour, 'sanh')?.hotspots[0];
    expect(back).toMatchObject({
      id: linked.returnId,
      target: 'cong',
      position: { yaw: 30, pitch: 5 },
    });
    // Linked already both ways: nothing added, no way back to show.
    expect(linkScenes(linked.tour, 'cong', 'sanh', { yaw: 0, pitch: 0 })).toEqual({
      tour: linked.tour,
      returnId: undefined,
    });
  });

  it('shows the other scene with the way back at the centre of the screen, selected and flashing', () => {
    const withStart: Tour = {
      ...twoScenes,
      scenes: twoScenes.scenes.map((s) =>
        s.id === 'sanh' ? { ...s, startView: { yaw: -120, pitch: 8, zoom: 40 } } : s,
      ),
    };
    const store = storeWith(withStart);
    const view = { currentView: () => ({ yaw: 45, pitch: 20, zoom: 50 }) } as PanoramaView;
    const ctx: EditorContext = { store, view };
    linkBothFromHere(ctx, 'cong', 'sanh');
    const forward = hotspotsOf(store, 'cong')[0];
    expect(forward).toMatchObject({ target: 'sanh', position: { yaw: 45, pitch: -10 } });
    const back = hotspotsOf(store, 'sanh')[0];
    // The viewer opens "sanh" at its start view: that is where the author looks now.
    expect(back?.position).toEqual<Position>({ yaw: -120, pitch: 8 });
    expect(store.sceneId).toBe('sanh');
    expect(store.selection).toEqual({ kind: 'hotspot', sceneId: 'sanh', hotspotId: back?.id });
    expect(store.flashHotspotId).toBe(back?.id);
    expect(store.status).toBe('linkBack_placed');
    // The next change ends the flashing.
    store.undo();
    expect(store.flashHotspotId).toBeUndefined();
  });

  it('stays in the scene when the way back existed already', () => {
    const back = linkScenes(twoScenes, 'sanh', 'cong', { yaw: 0, pitch: 0 }).tour;
    const store = storeWith(back);
    const view = { currentView: () => ({ yaw: 0, pitch: 0 }) } as PanoramaView;
    linkBothFromHere({ store, view }, 'cong', 'sanh');
    expect(hotspotsOf(store, 'cong')).toHaveLength(1);
    expect(store.sceneId).toBe('cong');
    expect(store.flashHotspotId).toBeUndefined();
  });
});

describe('renaming a scene keeps an alias only for a saved code', () => {
  /** What the rename field does: the old code stays an alias if the saved file has it. */
  const rename = (store: EditorStore, from: string, to: string) =>
    store.commit(renameScene(store.tour, from, to, savedSceneIds(store).has(from)));

  it('keeps no alias for a scene added since the last save', () => {
    const store = storeWith(twoScenes, base);
    rename(store, 'cong', 'cong-chinh');
    expect(sceneOf(store.tour, 'cong-chinh')).toBeDefined();
    expect(sceneOf(store.tour, 'cong-chinh')?.aliases).toBeUndefined();
  });

  it('keeps the saved code, and only it, through several renames', () => {
    const store = storeWith(twoScenes);
    rename(store, 'cong', 'cong-chinh');
    expect(sceneOf(store.tour, 'cong-chinh')?.aliases).toEqual(['cong']);
    rename(store, 'cong-chinh', 'cong-truoc');
    expect(sceneOf(store.tour, 'cong-truoc')?.aliases).toEqual(['cong']);
    // Back to the saved code: no alias left at all.
    rename(store, 'cong-truoc', 'cong');
    expect(sceneOf(store.tour, 'cong')?.aliases).toBeUndefined();
  });

  it('counts a saved alias as printed too', () => {
    const saved = renameScene(twoScenes, 'cong', 'cong-moi');
    expect(savedSceneIds(storeWith(saved))).toEqual(new Set(['cong-moi', 'cong', 'sanh']));
    expect(savedSceneIds(storeWith(saved, { ...base, scenes: 'x' } as unknown as Tour))).toEqual(
      new Set(),
    );
  });

  it('still refuses a code another scene uses', () => {
    const store = storeWith(twoScenes, base);
    expect(renameScene(store.tour, 'cong', 'sanh', false)).toBe(store.tour);
  });
});

/** Every literal reason the editor's server refuses with, and whether it sends its own words. */
function serverReasons(): Array<{ reason: string; withMessage: boolean; where: string }> {
  const dir = path.join(import.meta.dirname, '../../src/node/editor-server');
  const found: Array<{ reason: string; withMessage: boolean; where: string }> = [];
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.ts'))) {
    const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
    lines.forEach((line, i) => {
      const near = lines.slice(i, i + 2).join(' ');
      for (const match of line.matchAll(
        /refuse\(\s*res,\s*\d+,\s*'([^']+)'|invalid: '([^']+)'|error: '([^']+)'|return '([^']+)';/g,
      )) {
        const reason = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
        // `return 'x';` only in a function answering a refusal reason (phone preview).
        if (match[4] !== undefined && !/phone-preview/.test(file)) continue;
        found.push({ reason, withMessage: /message:/.test(near), where: `${file}:${i + 1}` });
      }
    });
  }
  return found;
}

describe('refusals of the server, in the author’s words', () => {
  it('finds the reasons in the server code (or this test checks nothing)', () => {
    const reasons = serverReasons().map((r) => r.reason);
    expect(reasons).toEqual(expect.arrayContaining(['exists', 'bad tour', 'busy', 'forbidden']));
  });

  it('has a sentence of its own for every reason the server gives without one', () => {
    const missing = serverReasons().filter((r) => !r.withMessage && !hasOwnMessage(r.reason));
    expect(missing).toEqual([]);
  });

  it('never shows the raw reason, in either language', () => {
    for (const { reason } of serverReasons()) {
      const message = refusalMessage(reason, 400);
      // The English sentence may use the reason's words ("not found"), in a whole sentence.
      expect(message.vi, reason).not.toContain(reason);
      expect(message.en, reason).not.toBe(reason);
      for (const text of [message.vi, message.en]) {
        expect(text.trim().length, reason).toBeGreaterThan(20);
      }
      expect(message.vi, reason).not.toBe(message.en);
    }
  });

  it('says what to do on a taken tour code', () => {
    const error = new EditorApiError('exists', 409);
    expect(reasonOf(error, 'vi')).toBe('Đã có tour mã này. Chọn mã khác.');
    expect(reasonOf(error, 'en')).toBe(
      'There is already a tour with this code. Choose another code.',
    );
    expect(reasonOf(new EditorApiError('bad tour', 400), 'vi')).not.toMatch(/bad tour/);
  });

  it('translates a reason it does not know by its status, and keeps the server’s own words', () => {
    expect(refusalMessage('something new', 503).vi).toBe(refusalMessage('busy', 503).vi);
    expect(refusalMessage('something new', 418).vi).toContain('418');
    expect(refusalMessage('espeak-ng has no voice for "km"', 422).vi).toContain('giọng đọc');
    const own = { vi: 'Tiếng Việt của máy chủ', en: 'The server’s English' };
    expect(reasonOf(new EditorApiError('not media', 415, own), 'vi')).toBe(own.vi);
    // No editor endpoint at all (a page that is not JSON): the way out is the zip.
    expect(refusalMessage('HTTP 404', 404).vi).toContain('Xuất zip');
    // A reason named like an Object method is not a translation.
    expect(refusalMessage('toString', 400).vi).toBe(refusalMessage('bad request', 400).vi);
  });
});
