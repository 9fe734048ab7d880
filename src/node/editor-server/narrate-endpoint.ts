/**
 * `POST /__editor/tours/<id>/__narrate` {scene, lang, text}: reads the text with espeak-ng into
 * audio/<lang>/<scene>.mp3 and .vtt (the same generator as `tour narrate`); the editor then
 * records both paths in the manifest as an ordinary, undoable change.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NarrateRequest, type NarrateResponse } from '../../core/editor-protocol.ts';
import { narrateTrack } from '../narrate/synthesise.ts';
import { ESPEAK, run } from '../narrate/tools.ts';
import { chooseVoice, parseVoiceList } from '../narrate/voices.ts';
import { readRequest, refuse, send } from './http.ts';
import { resolveWritablePath } from './safe-path.ts';

export async function narrate(
  toursDir: string,
  id: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const input = await readRequest(req, res, NarrateRequest, {
    limit: 64 * 1024,
    invalid: 'bad request',
  });
  if (!input) return;
  const { scene, lang, text } = input;
  const audio = ['audio', lang, `${scene}.mp3`];
  const captions = ['audio', lang, `${scene}.vtt`];
  const audioFile = await resolveWritablePath(toursDir, id, audio);
  const captionsFile = await resolveWritablePath(toursDir, id, captions);
  if (!audioFile || !captionsFile) return refuse(res, 400, 'bad path');
  const env = process.env;
  const listing = await run(ESPEAK, ['--voices'], env);
  if (!listing.ok) {
    const missing = listing.problems.find((found) => found.code === 'tool-missing');
    // "Not installed" says how to install it (plain words, no path); anything else is internal.
    if (missing) return refuse(res, 500, 'espeak-ng is missing', { message: missing.message });
    console.error(`[tour editor] espeak-ng --voices: ${listing.problems[0]?.message.en ?? ''}`);
    return refuse(res, 500, 'narration failed');
  }
  const voice = chooseVoice(lang, parseVoiceList(listing.value));
  if (!voice) return refuse(res, 422, `espeak-ng has no voice for "${lang}"`);
  await mkdir(path.dirname(audioFile), { recursive: true });
  const workDir = await mkdtemp(path.join(tmpdir(), 'editor-narrate-'));
  try {
    const result = await narrateTrack({
      text,
      voice,
      speed: 150,
      pause: 0.35,
      workDir,
      audioFile,
      captionsFile,
      env,
    });
    if (!result.ok) {
      // The tools' messages may name temporary files: told on the console, not in the answer.
      console.error(
        `[tour editor] narration failed: ${result.problems.map((p) => p.message.en).join(' ')}`,
      );
      return refuse(res, 500, 'narration failed');
    }
    return send(res, 200, {
      audio: audio.join('/'),
      captions: captions.join('/'),
      seconds: result.value.seconds,
    } satisfies NarrateResponse);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
