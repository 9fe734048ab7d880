import { describe, expect, it } from 'vitest';
import {
  displayWidth,
  MAX_CUE_WIDTH,
  splitCueText,
  splitSentences,
  timeCues,
} from '../../src/core/narration/sentences.ts';

describe('splitSentences', () => {
  it('splits Vietnamese text and keeps its diacritics and number formats', () => {
    const text =
      'Kim tự tháp kính do kiến trúc sư I. M. Pei thiết kế, mở cửa năm 1989. Cao khoảng 21,6 m!   Đỉnh núi cao 1.885 mét. Bạn đã đến đây chưa? Tp. Huế ở miền Trung…';
    expect(splitSentences(text)).toEqual([
      'Kim tự tháp kính do kiến trúc sư I. M. Pei thiết kế, mở cửa năm 1989.',
      'Cao khoảng 21,6 m!',
      'Đỉnh núi cao 1.885 mét.',
      'Bạn đã đến đây chưa?',
      'Tp. Huế ở miền Trung…',
    ]);
  });

  it('splits English text, keeping closing quotes and simple abbreviations', () => {
    const text =
      'Dr. Smith said "It opened in 1793." Then he left... and came back?! It is approx. three km (about 2 mi.) away. Wait… Really.';
    expect(splitSentences(text)).toEqual([
      'Dr. Smith said "It opened in 1793."',
      'Then he left... and came back?!',
      'It is approx. three km (about 2 mi.) away.',
      'Wait…',
      'Really.',
    ]);
  });

  it('splits Chinese at full-width marks without spaces', () => {
    expect(splitSentences('故宫是明清两代的皇家宫殿。它位于北京！你去过吗？去过')).toEqual([
      '故宫是明清两代的皇家宫殿。',
      '它位于北京！',
      '你去过吗？',
      '去过',
    ]);
  });

  it('ends a sentence at a blank line, collapses whitespace and drops punctuation-only pieces', () => {
    expect(splitSentences('Đền Hùng\n\nNơi thờ các\n  vua Hùng.  … !')).toEqual([
      'Đền Hùng',
      'Nơi thờ các vua Hùng.',
    ]);
    expect(splitSentences('   ')).toEqual([]);
  });
});

describe('splitCueText', () => {
  it('leaves a short sentence whole', () => {
    expect(splitCueText('Một câu ngắn.')).toEqual(['Một câu ngắn.']);
  });

  it('cuts a long sentence at the comma nearest the middle, into pieces of two lines at most', () => {
    const sentence =
      'Tintamarre là một hòn đảo nhỏ, bằng phẳng và không có người ở, nằm ngoài khơi bờ đông bắc đảo Saint-Martin, trong biển Caribe.';
    const pieces = splitCueText(sentence);
    expect(pieces).toEqual([
      'Tintamarre là một hòn đảo nhỏ, bằng phẳng và không có người ở,',
      'nằm ngoài khơi bờ đông bắc đảo Saint-Martin, trong biển Caribe.',
    ]);
    expect(pieces.join(' ')).toBe(sentence);
  });

  it('falls back to spaces, then to characters, and counts CJK as double width', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const pieces = splitCueText(words, 40);
    expect(pieces.every((piece) => piece.length <= 40)).toBe(true);
    expect(pieces.join(' ')).toBe(words);
    expect(displayWidth('北京a')).toBe(5);
    const chinese = '故'.repeat(50);
    const cjk = splitCueText(chinese);
    expect(cjk.every((piece) => displayWidth(piece) <= MAX_CUE_WIDTH)).toBe(true);
    expect(cjk.join('')).toBe(chinese);
  });
});

describe('timeCues', () => {
  it('places sentences one after another with the pause between them', () => {
    const cues = timeCues(
      [
        { text: 'Một.', duration: 1.5 },
        { text: 'Hai.', duration: 2 },
        { text: 'Ba.', duration: 0.5 },
      ],
      0.35,
    );
    expect(cues.map(({ start, end }) => [start, end])).toEqual([
      [0, 1.5],
      [1.85, 3.85],
      [4.2, 4.7],
    ]);
  });

  it('shares a long sentence’s time between its pieces in proportion to their width', () => {
    const head = 'a'.repeat(30);
    const tail = 'b'.repeat(60);
    const cues = timeCues([{ text: `${head}, ${tail}.`, duration: 9 }], 0.35, 70);
    expect(cues.map((cue) => cue.text)).toEqual([`${head},`, `${tail}.`]);
    expect(cues[0]?.start).toBe(0);
    expect(cues[0]?.end).toBeCloseTo(9 * (31 / 92), 10);
    expect(cues[1]?.start).toBe(cues[0]?.end);
    expect(cues[1]?.end).toBe(9);
  });
});
