/**
 * Is a scene's recording still the reading of its narration text? Pure (no DOM, no Node).
 *
 * The captions are the record of what was spoken: the narrate pipeline writes one cue per
 * sentence (or piece of a long sentence) of `splitSentences(text)`, so their joined text is the
 * spoken text. Comparing it with the current text, after the same splitting, tells whether the
 * text changed since the recording was made — whoever made the change (the editor, a text
 * editor on tour.json, another computer), with nothing extra to store in the manifest. A hash
 * kept at generation time would miss captions made elsewhere and need a new manifest field.
 *
 * A recording without captions (an uploaded voice recording) cannot be judged: `unknown`, and
 * the editor says so rather than guess.
 */
import { splitSentences } from './sentences.ts';
import { parseWebVtt } from './webvtt.ts';

export type NarrationFreshness =
  /** Text but no recording yet. */
  | 'missing'
  /** The captions say exactly what the text says. */
  | 'fresh'
  /** The captions say something else: the text was edited after the recording was made. */
  | 'stale'
  /** A recording without readable captions: nothing to compare with. */
  | 'unknown'
  /** No text: nothing to read aloud, nothing to compare. */
  | 'no-text';

/**
 * What is compared: the sentences the pipeline speaks, joined, in NFC (a pasted text may carry
 * decomposed Vietnamese diacritics), without any white space. White space goes because the
 * caption writer breaks long sentences at a space or between CJK characters and trims the
 * pieces; it never changes what is heard, so a re-wrapped line is not a new text.
 */
export function spokenForm(text: string): string {
  return splitSentences(text.normalize('NFC')).join('').replace(/\s+/gu, '').normalize('NFC');
}

/** The spoken form of captions, or undefined when they are not WebVTT. */
export function captionsSpokenForm(vtt: string): string | undefined {
  const parsed = parseWebVtt(vtt);
  if (!parsed.ok) return undefined;
  return parsed.value
    .map((cue) => cue.text)
    .join('')
    .normalize('NFC')
    .replace(/\s+/gu, '');
}

export interface NarrationState {
  text: string | undefined;
  audio: string | undefined;
  /** The captions file's content; undefined when there are none or they could not be read. */
  captionsText: string | undefined;
}

export function narrationFreshness({
  text,
  audio,
  captionsText,
}: NarrationState): NarrationFreshness {
  const spoken = spokenForm(text ?? '');
  if (spoken === '') return 'no-text';
  if (!audio) return 'missing';
  if (captionsText === undefined) return 'unknown';
  const captions = captionsSpokenForm(captionsText);
  if (captions === undefined || captions === '') return 'unknown';
  return captions === spoken ? 'fresh' : 'stale';
}

/** Whether "generate every missing or stale narration" should (re)make this one. */
export const needsGenerating = (freshness: NarrationFreshness): boolean =>
  freshness === 'missing' || freshness === 'stale';
