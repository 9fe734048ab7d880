/**
 * One narration track: text → sentences → one WAV per sentence (espeak-ng) → measured and
 * joined with pauses → MP3 (lame) + WebVTT whose cue times are the measured sentence lengths.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { splitSentences, timeCues } from '../../core/narration/sentences.ts';
import { formatWebVtt } from '../../core/narration/webvtt.ts';
import { writeFileAtomic } from './manifest-edit.ts';
import { type Env, encodeMp3, speak } from './tools.ts';
import { encodeWav, joinWavs, readWav, type Wav, wavDuration } from './wav.ts';

export interface TrackJob {
  text: string;
  voice: string;
  /** Words per minute for espeak-ng. */
  speed: number;
  /** Seconds of silence between sentences. */
  pause: number;
  /** An empty scratch folder for this track. */
  workDir: string;
  audioFile: string;
  captionsFile: string;
  env: Env;
}

export type TrackResult =
  { ok: true; seconds: number; bytes: number; cues: number } | { ok: false; error: string };

type Step<T> = { ok: true; value: T } | { ok: false; error: string };

export async function narrateTrack(job: TrackJob): Promise<TrackResult> {
  const sentences = splitSentences(job.text);
  if (sentences.length === 0) return { ok: false, error: 'the text has no words to speak' };
  const wavs: Wav[] = [];
  // One after another: espeak-ng takes a few tens of milliseconds per sentence, and the order
  // of the files is the order of the speech.
  for (const [index, sentence] of sentences.entries()) {
    const wav = await speakSentence(sentence, join(job.workDir, `${index}.wav`), job);
    if (!wav.ok) return wav;
    wavs.push(wav.value);
  }
  const joined = joinWavs(wavs, job.pause);
  if (!joined.ok) return joined;
  const wavFile = join(job.workDir, 'narration.wav');
  await writeFile(wavFile, encodeWav(joined.wav));
  const mp3 = await writeMp3(wavFile, job.audioFile, job.env);
  if (!mp3.ok) return mp3;
  const spoken = sentences.map((text, index) => ({
    text,
    duration: joined.durations[index] ?? 0,
  }));
  const cues = timeCues(spoken, joined.pause);
  await writeFileAtomic(job.captionsFile, formatWebVtt(cues));
  return {
    ok: true,
    seconds: wavDuration(joined.wav),
    bytes: mp3.value,
    cues: cues.length,
  };
}

async function speakSentence(sentence: string, file: string, job: TrackJob): Promise<Step<Wav>> {
  const spoken = await speak(sentence, job.voice, job.speed, file, job.env);
  if (!spoken.ok) return spoken;
  const wav = readWav(new Uint8Array(await readFile(file)));
  if (!wav.ok)
    return {
      ok: false,
      error: `espeak-ng wrote an unreadable WAV: ${wav.error}`,
    };
  if (wav.wav.data.byteLength === 0) {
    return {
      ok: false,
      error: `espeak-ng produced no sound for "${sentence}"`,
    };
  }
  return { ok: true, value: wav.wav };
}

/** Encodes beside the target and renames, so a failed run leaves the old file whole. */
async function writeMp3(wavFile: string, mp3File: string, env: Env): Promise<Step<number>> {
  await mkdir(dirname(mp3File), { recursive: true });
  const temporary = `${mp3File}.${process.pid}.tmp`;
  const encoded = await encodeMp3(wavFile, temporary, env);
  if (!encoded.ok) {
    await rm(temporary, { force: true });
    return encoded;
  }
  await rename(temporary, mp3File);
  return { ok: true, value: (await stat(mp3File)).size };
}
