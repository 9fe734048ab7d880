import { describe, expect, it } from 'vitest';
import {
  formatTimestamp,
  formatWebVtt,
  parseTimestamp,
  parseWebVtt,
} from '../../src/core/narration/webvtt.ts';

describe('WebVTT timestamps', () => {
  it('formats HH:MM:SS.mmm, rounding to the millisecond', () => {
    expect(formatTimestamp(0)).toBe('00:00:00.000');
    expect(formatTimestamp(4.0285)).toBe('00:00:04.029');
    expect(formatTimestamp(3723.4)).toBe('01:02:03.400');
    expect(formatTimestamp(59.9996)).toBe('00:01:00.000');
    expect(formatTimestamp(-1)).toBe('00:00:00.000');
  });

  it('reads hours-optional times, with a dot or a comma', () => {
    expect(parseTimestamp('01:02:03.400')).toBe(3723.4);
    expect(parseTimestamp('02:03.5')).toBe(123.5);
    expect(parseTimestamp('00:00:01,250')).toBe(1.25);
    expect(parseTimestamp('00:61:00.000')).toBeUndefined();
    expect(parseTimestamp('soon')).toBeUndefined();
  });
});

describe('formatWebVtt / parseWebVtt', () => {
  it('round-trips cues, escaping markup characters', () => {
    const cues = [
      { start: 0, end: 2.852, text: 'Machu Picchu là thành cổ của người Inca,' },
      { start: 2.852, end: 5.99, text: 'A & B <tag> --> C' },
      { start: 6.34, end: 3723.4, text: '故宫是明清两代的皇家宫殿。' },
    ];
    const vtt = formatWebVtt(cues);
    expect(vtt).toContain('\n2\n00:00:02.852 --> 00:00:05.990\nA &amp; B &lt;tag&gt; --&gt; C\n');
    expect(vtt.startsWith('WEBVTT\n\n1\n00:00:00.000 --> 00:00:02.852\n')).toBe(true);
    expect(parseWebVtt(vtt)).toEqual({
      ok: true,
      value: cues.map((cue, index) => ({ ...cue, id: String(index + 1) })),
      problems: [],
    });
  });

  it('folds blank lines inside a cue text, which would otherwise end the cue', () => {
    const vtt = formatWebVtt([{ start: 1, end: 2, text: 'line one\n\n  line two ' }]);
    const parsed = parseWebVtt(vtt);
    expect(parsed.ok && parsed.value[0]?.text).toBe('line one\nline two');
  });

  it('tolerates BOM, CRLF, ids, settings, NOTE/STYLE blocks, markup and entities', () => {
    const source = [
      '\uFEFFWEBVTT - Thuyết minh',
      'Kind: captions',
      '',
      'NOTE made by hand',
      'with two lines',
      '',
      'STYLE',
      '::cue { color: yellow }',
      '',
      'intro',
      '00:01.000 --> 00:03.500 align:start position:10%',
      '<v Hướng dẫn viên>Xin chào &amp; <i>chào mừng</i>!</v>',
      '',
      '',
      '',
      '00:00:04.000 --> 00:00:05.000',
      'Dòng một',
      'Dòng hai &lt;3 &#8230; &#x1F3DB;',
      '',
      '00:00:09.000 --> 00:00:08.000',
      'ends before it starts: skipped',
      '',
      'garbage block without times',
      '',
    ].join('\r\n');
    expect(parseWebVtt(source)).toEqual({
      ok: true,
      value: [
        { id: 'intro', start: 1, end: 3.5, text: 'Xin chào & chào mừng!' },
        { start: 4, end: 5, text: 'Dòng một\nDòng hai <3 … 🏛' },
      ],
      problems: [],
    });
  });

  it('reports a file that is not WebVTT', () => {
    expect(parseWebVtt('1\n00:00:01,000 --> 00:00:02,000\nSubRip\n')).toMatchObject({
      ok: false,
      problems: [{ code: 'missing-header' }],
    });
    expect(parseWebVtt('WEBVTTX\n')).toMatchObject({
      ok: false,
      problems: [{ code: 'missing-header' }],
    });
    expect(parseWebVtt('WEBVTT')).toEqual({ ok: true, value: [], problems: [] });
  });
});
