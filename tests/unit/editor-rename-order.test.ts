import { describe, expect, it } from 'vitest';
import { addScene, linkBothWays, moveScene, renameScene, sceneOf } from '../../src/editor/model.ts';
import { firstBadZipPath, zipPathProblem } from '../../src/core/paths.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';

const base: Tour = {
  version: 1,
  id: 't',
  title: { vi: 'T' },
  languages: ['vi'],
  defaultLanguage: 'vi',
  scenes: [],
};
const three = linkBothWays(
  ['a', 'b', 'c'].reduce<Tour>(
    (tour, id) => addScene(tour, { id, title: { vi: id }, source: `panoramas/${id}.jpg` }),
    { ...base, startScene: 'a' },
  ),
  'a',
  'b',
);

describe('renameScene', () => {
  it('updates links and start scene and keeps the old id as an alias', () => {
    const next = renameScene(three, 'a', 'gate');
    expect(next.startScene).toBe('gate');
    expect(sceneOf(next, 'gate')?.aliases).toEqual(['a']);
    expect(sceneOf(next, 'a')).toBeUndefined();
    const link = sceneOf(next, 'b')?.hotspots?.find((h) => h.type === 'scene');
    expect(link && 'target' in link ? link.target : '').toBe('gate');
  });
  it('refuses an id already used by another scene or alias', () => {
    expect(renameScene(three, 'a', 'b')).toBe(three);
    const renamed = renameScene(three, 'c', 'd');
    expect(renameScene(renamed, 'a', 'c')).toBe(renamed);
  });
  it('renaming back drops the alias instead of duplicating it', () => {
    const back = renameScene(renameScene(three, 'a', 'x'), 'x', 'a');
    expect(sceneOf(back, 'a')?.aliases).toEqual(['x']);
  });
});

describe('moveScene', () => {
  it('swaps with the neighbour and ignores moves past the ends', () => {
    expect(moveScene(three, 'b', -1).scenes.map((s) => s.id)).toEqual(['b', 'a', 'c']);
    expect(moveScene(three, 'b', 1).scenes.map((s) => s.id)).toEqual(['a', 'c', 'b']);
    expect(moveScene(three, 'a', -1)).toBe(three);
    expect(moveScene(three, 'c', 1)).toBe(three);
  });
});

describe('zip path checks', () => {
  it('accepts plain relative paths', () => {
    expect(zipPathProblem('tour.json')).toBeUndefined();
    expect(zipPathProblem('images/a b.jpg')).toBeUndefined();
    expect(firstBadZipPath(['tour.json', 'audio/vi/a.mp3'])).toBeUndefined();
  });
  it('refuses escapes and absolute paths', () => {
    for (const bad of ['../evil', 'a/../../evil', '/etc/passwd', 'C:/x', 'a\\..\\b', ''])
      expect(zipPathProblem(bad), bad).toBeDefined();
    expect(firstBadZipPath(['tour.json', '../evil'])?.name).toBe('../evil');
  });
});
