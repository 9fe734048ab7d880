/**
 * What to narrate for a scene in a language, decided without the DOM:
 * - the recording in that language, with its captions;
 * - else, if the text exists in that language, the device's speech synthesis (the player
 *   falls back to the transcript when no voice speaks the language);
 * - else the fallback chain's (English when the tour has it, then the tour's default)
 *   recording or text, marked as a fallback so the player can say which language it is.
 */
import { type ContentLanguages, contentOrder } from '../language/content-fallback.ts';
import type { NarrationTrack, Scene } from '../manifest/schema.ts';

export type NarrationPlan =
  | {
      kind: 'audio';
      lang: string;
      audio: string;
      captions?: string | undefined;
      text?: string | undefined;
      fallback: boolean;
    }
  | { kind: 'speech'; lang: string; text: string; fallback: boolean }
  | { kind: 'none' };

export function planNarration(scene: Scene, lang: string, tour: ContentLanguages): NarrationPlan {
  const tracks = scene.narration ?? {};
  const order = [...contentOrder(lang, tour), ...Object.keys(tracks)];
  for (const candidate of new Set(order)) {
    const plan = planTrack(tracks[candidate], candidate, candidate !== lang);
    if (plan) return plan;
  }
  return { kind: 'none' };
}

function planTrack(
  track: NarrationTrack | undefined,
  lang: string,
  fallback: boolean,
): NarrationPlan | undefined {
  if (!track) return undefined;
  const text = track.text?.trim() ? track.text : undefined;
  if (track.audio) {
    return { kind: 'audio', lang, audio: track.audio, captions: track.captions, text, fallback };
  }
  if (text) return { kind: 'speech', lang, text, fallback };
  return undefined;
}
