/**
 * The staleness rule of the editor's "the recording is older than the text" warning: captions
 * made by the narrate pipeline from a text are fresh for that text and stale for any edit that
 * changes what is spoken; nothing can be judged without captions.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  narrationFreshness,
  needsGenerating,
  spokenForm,
} from '../../src/core/narration/staleness.ts';
import { splitSentences, timeCues } from '../../src/core/narration/sentences.ts';
import { formatWebVtt } from '../../src/core/narration/webvtt.ts';

/** Captions as `narrateTrack` writes them for `text` (one second a sentence). */
const captionsOf = (text: string): string =>
  formatWebVtt(
    timeCues(
      splitSentences(text).map((sentence) => ({ text: sentence, duration: 1 })),
      0.35,
    ),
  );

const LONG_VI =
  'Kim tự tháp kính giữa sân là lối vào chính của bảo tàng, do kiến trúc sư I. M. Pei thiết kế và mở cửa năm 1989, sau nhiều năm tranh cãi.';
const CJK =
  '这是卢浮宫的拿破仑庭院，夜间拍摄，卢浮宫曾经是法国国王的宫殿，自一七九三年起成为博物馆，玻璃金字塔是博物馆的主入口。今天它是世界上参观人数最多的博物馆之一。';

const state = (text: string | undefined, captionsText: string | undefined, audio = 'a.mp3') => ({
  text,
  audio,
  captionsText,
});

describe('narration freshness', () => {
  it('is fresh for the text the captions were made from, long sentences and CJK included', () => {
    for (const text of [LONG_VI, CJK, 'Xin chào.\n\nĐây là cổng chính & sân <trong>.']) {
      expect(narrationFreshness(state(text, captionsOf(text)))).toBe('fresh');
    }
  });

  it('is fresh for the sample tour as it ships (captions made by tour narrate)', () => {
    const tour = JSON.parse(readFileSync('tours/demo/tour.json', 'utf8')) as {
      scenes: { id: string; narration: Record<string, { text: string; captions: string }> }[];
    };
    for (const scene of tour.scenes) {
      for (const track of Object.values(scene.narration)) {
        const vtt = readFileSync(`tours/demo/${track.captions}`, 'utf8');
        expect(narrationFreshness(state(track.text, vtt)), scene.id).toBe('fresh');
      }
    }
  });

  it('is stale when a word, a digit or a diacritic changed', () => {
    const vtt = captionsOf(LONG_VI);
    expect(narrationFreshness(state(LONG_VI.replace('1989', '1988'), vtt))).toBe('stale');
    expect(narrationFreshness(state(LONG_VI.replace('kính', 'kinh'), vtt))).toBe('stale');
    expect(narrationFreshness(state(`${LONG_VI} Mở cửa hằng ngày.`, vtt))).toBe('stale');
    expect(narrationFreshness(state(LONG_VI.replace('Pei', 'Pei'), vtt))).toBe('fresh');
  });

  it('ignores changes nobody hears: line wrapping, extra spaces, composed or decomposed accents', () => {
    const vtt = captionsOf(LONG_VI);
    expect(narrationFreshness(state(LONG_VI.replace(/, /g, ',\n  '), vtt))).toBe('fresh');
    expect(narrationFreshness(state(`  ${LONG_VI}   `, vtt))).toBe('fresh');
    expect(narrationFreshness(state(LONG_VI.normalize('NFD'), vtt))).toBe('fresh');
  });

  it('cannot judge a recording without captions, or with captions that are not WebVTT', () => {
    expect(narrationFreshness(state(LONG_VI, undefined))).toBe('unknown');
    expect(narrationFreshness(state(LONG_VI, '1\n00:00.000 --> 00:01.000\nHello'))).toBe('unknown');
    expect(narrationFreshness(state(LONG_VI, 'WEBVTT\n\n'))).toBe('unknown');
  });

  it('says missing without a recording, and nothing without a text', () => {
    expect(narrationFreshness(state(LONG_VI, undefined, ''))).toBe('missing');
    expect(narrationFreshness(state('   ', captionsOf(LONG_VI)))).toBe('no-text');
    expect(narrationFreshness(state('— … —', undefined, ''))).toBe('no-text');
    expect(needsGenerating('missing')).toBe(true);
    expect(needsGenerating('stale')).toBe(true);
    expect(needsGenerating('unknown')).toBe(false);
    expect(needsGenerating('fresh')).toBe(false);
  });

  it('compares what is spoken: sentences without letters are not spoken', () => {
    expect(spokenForm('Xin chào. ... Hẹn gặp lại.')).toBe(spokenForm('Xin chào.\nHẹn gặp lại.'));
    expect(spokenForm('Xin chào.')).not.toBe(spokenForm('Xin chao.'));
  });
});
