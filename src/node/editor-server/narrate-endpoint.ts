/**
 * `POST /__editor/tours/<id>/__narrate` {scene, lang, text}: reads the text with espeak-ng into
 * audio/<lang>/<scene>.mp3 and .vtt (the same generator as `tour narrate`); the editor then
 * records both paths in the manifest as an ordinary, undoable change.
 *
 * Every refusal carries its reason in Vietnamese and English (`message`), written for the
 * volunteer who will read it: which program is missing and how to install it, which language
 * has no voice. The programs' own words (temporary file names, "spawn … ENOENT") go to the
 * server's console only.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NarrateRequest, type NarrateResponse } from '../../core/editor-protocol.ts';
import { type Problem, problem } from '../../core/manifest/problems.ts';
import { failure } from '../../core/result.ts';
import { narrateTrack, type TrackResult } from '../narrate/synthesise.ts';
import { type Env, ESPEAK, missingTools, run } from '../narrate/tools.ts';
import { chooseVoice, parseVoiceList } from '../narrate/voices.ts';
import { readRequest, refuse, send } from './http.ts';
import { resolveWritablePath } from './safe-path.ts';

/** Speed and pause of `tour narrate`, so that both make the same reading. */
const SPEED = 150;
const PAUSE = 0.35;

export async function narrate(
  toursDir: string,
  id: string,
  req: IncomingMessage,
  res: ServerResponse,
  env: Env = process.env,
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
  if (!audioFile || !captionsFile) {
    // The name is the scene's id: something else (a folder, a link) holds its place.
    const told = problem('narration-not-written', {}, '');
    return refuse(res, 400, 'bad path', { message: told.message });
  }
  // Both programs checked first: one message names all that is missing, before any work.
  const missing = await missingTools(env);
  if (missing.length > 0) return refuseWith(res, missing);
  const listing = await run(ESPEAK, ['--voices'], env);
  if (!listing.ok) return refuseWith(res, listing.problems);
  const voice = chooseVoice(lang, parseVoiceList(listing.value));
  if (!voice) return refuseWith(res, [problem('no-voice', { lang }, ESPEAK)]);
  const workDir = await mkdtemp(path.join(tmpdir(), 'editor-narrate-'));
  try {
    let result: TrackResult;
    try {
      await mkdir(path.dirname(audioFile), { recursive: true });
      result = await narrateTrack({
        text,
        voice,
        speed: SPEED,
        pause: PAUSE,
        workDir,
        audioFile,
        captionsFile,
        env,
      });
    } catch (error) {
      // Disk full, no permission: the reason is the file system's, told on the console.
      const detail = (error as Error).message;
      result = failure(problem('write-failed', { detail }, audioFile));
    }
    if (!result.ok) return refuseWith(res, result.problems);
    return send(res, 200, {
      audio: audio.join('/'),
      captions: captions.join('/'),
      seconds: result.value.seconds,
    } satisfies NarrateResponse);
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/** The refusal for what stopped the narration, in words for the author. */
function refuseWith(res: ServerResponse, problems: readonly Problem[]): void {
  console.error(`[tour editor] narration: ${problems.map((p) => p.message.en).join(' ')}`);
  const told = explain(problems);
  refuse(res, told.status, told.problem.code, { message: told.problem.message });
}

/** The one problem shown to the author, and the HTTP status that goes with it. */
export function explain(problems: readonly Problem[]): { status: number; problem: Problem } {
  const missing = problems.filter((found) => found.code === 'tool-missing');
  if (missing.length > 0) {
    const programs = [...new Set(missing.map((found) => found.file))];
    return { status: 500, problem: problem('narration-tools-missing', { programs }, '') };
  }
  const first = problems[0];
  switch (first?.code) {
    case 'no-voice':
    case 'nothing-to-speak':
      return { status: 422, problem: { ...first, file: '' } };
    case 'write-failed':
      return { status: 500, problem: problem('narration-not-written', {}, '') };
    case 'tool-failed':
      // `tool-failed` names its program as its file.
      return { status: 500, problem: problem('narration-failed', { program: first.file }, '') };
    default:
      // no-sound, wav-unreadable: espeak-ng's output was unusable.
      return { status: 500, problem: problem('narration-failed', { program: ESPEAK }, '') };
  }
}
