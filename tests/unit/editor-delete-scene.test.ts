/**
 * Deleting a scene whose QR codes may be printed: with an heir, its code and former codes
 * become the heir's aliases (so the posters open that scene); without, it is a plain delete.
 */
import { describe, expect, it } from 'vitest';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { validateTourData } from '../../src/core/manifest/validate.ts';
import { deleteSceneKeepingCode } from '../../src/editor/model.ts';

const tour: Tour = {
  version: 1,
  id: 't',
  title: { vi: 'T' },
  languages: ['vi'],
  defaultLanguage: 'vi',
  startScene: 'b',
  scenes: [
    {
      id: 'a',
      title: { vi: 'A' },
      panorama: { source: 'a.jpg' },
      hotspots: [{ id: 'to-b', type: 'scene', target: 'b', position: { yaw: 0, pitch: 0 } }],
    },
    {
      id: 'b',
      aliases: ['old-b'],
      title: { vi: 'B' },
      panorama: { source: 'b.jpg' },
      hotspots: [],
    },
    { id: 'c', aliases: ['x'], title: { vi: 'C' }, panorama: { source: 'c.jpg' }, hotspots: [] },
  ],
};

describe('deleteSceneKeepingCode', () => {
  it('gives the deleted scene’s codes to the heir and drops the links to it', async () => {
    const next = deleteSceneKeepingCode(tour, 'b', 'c');
    expect(next.scenes.map((s) => s.id)).toEqual(['a', 'c']);
    expect(next.scenes[1]?.aliases).toEqual(['x', 'b', 'old-b']);
    expect(next.scenes[0]?.hotspots).toEqual([]);
    expect(next.startScene).toBeUndefined();
    const { problems } = await validateTourData(next, { file: 'tour.json' });
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('without an heir (or an unknown one) only deletes', () => {
    expect(deleteSceneKeepingCode(tour, 'b').scenes.map((s) => s.aliases)).toEqual([
      undefined,
      ['x'],
    ]);
    expect(deleteSceneKeepingCode(tour, 'b', 'nope').scenes[1]?.aliases).toEqual(['x']);
    expect(deleteSceneKeepingCode(tour, 'b', 'b').scenes.map((s) => s.id)).toEqual(['a', 'c']);
  });
});
