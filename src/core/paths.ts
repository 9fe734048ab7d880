/**
 * The pure path checks: names inside an imported tour zip (checked before anything is read
 * from it: a zip is someone else's file, and `../evil` or `/etc/x` must never reach the tour
 * folder), and percent-encoded paths from requests. No file system here: `src/node/fs.ts`
 * adds the checks that need one (real paths through symbolic links).
 */

/** Why a name in a zip is refused, or undefined when it is a plain relative path. */
export function zipPathProblem(name: string): string | undefined {
  if (name.length === 0) return 'empty name';
  if (name.includes('\\')) return 'backslash in path';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'absolute path';
  if (name.includes('\0')) return 'NUL in path';
  const parts = name.split('/');
  if (parts.some((part) => part === '..')) return 'path leads outside (..)';
  return undefined;
}

/** The first refused name with its reason, or undefined when every name is acceptable. */
export function firstBadZipPath(
  names: Iterable<string>,
): { name: string; reason: string } | undefined {
  for (const name of names) {
    const reason = zipPathProblem(name);
    if (reason) return { name, reason };
  }
  return undefined;
}

/**
 * The one checker for relative paths that arrive percent-encoded (request URLs, the editor's
 * write endpoint): splits `raw` into decoded segments, or returns undefined when one of them
 * could leave the folder or name something no tour holds once decoded — empty, `.` or `..`
 * (`%2e%2e` too), an encoded slash or backslash, NUL or another control character, a drive
 * letter (`C:`), a hidden name (`.env`, `.git`), or bad percent-encoding. Works on the raw
 * text: URL parsers resolve `%2e%2e` before a caller could see it.
 */
export function decodePathSegments(raw: string): string[] | undefined {
  const segments: string[] = [];
  for (const part of raw.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return undefined;
    }
    if (segment === '' || segment.startsWith('.') || /^[A-Za-z]:/.test(segment)) return undefined;
    // eslint-disable-next-line no-control-regex
    if (/[/\\\u0000-\u001f\u007f]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/** The path part of a request URL (`/a/b?x#y` → `/a/b`), still percent-encoded. */
export const requestPath = (rawUrl: string): string => rawUrl.split(/[?#]/, 1)[0] ?? '';
