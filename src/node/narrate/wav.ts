/**
 * Just enough of the WAV format for narration: read the PCM that espeak-ng writes, measure it
 * exactly, and join sentences with silence between them. Cue times are computed from these
 * sample counts, so captions match the audio to the sample rather than to an estimate.
 */
import { problem, type WavTrouble } from '../../core/manifest/problems.ts';
import { failure, type Result, success } from '../../core/result.ts';

export interface WavFormat {
  /** 1 = integer PCM, the only format handled. */
  audioFormat: number;
  channels: number;
  sampleRate: number;
  /** Bytes per second: sampleRate × blockAlign. */
  byteRate: number;
  /** Bytes per sample frame (all channels). */
  blockAlign: number;
  bitsPerSample: number;
}

export interface Wav {
  format: WavFormat;
  /** PCM samples, a whole number of frames. */
  data: Uint8Array;
}

/** The sound, or a `wav-unreadable` problem naming what is wrong with the file. */
export type WavResult = Result<Wav>;

/** `by`: the program that wrote the file, named in the message. */
const unreadable = <T>(trouble: WavTrouble, file: string, by?: string) =>
  failure<T>(problem('wav-unreadable', by ? { trouble, by } : { trouble }, file));

const PCM = 1;
const HEADER_SIZE = 44;

const fourCC = (view: DataView, offset: number): string =>
  String.fromCharCode(
    view.getUint8(offset),
    view.getUint8(offset + 1),
    view.getUint8(offset + 2),
    view.getUint8(offset + 3),
  );

/**
 * Reads a RIFF/WAVE file with a PCM `fmt ` chunk and a `data` chunk (other chunks are skipped).
 * A data size larger than the file — what a writer leaves when it streams and cannot seek back
 * — is cut to the bytes really present.
 */
export function readWav(bytes: Uint8Array, file = 'audio.wav', by?: string): WavResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12 || fourCC(view, 0) !== 'RIFF' || fourCC(view, 8) !== 'WAVE') {
    return unreadable('no-riff', file, by);
  }
  let format: WavFormat | undefined;
  for (let offset = 12; offset + 8 <= bytes.byteLength;) {
    const id = fourCC(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > bytes.byteLength) return unreadable('short-fmt', file, by);
      format = readFormat(view, body);
    } else if (id === 'data') {
      if (!format) return unreadable('data-before-fmt', file, by);
      return dataResult(format, bytes, body, size, file, by);
    }
    offset = body + size + (size % 2); // chunks are padded to an even length
  }
  return unreadable(format ? 'no-data' : 'no-fmt', file, by);
}

function readFormat(view: DataView, at: number): WavFormat {
  return {
    audioFormat: view.getUint16(at, true),
    channels: view.getUint16(at + 2, true),
    sampleRate: view.getUint32(at + 4, true),
    byteRate: view.getUint32(at + 8, true),
    blockAlign: view.getUint16(at + 12, true),
    bitsPerSample: view.getUint16(at + 14, true),
  };
}

function dataResult(
  format: WavFormat,
  bytes: Uint8Array,
  at: number,
  size: number,
  file: string,
  by: string | undefined,
): WavResult {
  const { audioFormat, blockAlign, byteRate, sampleRate } = format;
  if (audioFormat !== PCM) return unreadable({ unsupportedFormat: audioFormat }, file, by);
  if (blockAlign === 0 || sampleRate === 0 || byteRate !== sampleRate * blockAlign) {
    return unreadable('inconsistent-fmt', file, by);
  }
  const available = Math.min(size, bytes.byteLength - at);
  const whole = available - (available % blockAlign);
  return success({ format, data: bytes.subarray(at, at + whole) });
}

/** Sample frames in the file. */
export const frameCount = (wav: Wav): number => wav.data.byteLength / wav.format.blockAlign;

/** Exact duration in seconds: data size / byte rate. */
export const wavDuration = (wav: Wav): number => wav.data.byteLength / wav.format.byteRate;

const sameFormat = (a: WavFormat, b: WavFormat): boolean =>
  a.audioFormat === b.audioFormat &&
  a.channels === b.channels &&
  a.sampleRate === b.sampleRate &&
  a.bitsPerSample === b.bitsPerSample &&
  a.blockAlign === b.blockAlign;

export interface JoinedWav {
  wav: Wav;
  /** Duration of each part, in seconds. */
  durations: number[];
  /** The silence really inserted (a whole number of frames), in seconds. */
  pause: number;
}

export type JoinResult = Result<JoinedWav>;

/** Joins parts of one format, with `pauseSeconds` of silence between each two. */
export function joinWavs(parts: readonly Wav[], pauseSeconds: number): JoinResult {
  const first = parts[0];
  if (!first) return unreadable('nothing-to-join', 'narration.wav');
  if (!parts.every((part) => sameFormat(part.format, first.format))) {
    return unreadable('mixed-formats', 'narration.wav');
  }
  const { format } = first;
  const pauseFrames = Math.round(Math.max(0, pauseSeconds) * format.sampleRate);
  const gap = silence(format, pauseFrames);
  const total = parts.reduce((sum, part) => sum + part.data.byteLength, 0);
  const data = new Uint8Array(total + gap.byteLength * (parts.length - 1));
  let offset = 0;
  parts.forEach((part, index) => {
    if (index > 0) {
      data.set(gap, offset);
      offset += gap.byteLength;
    }
    data.set(part.data, offset);
    offset += part.data.byteLength;
  });
  return success({
    wav: { format, data },
    durations: parts.map(wavDuration),
    pause: pauseFrames / format.sampleRate,
  });
}

/** Silent frames: zero for signed samples, mid-scale (128) for 8-bit PCM, which is unsigned. */
export function silence(format: WavFormat, frames: number): Uint8Array {
  const bytes = new Uint8Array(frames * format.blockAlign);
  if (format.bitsPerSample === 8) bytes.fill(128);
  return bytes;
}

/** A canonical 44-byte-header WAV file. */
export function encodeWav(wav: Wav): Uint8Array {
  const { format, data } = wav;
  const bytes = new Uint8Array(HEADER_SIZE + data.byteLength + (data.byteLength % 2));
  const view = new DataView(bytes.buffer);
  const text = (offset: number, value: string) => {
    for (let i = 0; i < 4; i++) view.setUint8(offset + i, value.charCodeAt(i));
  };
  text(0, 'RIFF');
  view.setUint32(4, bytes.byteLength - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, format.audioFormat, true);
  view.setUint16(22, format.channels, true);
  view.setUint32(24, format.sampleRate, true);
  view.setUint32(28, format.byteRate, true);
  view.setUint16(32, format.blockAlign, true);
  view.setUint16(34, format.bitsPerSample, true);
  text(36, 'data');
  view.setUint32(40, data.byteLength, true);
  bytes.set(data, HEADER_SIZE);
  return bytes;
}
