/**
 * Labels of printed links: a hotspot's link opens its scene facing the hotspot, so its label
 * names that scene, then what the hotspot is (an arrow to another scene, a story, a web link),
 * in each of the tour's languages.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hotspotLabel, printedLinks } from '../../src/core/links/scene-links.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';

const load = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Tour;
const cjk = load('tests/fixtures/cjk-tour/tour.json');
const demo = load('tours/demo/tour.json');

function label(tour: Tour, key: string, lang: string): string {
  const [sceneId, hotspotId] = key.split('/');
  const scene = tour.scenes.find((s) => s.id === sceneId)!;
  return hotspotLabel(
    tour,
    scene,
    scene.hotspots.find((h) => h.id === hotspotId)!,
    lang,
  );
}

describe('hotspot labels', () => {
  it.each([
    // scene hotspot without a title: the arrow to its target
    ['gate/to-hall', 'vi', 'Cổng đền — mũi tên tới Hậu cung'],
    ['gate/to-hall', 'en', 'Temple gate — arrow to Inner sanctum'],
    ['gate/to-hall', 'fr', 'Porte du temple — flèche vers Sanctuaire intérieur'],
    ['gate/to-hall', 'zh', '寺庙大门 — 前往后殿的箭头'],
    ['gate/to-hall', 'ko', '사당 정문 — 후궁 방향 화살표'],
    ['gate/to-hall', 'ja', '神社の門 — 奥の院への矢印'],
    // scene hotspot with its own title ("Back to the gate"): still named by where it leads
    ['hall/back', 'en', 'Inner sanctum — arrow to Temple gate'],
    ['hall/back', 'ja', '奥の院 — 神社の門への矢印'],
    // info hotspot: the scene, then the hotspot's title
    ['gate/stele', 'vi', 'Cổng đền — Bia đá'],
    ['gate/stele', 'en', 'Temple gate — Stone stele'],
    ['gate/stele', 'zh', '寺庙大门 — 石碑'],
    // audio hotspot
    ['hall/bell', 'en', 'Inner sanctum — Bronze bell'],
    ['hall/bell', 'ko', '후궁 — 청동 종'],
    // link hotspot: said to be a link
    ['garden/museum', 'vi', 'Vườn — liên kết: Trang bảo tàng'],
    ['garden/museum', 'en', 'Garden — link: Museum website'],
    ['garden/museum', 'fr', 'Jardin — lien : Site du musée'],
    ['garden/museum', 'zh', '花园 — 链接：博物馆网站'],
    ['garden/museum', 'ja', '庭園 — リンク：博物館のウェブサイト'],
    // a language the tour lacks: its phrase (English when none), texts in the default language
    ['gate/to-hall', 'de', 'Cổng đền — arrow to Hậu cung'],
    ['gate/to-hall', 'zh-TW', 'Cổng đền — 前往Hậu cung的箭頭'],
    ['gate/stele', 'ko-KR', 'Cổng đền — Bia đá'],
  ])('%s in %s: %s', (key, lang, expected) => {
    expect(label(cjk, key, lang)).toBe(expected);
  });

  it('names the scene the link opens, not the one the arrow leads to (sample tour)', () => {
    expect(label(demo, 'louvre/to-machu-picchu', 'en')).toBe(
      'Louvre Museum — Cour Napoléon — arrow to Machu Picchu — citadel and terraces',
    );
    expect(label(demo, 'louvre/to-machu-picchu', 'vi')).toMatch(
      /^Bảo tàng Louvre — sân Napoléon — mũi tên tới Machu Picchu/,
    );
  });
});

describe('printed links', () => {
  const links = printedLinks(cjk, 'https://di-tich.example.vn/', { hotspots: true });

  it('carry the label in the default language and in each of the tour languages', () => {
    const link = links.find((l) => l.key === 'gate/to-hall')!;
    expect(link.title).toBe('Cổng đền — mũi tên tới Hậu cung');
    expect(link.titles.map((t) => t.lang)).toEqual(['vi', 'en', 'zh', 'ko', 'ja', 'fr']);
    expect(link.titles.find((t) => t.lang === 'ko')?.text).toBe('사당 정문 — 후궁 방향 화살표');
  });

  it('label a scene by its title, only in the languages it is translated into', () => {
    const tour = { ...cjk, scenes: cjk.scenes.map((s) => ({ ...s, title: { vi: s.title.vi! } })) };
    const [gate] = printedLinks(tour, 'https://di-tich.example.vn/');
    expect(gate!.title).toBe('Cổng đền');
    expect(gate!.titles).toEqual([{ lang: 'vi', text: 'Cổng đền' }]);
  });
});
