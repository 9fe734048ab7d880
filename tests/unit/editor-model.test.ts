import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../src/editor/locales/en.json';
import vi from '../../src/editor/locales/vi.json';
import { formatManifest } from '../../src/node/editor-server/format-manifest.ts';
import { History } from '../../src/editor/history.ts';
import { judgeSize } from '../../src/editor/image-check.ts';
import {
  addHotspot,
  addScene,
  deleteScene,
  linkBothWays,
  missingLanguages,
  selectionForPath,
  setStartView,
  uniqueId,
} from '../../src/editor/model.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { success } from '../../src/core/result.ts';

const base: Tour = {
  version: 1,
  id: 't',
  title: { vi: 'T' },
  languages: ['vi', 'en'],
  defaultLanguage: 'vi',
  scenes: [],
};
const twoScenes = addScene(
  addScene(base, { id: 'a', title: { vi: 'A' }, source: 'panoramas/a.jpg' }),
  { id: 'b', title: { vi: 'B', en: 'B' }, source: 'panoramas/b.jpg' },
);

describe('editor model', () => {
  it('never mutates the snapshot it edits', () => {
    const frozen = structuredClone(twoScenes);
    addHotspot(twoScenes, 'a', 'info', { yaw: 10.04, pitch: 3 });
    setStartView(twoScenes, 'a', { yaw: 1, pitch: 2, zoom: 30 });
    deleteScene(twoScenes, 'a');
    expect(twoScenes).toEqual(frozen);
  });

  it('places hotspots with unique ids and rounded angles', () => {
    const one = addHotspot(twoScenes, 'a', 'scene', { yaw: 10.04, pitch: -3.96 }, 'b');
    const two = addHotspot(one.tour, 'a', 'scene', { yaw: 0, pitch: 0 }, 'b');
    expect(one.hotspotId).toBe('to-b');
    expect(two.hotspotId).toBe('to-b-2');
    expect(two.tour.scenes[0]!.hotspots[0]!.position).toEqual({ yaw: 10, pitch: -4 });
  });

  it('links two scenes both ways once, and deleting a scene removes links to it', () => {
    const linked = linkBothWays(twoScenes, 'a', 'b', { yaw: 90, pitch: -10 });
    expect(linked.scenes.map((s) => s.hotspots.map((h) => h.type === 'scene' && h.target))).toEqual(
      [['b'], ['a']],
    );
    expect(linked.scenes[1]!.hotspots[0]!.position).toEqual({ yaw: -90, pitch: -10 });
    expect(linkBothWays(linked, 'a', 'b')).toBe(linked);
    expect(deleteScene(linked, 'b').scenes[0]!.hotspots).toEqual([]);
  });

  it('maps a problem path to what the editor selects', () => {
    const linked = linkBothWays(twoScenes, 'a', 'b');
    expect(selectionForPath(linked, ['scenes', 1, 'hotspots', 0, 'target'])).toEqual({
      kind: 'hotspot',
      sceneId: 'b',
      hotspotId: 'to-a',
      field: 'target',
    });
    expect(selectionForPath(linked, ['scenes', 0, 'title', 'en'])).toEqual({
      kind: 'scene',
      sceneId: 'a',
      field: 'title',
    });
    expect(selectionForPath(linked, ['title'])).toEqual({ kind: 'tour', field: 'title' });
  });

  it('makes ids from file names and finds missing translations', () => {
    expect(uniqueId('Đền Hùng.JPG', [])).toBe('den-hung-jpg');
    expect(uniqueId('a', ['a', 'a-2'])).toBe('a-3');
    expect(missingLanguages(twoScenes, { vi: 'x', en: ' ' })).toEqual(['en']);
  });
});

describe('History', () => {
  it('undoes and redoes, merging keystrokes in one field', () => {
    const history = new History(0);
    history.push(1, 'title');
    history.push(2, 'title');
    history.push(3);
    expect(history.undo()).toBe(2);
    expect(history.undo()).toBe(0);
    expect(history.canUndo).toBe(false);
    expect(history.redo()).toBe(2);
    history.push(5);
    expect(history.canRedo).toBe(false);
  });
});

describe('formatManifest and judgeSize', () => {
  it('writes the schema key order, 2-space indent and a final newline', () => {
    const text = formatManifest({ scenes: [], id: 't', version: 1 });
    expect(text).toBe('{\n  "version": 1,\n  "id": "t",\n  "scenes": []\n}\n');
  });

  it('rewrites the hand-formatted sample manifest byte for byte (minimal diffs)', () => {
    const text = readFileSync(new URL('../../tours/demo/tour.json', import.meta.url), 'utf8');
    expect(formatManifest(JSON.parse(text))).toBe(text);
  });

  it('judges panorama sizes', () => {
    const codes = (result: ReturnType<typeof judgeSize>) => result.problems.map((p) => p.code);
    expect(judgeSize(4096, 2048)).toEqual(success({ width: 4096, height: 2048 }));
    expect(judgeSize(16384, 8192)).toMatchObject({ ok: true, value: { width: 16384 } });
    expect(codes(judgeSize(16384, 8192))).toEqual(['image-too-large']);
    expect(judgeSize(16384, 8192).problems[0]?.severity).toBe('warning');
    expect(judgeSize(1024, 512)).toMatchObject({ ok: true });
    expect(codes(judgeSize(1024, 512))).toEqual(['image-too-small']);
    expect(judgeSize(4000, 3000)).toMatchObject({ ok: false });
    expect(codes(judgeSize(4000, 3000))).toEqual(['image-not-panorama']);
  });

  it("words a refused panorama with the editor's own strings, in both languages", () => {
    const [problem] = judgeSize(4000, 3000, 'hall.jpg').problems;
    expect(problem).toMatchObject({ severity: 'error', file: 'hall.jpg', path: [] });
    expect(problem?.message.en).toBe(
      "This picture is 4:3; a 360° picture must be 2:1 (twice as wide as high). Export the panorama again from the camera's app.",
    );
    expect(problem?.message.vi).toContain('tỉ lệ 4:3');
  });
});

describe('editor locales', () => {
  it('vi and en have the same keys and placeholders, none empty', () => {
    const holes = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(vi).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      const other = (vi as Record<string, string>)[key] ?? '';
      expect(other.trim(), key).not.toBe('');
      expect(holes(other), key).toEqual(holes(text));
    }
  });
});
