/**
 * Content falls back per text: the visitor's language → English when the tour has it → the
 * tour's default; narration the same way, after the device's voice for a text in the
 * visitor's own language.
 */
import { describe, expect, it } from 'vitest';
import { contentOrder, contentText } from '../../src/core/language/content-fallback.ts';
import type { Scene } from '../../src/core/manifest/schema.ts';
import { planNarration } from '../../src/core/narration/narration-plan.ts';

const viEn = { languages: ['vi', 'en'], defaultLanguage: 'vi' };
const viFr = { languages: ['vi', 'fr'], defaultLanguage: 'vi' };
const enFirst = { languages: ['fr', 'en'], defaultLanguage: 'fr' };

describe('contentOrder', () => {
  it.each([
    ['ko', viEn, ['ko', 'en', 'vi']],
    ['vi', viEn, ['vi', 'en']],
    ['en', viEn, ['en', 'vi']],
    ['ko', viFr, ['ko', 'vi']],
    ['ja', enFirst, ['ja', 'en', 'fr']],
  ])('%s on a tour of %j tries %j', (lang, tour, order) => {
    expect(contentOrder(lang, tour)).toEqual(order);
  });
});

describe('contentText', () => {
  const full = { vi: 'Cổng', en: 'Gate' };
  type Case = [string, Record<string, string> | undefined, string, typeof viEn, unknown];
  it.each<Case>([
    ['own language', full, 'vi', viEn, { text: 'Cổng', lang: 'vi', fallback: false }],
    ['Korean visitor: English', full, 'ko', viEn, { text: 'Gate', lang: 'en', fallback: true }],
    ['French visitor: English', full, 'fr', viEn, { text: 'Gate', lang: 'en', fallback: true }],
    [
      'English missing here: default',
      { vi: 'Cổng' },
      'ja',
      viEn,
      { text: 'Cổng', lang: 'vi', fallback: true },
    ],
    [
      'blank English counts as missing',
      { vi: 'Cổng', en: ' ' },
      'ko',
      viEn,
      { text: 'Cổng', lang: 'vi', fallback: true },
    ],
    [
      'tour without English: default',
      { vi: 'Cổng', fr: 'Porte' },
      'ko',
      viFr,
      { text: 'Cổng', lang: 'vi', fallback: true },
    ],
    [
      'an English text the tour does not list is not used',
      { vi: 'Cổng', en: 'Gate' },
      'ko',
      viFr,
      { text: 'Cổng', lang: 'vi', fallback: true },
    ],
    [
      'only a stray language: shown anyway',
      { de: 'Tor' },
      'ko',
      viEn,
      { text: 'Tor', lang: 'de', fallback: true },
    ],
    ['no map', undefined, 'ko', viEn, undefined],
  ])('%s', (_name, map, lang, tour, expected) => {
    expect(contentText(map, lang, tour)).toEqual(expected);
  });
});

describe('planNarration', () => {
  const scene = (narration: Scene['narration']): Scene =>
    ({
      id: 's',
      title: { vi: 'S' },
      panorama: { source: 'p.jpg' },
      hotspots: [],
      narration,
    }) as Scene;
  const both = scene({
    vi: { text: 'Xin chào.', audio: 'audio/vi/s.mp3', captions: 'audio/vi/s.vtt' },
    en: { text: 'Hello.', audio: 'audio/en/s.mp3', captions: 'audio/en/s.vtt' },
  });

  it('plays the recording in the visitor’s language', () => {
    expect(planNarration(both, 'vi', viEn)).toMatchObject({
      kind: 'audio',
      lang: 'vi',
      fallback: false,
    });
  });

  it('gives a Korean visitor the English recording, marked as a fallback', () => {
    expect(planNarration(both, 'ko', viEn)).toMatchObject({
      kind: 'audio',
      lang: 'en',
      audio: 'audio/en/s.mp3',
      fallback: true,
    });
  });

  it('reads the visitor’s own text with the device voice before any fallback recording', () => {
    const withKoText = scene({ ...both.narration, ko: { text: '안녕하세요.' } });
    expect(planNarration(withKoText, 'ko', viEn)).toEqual({
      kind: 'speech',
      lang: 'ko',
      text: '안녕하세요.',
      fallback: false,
    });
  });

  it('falls back to the default when the tour has no English', () => {
    expect(planNarration(both, 'ko', viFr)).toMatchObject({
      kind: 'audio',
      lang: 'vi',
      fallback: true,
    });
  });

  it('uses English text by speech when English has no recording', () => {
    const enText = scene({ vi: { audio: 'audio/vi/s.mp3' }, en: { text: 'Hello.' } });
    expect(planNarration(enText, 'fr', viEn)).toEqual({
      kind: 'speech',
      lang: 'en',
      text: 'Hello.',
      fallback: true,
    });
  });

  it('has nothing to say for a scene without narration', () => {
    expect(planNarration(scene(undefined), 'ko', viEn)).toEqual({ kind: 'none' });
  });
});
