import { describe, expect, it } from 'vitest';
import type { Tour } from '../../src/core/manifest/schema.ts';
import {
  addHotspot,
  addScene,
  hotspotText,
  moveScene,
  sceneOf,
  setArrival,
  setHotspotTitle,
  setInfoImage,
  updateAudioHotspot,
  updateHotspotOfKind,
  updateInfoHotspot,
  updateLinkHotspot,
  updateSceneHotspot,
} from '../../src/editor/model.ts';

const base: Tour = {
  version: 1,
  id: 't',
  title: { vi: 'T' },
  languages: ['vi', 'en'],
  defaultLanguage: 'vi',
  scenes: [],
};

/** Scene a with one hotspot of each kind: to-b (scene), info, audio, link. */
function tourWithEveryKind(): Tour {
  let tour = addScene(addScene(base, { id: 'a', title: { vi: 'A' }, source: 'panoramas/a.jpg' }), {
    id: 'b',
    title: { vi: 'B' },
    source: 'panoramas/b.jpg',
  });
  tour = addHotspot(tour, 'a', 'scene', { yaw: 0, pitch: 0 }, 'b').tour;
  for (const type of ['info', 'audio', 'link'] as const) {
    tour = addHotspot(tour, 'a', type, { yaw: 10, pitch: 0 }).tour;
  }
  return tour;
}

const hotspot = (tour: Tour, id: string) => sceneOf(tour, 'a')?.hotspots.find((h) => h.id === id);

describe('per-kind hotspot updates', () => {
  const tour = tourWithEveryKind();

  it('changes the hotspot of the kind named, and nothing else', () => {
    const next = updateSceneHotspot(tour, 'a', 'to-b', (link) => ({ ...link, target: 'a' }));
    expect(hotspot(next, 'to-b')).toMatchObject({ type: 'scene', target: 'a' });
    expect(hotspot(next, 'info')).toBe(hotspot(tour, 'info'));
    expect(sceneOf(next, 'b')).toBe(sceneOf(tour, 'b'));
    expect(hotspot(tour, 'to-b')).toMatchObject({ target: 'b' });
  });

  it('leaves the tour as it was (the same object) when the kind does not match', () => {
    expect(updateInfoHotspot(tour, 'a', 'to-b', (info) => ({ ...info, body: { vi: 'x' } }))).toBe(
      tour,
    );
    expect(updateLinkHotspot(tour, 'a', 'info', (link) => ({ ...link, url: 'https://x' }))).toBe(
      tour,
    );
    expect(updateHotspotOfKind(tour, 'a', 'nobody', 'audio', (a) => a)).toBe(tour);
    expect(updateSceneHotspot(tour, 'nowhere', 'to-b', (s) => s)).toBe(tour);
  });

  it('edits info, audio and link fields', () => {
    let next = updateInfoHotspot(tour, 'a', 'info', (info) => ({ ...info, body: { vi: 'Chữ' } }));
    next = updateAudioHotspot(next, 'a', 'audio', (a) => ({
      ...a,
      audio: { vi: 'audio/vi/x.mp3' },
    }));
    next = updateLinkHotspot(next, 'a', 'link', (link) => ({
      ...link,
      url: 'https://example.org',
    }));
    expect(hotspot(next, 'info')).toMatchObject({ body: { vi: 'Chữ' } });
    expect(hotspot(next, 'audio')).toMatchObject({ audio: { vi: 'audio/vi/x.mp3' } });
    expect(hotspot(next, 'link')).toMatchObject({ url: 'https://example.org' });
  });

  it('sets a title on any kind', () => {
    for (const id of ['to-b', 'info', 'audio', 'link']) {
      const next = setHotspotTitle(tour, 'a', id, { vi: 'Tên', en: 'Name' });
      expect(hotspot(next, id)?.title).toEqual({ vi: 'Tên', en: 'Name' });
    }
  });

  it('sets (rounded) and clears the arrival view of a scene link only', () => {
    const set = setArrival(tour, 'a', 'to-b', { yaw: 12.345, pitch: -3.21, zoom: 40.6 });
    expect(hotspot(set, 'to-b')).toMatchObject({ arrival: { yaw: 12.3, pitch: -3.2, zoom: 41 } });
    const cleared = setArrival(set, 'a', 'to-b');
    expect(hotspot(cleared, 'to-b')).not.toHaveProperty('arrival');
    expect(setArrival(tour, 'a', 'info', { yaw: 1, pitch: 1 })).toBe(tour);
  });

  it('attaches and removes the picture of an info hotspot', () => {
    const withImage = setInfoImage(tour, 'a', 'info', 'images/x.jpg');
    expect(hotspot(withImage, 'info')).toMatchObject({ image: 'images/x.jpg' });
    expect(hotspot(setInfoImage(withImage, 'a', 'info'), 'info')).not.toHaveProperty('image');
    expect(setInfoImage(tour, 'a', 'link', 'images/x.jpg')).toBe(tour);
  });

  it('reads the text fields of any kind', () => {
    const info = hotspot(
      updateInfoHotspot(tour, 'a', 'info', (i) => ({ ...i, body: { vi: 'B' } })),
      'info',
    );
    expect(info && hotspotText(info, 'body')).toEqual({ vi: 'B' });
    const link = hotspot(tour, 'link');
    expect(link && hotspotText(link, 'body')).toBeUndefined();
    expect(link && hotspotText(link, 'title')).toEqual({ vi: '' });
  });
});

describe('moveScene', () => {
  it('swaps neighbours and refuses to leave the list', () => {
    const tour = tourWithEveryKind();
    expect(moveScene(tour, 'b', -1).scenes.map((s) => s.id)).toEqual(['b', 'a']);
    expect(moveScene(tour, 'a', 1).scenes.map((s) => s.id)).toEqual(['b', 'a']);
    expect(moveScene(tour, 'a', -1)).toBe(tour);
    expect(moveScene(tour, 'b', 1)).toBe(tour);
  });
});
