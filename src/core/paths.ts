/**
 * Checks the file names inside an imported tour zip before anything is read from it: a zip is
 * someone else's file, and a name such as `../evil` or `/etc/x` must never reach the tour folder.
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
