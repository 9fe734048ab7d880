/**
 * The one check of a file entering a tour, by name and by content: its extension must be in
 * the table (formats.ts) and its first bytes must be that format. Validate, build, editor
 * upload, zip import and `tour import` all call `checkMedia`, so they refuse the same files
 * with the same words.
 *
 * Polyglots: a file that starts with JPEG's magic and goes on with HTML *is* accepted as a
 * JPEG. That is safe because a tour file is only ever served with its format's type
 * (`servedType`: image/jpeg) and `X-Content-Type-Options: nosniff`, so no browser renders it
 * as a page; the check's job is that the type a file is served with is one that cannot run
 * script, not that every byte is a valid picture.
 */
import { problem } from '../manifest/problems.ts';
import { failure, success, type Result } from '../result.ts';
import {
  classifyByName,
  sniff,
  textTrouble,
  type MediaFormat,
  type SniffOptions,
} from './formats.ts';
import type { FoundContent } from './problems.ts';

const lowerAscii = (bytes: Uint8Array, length: number): string =>
  String.fromCharCode(...bytes.subarray(0, length)).toLowerCase();

/** What `bytes` are when they are none of the table's formats (for the message). */
export function describeContent(
  bytes: Uint8Array,
  options?: SniffOptions,
  expected?: MediaFormat,
): FoundContent {
  const format = sniff(bytes, options);
  // Text in a picture's or a sound's name is no misnamed credits file: say "text".
  if (format?.kind === 'text' && expected !== undefined && expected.kind !== 'text') {
    return { foreign: 'text' };
  }
  if (format) return { format: format.id };
  const trouble = textTrouble(bytes, options);
  if (trouble === 'markup') {
    const head = lowerAscii(bytes, 1024).replace(/^\ufeff|^\xef\xbb\xbf/, '');
    if (/<svg[\s>]/.test(head)) return { foreign: 'svg' };
    if (/<(!doctype html|html|head|body|script|iframe|meta|div|a)[\s>]/.test(head)) {
      return { foreign: 'html' };
    }
    if (/^\s*<\?xml/.test(head)) return { foreign: 'xml' };
    return { foreign: 'markup' };
  }
  const start = lowerAscii(bytes, 8);
  if (start.startsWith('%pdf')) return { foreign: 'pdf' };
  if (start.startsWith('pk\x03\x04')) return { foreign: 'zip' };
  if (start.startsWith('mz') || start.startsWith('\x7felf') || start.startsWith('#!')) {
    return { foreign: 'program' };
  }
  if (trouble === 'utf16' || trouble === 'binary') return { foreign: trouble };
  return { foreign: 'unknown' };
}

/**
 * `path` (relative to the tour folder; the problem's file) with `bytes`, its content or its
 * first `SNIFF_BYTES` (then pass `{ partial: true }`): its format, or the problem naming it.
 */
export function checkMedia(
  path: string,
  bytes: Uint8Array,
  options?: SniffOptions,
): Result<MediaFormat> {
  const format = classifyByName(path);
  if (!format) return failure(problem('media-not-allowed', { path }, path));
  if (bytes.length === 0) return failure(problem('media-empty', { path }, path));
  if (format.test(bytes, options)) return success(format);
  const found = describeContent(bytes, options, format);
  return failure(problem('media-mismatch', { path, expected: format.id, found }, path));
}
