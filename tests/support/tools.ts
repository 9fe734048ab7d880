/**
 * System programs some tests run, and the Debian package of each (.ci/run installs them). In CI
 * (`CI` set) a missing program is a failure, never a skip: CI installs them, so a skip there
 * would hide a broken set-up. Elsewhere the tests that need it skip, with a visible warning.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Debian package per program. */
export const DEBIAN_PACKAGES = {
  'espeak-ng': 'espeak-ng',
  lame: 'lame',
  pdftoppm: 'poppler-utils',
  pdftotext: 'poppler-utils',
  chromium: 'chromium',
} as const;

export type Tool = keyof typeof DEBIAN_PACKAGES;

/** True when `program` is an executable file in one of the PATH folders. */
export function onPath(program: string, searchPath = process.env.PATH ?? ''): boolean {
  return searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(path.join(dir, program), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

export interface ToolCheck {
  /** The programs not installed here (empty when all are). */
  missing: Tool[];
  /** For test titles: " (skipped: lame not installed)", or "" when nothing is missing. */
  reason: string;
}

/** What to tell a person about `missing`: the programs and the apt-get line that installs them. */
export function missingToolsMessage(missing: readonly Tool[], what: string): string {
  const packages = [...new Set(missing.map((tool) => DEBIAN_PACKAGES[tool]))];
  return (
    `${what} need ${missing.join(', ')}, not installed here: ` +
    `install the Debian package${packages.length > 1 ? 's' : ''} ${packages.join(' ')} ` +
    `(apt-get install ${packages.join(' ')}; .ci/run must install ${packages.length > 1 ? 'them' : 'it'})`
  );
}

/**
 * Checks `tools` when a test file loads. In CI a missing one throws (the file fails, saying
 * which Debian package .ci/run should install); elsewhere it warns on stderr and returns what
 * is missing, for `it.skipIf(check.missing.length > 0)`.
 */
export function requireTools(
  tools: readonly Tool[],
  what: string,
  { ci = Boolean(process.env.CI), isInstalled = (tool: Tool) => onPath(tool) } = {},
): ToolCheck {
  const missing = tools.filter((tool) => !isInstalled(tool));
  if (missing.length === 0) return { missing, reason: '' };
  const message = missingToolsMessage(missing, what);
  if (ci)
    throw new Error(`${message}. In CI a missing tool fails the tests instead of skipping them.`);
  console.warn(`\n⚠ SKIPPING: ${message}.\n`);
  return { missing, reason: ` (skipped: ${missing.join(' and ')} not installed)` };
}
