/**
 * WebVTT captions: writing (for the `narrate` command) and reading (for the viewer's caption
 * and transcript display). Pure: no DOM, no Node.
 *
 * The reader is lenient, because authors bring captions made by other tools: byte-order mark,
 * Windows line ends, cue ids, cue settings, NOTE/STYLE/REGION blocks, `MM:SS.mmm` times and
 * SubRip-style commas are all accepted. Markup inside cues (`<v Name>`, `<i>`, `<c.x>`, inline
 * times) is dropped and entities are decoded: the viewer shows captions as plain text.
 */
import { problem } from '../manifest/problems.ts';
import { failure, type Result, success } from '../result.ts';
import { cuePlainText } from './cue-text.ts';

export { cuePlainText } from './cue-text.ts';

export interface VttCue {
  /** Seconds from the start of the media. */
  start: number;
  end: number;
  /** Plain text; may hold line breaks. */
  text: string;
  id?: string;
}

/** The cues, or the `missing-header` problem: a file without "WEBVTT" is not captions. */
export type WebVttParseResult = Result<VttCue[]>;

/** `HH:MM:SS.mmm`, rounded to the millisecond (negative times are clamped to zero). */
export function formatTimestamp(seconds: number): string {
  const total = Math.max(0, Math.round(seconds * 1000));
  const ms = total % 1000;
  const s = Math.floor(total / 1000) % 60;
  const m = Math.floor(total / 60_000) % 60;
  const h = Math.floor(total / 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(h)}:${two(m)}:${two(s)}.${String(ms).padStart(3, '0')}`;
}

/** Characters that would start markup, or close the `-->` arrow, inside a cue. */
const escapeCueText = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A WebVTT file with one block per cue. Cues are numbered (ids "1", "2"…) unless they carry
 * their own id; blank lines inside a text would end the cue, so they are folded away.
 */
export function formatWebVtt(cues: readonly VttCue[]): string {
  const blocks = cues.map((cue, index) => {
    const text = cue.text
      .split(/\r\n|\r|\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map(escapeCueText)
      .join('\n');
    const id = (cue.id ?? String(index + 1)).replace(/-->|[\r\n]/g, ' ');
    return `${id}\n${formatTimestamp(cue.start)} --> ${formatTimestamp(cue.end)}\n${text}`;
  });
  return `WEBVTT\n\n${blocks.map((block) => `${block}\n\n`).join('')}`;
}

const TIMESTAMP = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})[.,](\d{1,3})$/;

/** Seconds for `HH:MM:SS.mmm` or `MM:SS.mmm` (a comma is accepted for the dot), else undefined. */
export function parseTimestamp(text: string): number | undefined {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return undefined;
  const [, h = '0', m = '0', s = '0', frac = '0'] = match;
  if (Number(m) > 59 || Number(s) > 59) return undefined;
  return Number(h) * 3600 + Number(m) * 60 + Number(s) + Number(frac.padEnd(3, '0')) / 1000;
}

/**
 * Reads cues from WebVTT text (`file` names it in a problem). Cues that cannot be read are
 * skipped, not fatal.
 */
export function parseWebVtt(source: string, file = 'captions.vtt'): WebVttParseResult {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const blocks = text.split(/\n[ \t]*\n/);
  const header = blocks.shift() ?? '';
  if (!/^WEBVTT(?:[ \t]|$)/.test(header.split('\n')[0] ?? '')) {
    return failure(problem('missing-header', {}, file));
  }
  // Lines that the header block carries after the first one may hold a cue (some tools forget
  // the blank line); a cue block may likewise follow the header directly.
  const headerRest = header.split('\n').slice(1).join('\n');
  const cues = [headerRest, ...blocks]
    .map((block) => parseCueBlock(block))
    .filter((cue): cue is VttCue => cue !== undefined);
  return success(cues);
}

function parseCueBlock(block: string): VttCue | undefined {
  const lines = block.replace(/^(?:[ \t]*\n)+/, '').split('\n');
  const first = lines[0]?.trim() ?? '';
  if (first === '' || /^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(first)) return undefined;
  const timingIndex = lines.findIndex((line) => line.includes('-->'));
  // The timing is the first line, or the second after a cue id.
  if (timingIndex < 0 || timingIndex > 1) return undefined;
  const times = parseTimingLine(lines[timingIndex] ?? '');
  if (!times) return undefined;
  const cue: VttCue = { ...times, text: cueText(lines.slice(timingIndex + 1)) };
  if (timingIndex === 1) cue.id = first;
  return cue;
}

/** `start --> end [settings…]`; the end must not come before the start. */
function parseTimingLine(line: string): { start: number; end: number } | undefined {
  const match = /^\s*(\S+)\s+-->\s+(\S+)/.exec(line);
  if (!match) return undefined;
  const start = parseTimestamp(match[1] ?? '');
  const end = parseTimestamp(match[2] ?? '');
  if (start === undefined || end === undefined || end < start) return undefined;
  return { start, end };
}

/** Plain text of a cue payload: tags dropped, entities decoded, lines trimmed. */
function cueText(lines: readonly string[]): string {
  return lines
    .map((line) => cuePlainText(line).trim())
    .filter((line) => line !== '')
    .join('\n');
}
