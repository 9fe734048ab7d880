import { describe, expect, it } from 'vitest';
import { detectFormatting, setNarrationFiles } from '../../src/node/narrate/manifest-edit.ts';
import { chooseVoice, parseVoiceList } from '../../src/node/narrate/voices.ts';
import {
  encodeWav,
  frameCount,
  joinWavs,
  readWav,
  type Wav,
  type WavFormat,
  wavDuration,
} from '../../src/node/narrate/wav.ts';

/** What espeak-ng writes: 22.05 kHz, mono, 16-bit. */
const MONO16: WavFormat = {
  audioFormat: 1,
  channels: 1,
  sampleRate: 22050,
  byteRate: 44100,
  blockAlign: 2,
  bitsPerSample: 16,
};

const tone = (frames: number, format = MONO16, value = 7): Wav => ({
  format,
  data: new Uint8Array(frames * format.blockAlign).fill(value),
});

describe('readWav', () => {
  it('reads the format and measures the duration from the data size and byte rate', () => {
    const parsed = readWav(encodeWav(tone(22050 * 2 + 11025)));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.format).toEqual(MONO16);
    expect(frameCount(parsed.value)).toBe(55125);
    expect(wavDuration(parsed.value)).toBe(2.5);
  });

  it('skips unknown chunks and cuts a streamed data size to the bytes present', () => {
    const plain = encodeWav(tone(100));
    const list = new Uint8Array(
      [...'LIST'].map((c) => c.charCodeAt(0)).concat([3, 0, 0, 0, 1, 2, 3, 0]),
    );
    const bytes = new Uint8Array(plain.length + list.length);
    bytes.set(plain.subarray(0, 36));
    bytes.set(list, 36); // odd-sized chunk, padded to even
    bytes.set(plain.subarray(36), 36 + list.length);
    new DataView(bytes.buffer).setUint32(36 + list.length + 4, 0xffffffff, true);
    const parsed = readWav(bytes);
    expect(parsed.ok && frameCount(parsed.value)).toBe(100);
  });

  it('reports files it cannot read, as values', () => {
    const refusal = (bytes: Uint8Array) => {
      const parsed = readWav(bytes);
      return { ok: parsed.ok, error: parsed.ok ? undefined : parsed.problems[0]?.message.en };
    };
    expect(refusal(new Uint8Array(4))).toEqual({
      ok: false,
      error: 'not a WAV file (no RIFF/WAVE header)',
    });
    const float = encodeWav(tone(10, { ...MONO16, audioFormat: 3 }));
    expect(refusal(float)).toEqual({ ok: false, error: 'unsupported WAV format 3' });
    expect(refusal(encodeWav(tone(10)).subarray(0, 36))).toEqual({
      ok: false,
      error: 'no data chunk',
    });
  });
});

describe('joinWavs', () => {
  it('joins parts with whole frames of silence and reports each part’s duration', () => {
    const joined = joinWavs([tone(2205), tone(4410, MONO16, 9)], 0.35);
    expect(joined.ok).toBe(true);
    if (!joined.ok) return;
    const { value } = joined;
    const pauseFrames = Math.round(0.35 * 22050); // 7718 (7717.5 rounded)
    expect(value.durations).toEqual([0.1, 0.2]);
    expect(value.pause).toBe(pauseFrames / 22050);
    expect(frameCount(value.wav)).toBe(2205 + pauseFrames + 4410);
    expect(wavDuration(value.wav)).toBeCloseTo(0.1 + value.pause + 0.2, 12);
    const data = value.wav.data;
    expect(data[2205 * 2 - 1]).toBe(7);
    expect(data.subarray(2205 * 2, (2205 + pauseFrames) * 2).every((b) => b === 0)).toBe(true);
    expect(data[(2205 + pauseFrames) * 2]).toBe(9);
    // Written and read back, the joined file has the same length.
    const back = readWav(encodeWav(value.wav));
    expect(back.ok && wavDuration(back.value)).toBe(wavDuration(value.wav));
  });

  it('uses mid-scale silence for unsigned 8-bit PCM', () => {
    const u8 = { ...MONO16, byteRate: 22050, blockAlign: 1, bitsPerSample: 8 };
    const joined = joinWavs([tone(1, u8), tone(1, u8)], 2 / 22050);
    expect(joined.ok && [...joined.value.wav.data]).toEqual([7, 128, 128, 7]);
  });

  it('refuses parts of different formats and an empty list', () => {
    const stereo = { ...MONO16, channels: 2, blockAlign: 4, byteRate: 88200 };
    expect(joinWavs([tone(10), tone(10, stereo)], 0.1).ok).toBe(false);
    expect(joinWavs([], 0.1).ok).toBe(false);
  });
});

describe('espeak-ng voices', () => {
  const listing = [
    'Pty Language       Age/Gender VoiceName          File                 Other Languages',
    ' 5  cmn             --/M      Chinese_(Mandarin) sit/cmn              (zh-cmn 5)(zh 5)',
    ' 2  en-gb           --/M      English_(GB)       gmw/en               (en 2)',
    ' 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)',
    ' 5  fr-fr           --/M      French_(France)    roa/fr               (fr 5)',
    ' 5  de              --/M      German             gmw/de',
    ' 5  vi              --/M      Vietnamese_(Northern) aav/vi',
    ' 5  vi-vn-x-central --/M      Vietnamese_(Central) aav/vi-VN-x-central',
  ].join('\n');
  const installed = parseVoiceList(listing);

  it('picks the preferred voice per language, else espeak-ng’s own, else none', () => {
    expect(chooseVoice('vi', installed)).toBe('vi');
    expect(chooseVoice('en', installed)).toBe('en-us');
    expect(chooseVoice('fr', installed)).toBe('fr-fr');
    expect(chooseVoice('zh', installed)).toBe('cmn');
    expect(chooseVoice('zh-Hant', installed)).toBe('cmn');
    expect(chooseVoice('de', installed)).toBe('de');
    expect(chooseVoice('ko', installed)).toBeUndefined();
  });
});

describe('setNarrationFiles', () => {
  it('adds audio and captions after the text, keeping the rest of the file as written', () => {
    const text = [
      '{',
      '  "scenes": [',
      '    { "id": "a", "startView": { "yaw": 1, "pitch": 2 },',
      '      "narration": {',
      '        "vi": {',
      '          "text": "Xin chào."',
      '        },',
      '        "en": { "audio": "rec/en.m4a", "text": "Hi." }',
      '      }',
      '    }',
      '  ]',
      '}',
      '',
    ].join('\r\n');
    const result = setNarrationFiles(`\uFEFF${text}`, [
      { sceneIndex: 0, lang: 'vi', audio: 'audio/vi/a.mp3', captions: 'audio/vi/a.vtt' },
      { sceneIndex: 0, lang: 'en', audio: 'audio/en/a.mp3', captions: 'audio/en/a.vtt' },
    ]);
    expect(result.startsWith('\uFEFF{\r\n')).toBe(true);
    expect(result).toContain('{ "id": "a", "startView": { "yaw": 1, "pitch": 2 },\r\n');
    expect(result).toContain(
      '"vi": {\r\n          "text": "Xin chào.",\r\n          "audio": "audio/vi/a.mp3",\r\n          "captions": "audio/vi/a.vtt"\r\n        }',
    );
    const data = JSON.parse(result.slice(1));
    expect(Object.keys(data.scenes[0].narration.en)).toEqual(['audio', 'text', 'captions']);
    expect(data.scenes[0].narration.en.audio).toBe('audio/en/a.mp3');
  });

  it('detects the indentation in use', () => {
    expect(detectFormatting('{\n\t"a": 1\n}')).toMatchObject({ insertSpaces: false });
    expect(detectFormatting('{\n    "a": 1\n}')).toEqual({
      insertSpaces: true,
      tabSize: 4,
      eol: '\n',
    });
  });
});
