/**
 * What to narrate for a scene in a language, decided without the DOM:
 * - the recording in that language, with its captions;
 * - else, if the text exists in that language, the device's speech synthesis (the player
 *   falls back to the transcript when no voice speaks the language);
 * - else the default language's recording or text, marked as a fallback.
 */
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

export function planNarration(scene: Scene, lang: string, defaultLang: string): NarrationPlan {
  const tracks = scene.narration ?? {};
  const own = planTrack(tracks[lang], lang, false);
  if (own) return own;
  const fallback =
    lang === defaultLang ? undefined : planTrack(tracks[defaultLang], defaultLang, true);
  if (fallback) return fallback;
  for (const [other, track] of Object.entries(tracks)) {
    const any = planTrack(track, other, true);
    if (any) return any;
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
