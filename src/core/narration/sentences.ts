/**
 * Narration text → sentences → caption cues. Pure (no DOM, no Node): the `narrate` command
 * synthesises one sentence at a time so that each cue's time comes from real audio, and the
 * viewer may reuse the splitting for its speech-synthesis fallback.
 */

/** Ends a sentence when followed by a space (or the end). `…` also stands for "...". */
const LATIN_END = new Set(['.', '!', '?', '…']);
/** CJK full stops end a sentence even without a following space. */
const CJK_END = new Set(['。', '！', '？', '｡']);
/** Closing quotes and brackets that belong to the sentence they follow. */
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']', '）', '」', '』', '》', '〉']);

/**
 * Words that end with a full stop without ending the sentence. Kept short on purpose: a wrong
 * split only costs a slightly longer pause, while a long list would swallow real sentence ends
 * ("…in 1989 etc. Then…").
 */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'mt',
  'vs',
  'e.g',
  'i.e',
  'approx',
  'tp', // thành phố
  'ths', // thạc sĩ
  'ts', // tiến sĩ
  'gs', // giáo sư
  'pgs', // phó giáo sư
]);

const HAS_WORD = /[\p{L}\p{N}]/u;

/**
 * Splits narration text into sentences, keeping their punctuation. Blank lines end a sentence
 * too (a heading without a full stop). Whitespace is collapsed; characters are kept as written
 * (Vietnamese diacritics, CJK). Pieces without any letter or digit are dropped: they would
 * give silent audio and an empty caption.
 */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .flatMap((paragraph) => splitParagraph(paragraph.replace(/\s+/g, ' ').trim()))
    .filter((sentence) => HAS_WORD.test(sentence));
}

function splitParagraph(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (!isEndMark(text[i])) {
      i++;
      continue;
    }
    const end = endOfPunctuation(text, i);
    if (endsSentence(text, start, i, end)) {
      sentences.push(text.slice(start, end).trim());
      start = end;
    }
    i = end;
  }
  const rest = text.slice(start).trim();
  if (rest !== '') sentences.push(rest);
  return sentences;
}

const isEndMark = (char: string | undefined): boolean =>
  char !== undefined && (LATIN_END.has(char) || CJK_END.has(char));

/** Index after a run of end marks ("?!", "...") and the closing quotes that follow them. */
function endOfPunctuation(text: string, from: number): number {
  let end = from;
  while (isEndMark(text[end])) end++;
  while (end < text.length && CLOSERS.has(text[end] ?? '')) end++;
  return end;
}

function endsSentence(text: string, start: number, at: number, end: number): boolean {
  const marks = text.slice(at, end);
  if ([...marks].some((mark) => CJK_END.has(mark))) return true;
  if (end < text.length && text[end] !== ' ') return false; // "21.6", "a.m.", "Saint-…"
  const next = text.slice(end).trimStart()[0];
  // "approx. three", "… và thế là": a lower-case letter carries on the same sentence.
  if (next !== undefined && /\p{Ll}/u.test(next)) return false;
  return !(marks === '.' && isAbbreviation(text.slice(start, at)));
}

/** Single-letter initials ("I. M. Pei") and the few words of {@link ABBREVIATIONS}. */
function isAbbreviation(before: string): boolean {
  const word = (before.split(' ').pop() ?? '').replace(/^[^\p{L}]+/u, '');
  if (/^\p{L}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Two caption lines of about 42 columns: what stays readable on a phone held upright. */
export const MAX_CUE_WIDTH = 84;

const WIDE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** Columns a text takes: CJK and Hangul characters are twice as wide as Latin letters. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

/**
 * Splits a long sentence into caption pieces no wider than `maxWidth`: at the clause boundary
 * (comma, semicolon, colon, dash) nearest the middle, else at the space nearest the middle, else
 * in the middle. Halving keeps the pieces balanced, where filling greedily would leave a short
 * tail ("…, 1989.") on screen for a moment.
 */
export function splitCueText(sentence: string, maxWidth = MAX_CUE_WIDTH): string[] {
  const text = sentence.trim();
  if (displayWidth(text) <= maxWidth || [...text].length < 2) return [text];
  const at = breakPoint(text);
  const head = text.slice(0, at).trim();
  const tail = text.slice(at).trim();
  if (head === '' || tail === '') return [text];
  return [...splitCueText(head, maxWidth), ...splitCueText(tail, maxWidth)];
}

/** Index where the text is best cut in two (the cut goes before that index). */
function breakPoint(text: string): number {
  const middle = text.length / 2;
  const nearest = (candidates: number[]): number | undefined =>
    candidates.sort((a, b) => Math.abs(a - middle) - Math.abs(b - middle))[0];
  const clauses = [...text.matchAll(/[,;:](?=\s)|[，、；：]|\s[—–-]\s/gu)]
    .map((match) => match.index + match[0].length)
    .filter((index) => index < text.length);
  const spaces = [...text.matchAll(/ /g)].map((match) => match.index);
  const byClause = nearest(clauses);
  // A clause break far from the middle would leave one piece still too wide: prefer a space.
  if (byClause !== undefined && Math.abs(byClause - middle) < text.length / 4) return byClause;
  const bySpace = nearest(spaces);
  if (bySpace !== undefined) return bySpace;
  // No space at all (Chinese, Japanese): cut between code points, never inside a surrogate pair.
  return [...text].slice(0, Math.floor([...text].length / 2)).join('').length;
}

export interface SpokenSentence {
  text: string;
  /** Seconds of audio this sentence took, measured on the synthesised file. */
  duration: number;
}

export interface TimedCue {
  /** Seconds from the start of the audio. */
  start: number;
  end: number;
  text: string;
}

/**
 * Cue times for sentences played one after another with `pause` seconds of silence between
 * them (none before the first or after the last, so the last cue ends with the audio). A
 * sentence split into several cues shares its time among them in proportion to their width:
 * the synthesiser speaks at an even pace, and nothing finer is known.
 */
export function timeCues(
  sentences: readonly SpokenSentence[],
  pause: number,
  maxWidth = MAX_CUE_WIDTH,
): TimedCue[] {
  const cues: TimedCue[] = [];
  let offset = 0;
  sentences.forEach((sentence, index) => {
    if (index > 0) offset += pause;
    cues.push(...shareTime(splitCueText(sentence.text, maxWidth), offset, sentence.duration));
    offset += sentence.duration;
  });
  return cues;
}

function shareTime(pieces: readonly string[], start: number, duration: number): TimedCue[] {
  const widths = pieces.map((piece) => Math.max(1, displayWidth(piece)));
  const total = widths.reduce((sum, width) => sum + width, 0);
  let before = 0;
  return pieces.map((text, index) => {
    const cueStart = start + (duration * before) / total;
    before += widths[index] ?? 0;
    // The last piece ends exactly at the sentence's end, free of rounding drift.
    const end =
      index === pieces.length - 1 ? start + duration : start + (duration * before) / total;
    return { start: cueStart, end, text };
  });
}
