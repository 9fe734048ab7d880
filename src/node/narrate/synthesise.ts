/**
 * One narration track: text → sentences → one WAV per sentence (espeak-ng) → measured and
 * joined with pauses → MP3 (lame) + WebVTT whose cue times are the measured sentence lengths.
 */
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { splitSentences, timeCues } from '../../core/narration/sentences.ts';
import { problem } from '../../core/manifest/problems.ts';
import { formatWebVtt } from '../../core/narration/webvtt.ts';
import { failure, type Result, success } from '../../core/result.ts';
import { writeFileAtomic } from './manifest-edit.ts';
import { type Env, encodeMp3, ESPEAK, speak } from './tools.ts';
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

export interface Track {
  seconds: number;
  bytes: number;
  cues: number;
}

/** The track made, or the problem that stopped it (its file is the audio file). */
export type TrackResult = Result<Track>;

export async function narrateTrack(job: TrackJob): Promise<TrackResult> {
  const sentences = splitSentences(job.text);
  if (sentences.length === 0) return failure(problem('nothing-to-speak', {}, job.audioFile));
  const wavs: Wav[] = [];
  // One after another: espeak-ng takes a few tens of milliseconds per sentence, and the order
  // of the files is the order of the speech.
  for (const [index, sentence] of sentences.entries()) {
    const wav = await speakSentence(sentence, join(job.workDir, `${index}.wav`), job);
    if (!wav.ok) return failure(wav.problems);
    wavs.push(wav.value);
  }
  const joined = joinWavs(wavs, job.pause);
  if (!joined.ok) return failure(joined.problems);
  const { wav, durations, pause } = joined.value;
  const wavFile = join(job.workDir, 'narration.wav');
  await writeFile(wavFile, encodeWav(wav));
  const mp3 = await writeMp3(wavFile, job.audioFile, job.env);
  if (!mp3.ok) return failure(mp3.problems);
  const spoken = sentences.map((text, index) => ({ text, duration: durations[index] ?? 0 }));
  const cues = timeCues(spoken, pause);
  await writeFileAtomic(job.captionsFile, formatWebVtt(cues));
  return success({ seconds: wavDuration(wav), bytes: mp3.value, cues: cues.length });
}

async function speakSentence(sentence: string, file: string, job: TrackJob): Promise<Result<Wav>> {
  const spoken = await speak(sentence, job.voice, job.speed, file, job.env);
  if (!spoken.ok) return failure(spoken.problems);
  const wav = readWav(new Uint8Array(await readFile(file)), file, ESPEAK);
  if (!wav.ok) return wav;
  if (wav.value.data.byteLength === 0) {
    return failure(problem('no-sound', { sentence }, file));
  }
  return wav;
}

/** Encodes beside the target and renames, so a failed run leaves the old file whole. */
async function writeMp3(wavFile: string, mp3File: string, env: Env): Promise<Result<number>> {
  await mkdir(dirname(mp3File), { recursive: true });
  const temporary = `${mp3File}.${process.pid}.tmp`;
  const encoded = await encodeMp3(wavFile, temporary, env);
  if (!encoded.ok) {
    await rm(temporary, { force: true });
    return failure(encoded.problems);
  }
  try {
    await rename(temporary, mp3File);
  } catch (error) {
    // A full disk or a folder in the way: the half-made file must not stay in the tour.
    await rm(temporary, { force: true });
    throw error;
  }
  return success((await stat(mp3File)).size);
}
