/**
 * Problems are values, not exceptions: each names the file, the JSON path and a plain-language
 * message with the fix, in Vietnamese and English. A problem is built from its code and the
 * details its message needs (`problem`, `finding`): the catalogue (problem-codes.ts) gives
 * the severity and the text, so a code never travels without its message.
 */
import type { JsonPath, LocalizedMessage, Severity } from './problem-basics.ts';
import { PROBLEMS, type ProblemCode, type ProblemDetails } from './problem-codes.ts';

export type { JsonPath, LocalizedMessage, Severity } from './problem-basics.ts';
export type { JsonSyntax, ProblemCode, ProblemDetails, WavTrouble } from './problem-codes.ts';

export interface Problem {
  severity: Severity;
  /** Stable machine-readable code, e.g. 'unknown-scene-target'. */
  code: ProblemCode;
  /** File the problem is in, as given to the validator (usually `tours/<id>/tour.json`). */
  file: string;
  path: JsonPath;
  message: LocalizedMessage;
  /** 1-based position in the file's text, when the text is known. */
  line?: number;
  column?: number;
}

/** A problem before its file is known (checks that look at data, not at a file). */
export type Finding = Omit<Problem, 'file' | 'line' | 'column'>;

/** The finding of `code`: severity and message from the catalogue. */
export function finding<C extends ProblemCode>(
  code: C,
  details: ProblemDetails<C>,
  path: JsonPath = [],
): Finding {
  const entry = PROBLEMS[code] as {
    severity: Severity;
    message: (d: ProblemDetails<C>) => LocalizedMessage;
  };
  return { severity: entry.severity, code, path, message: entry.message(details) };
}

/** The problem of `code` in `file` (at `path`, and at `position` in its text when known). */
export function problem<C extends ProblemCode>(
  code: C,
  details: ProblemDetails<C>,
  file: string,
  path: JsonPath = [],
  position?: { line: number; column: number },
): Problem {
  const { severity, message } = finding(code, details, path);
  // Key order is what `tour validate --json` prints.
  return { severity, code, file, path, message, ...position };
}

/** `$.scenes[1].hotspots[0].target` — the notation editors and jq users recognise. */
export function formatJsonPath(path: JsonPath): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    return /^[A-Za-z_$][\w$]*$/.test(key) ? `${out}.${key}` : `${out}[${JSON.stringify(key)}]`;
  }, '$');
}

export const hasErrors = (problems: readonly Problem[]): boolean =>
  problems.some((p) => p.severity === 'error');

/** `file:line:column`, or the file alone when the position is not known. */
export const problemPlace = (problem: Problem): string =>
  problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column}`;

/**
 * One problem on one line for logs and staff screens that serve both languages at once (the
 * build's output, a kiosk's configuration error): `place severity $.path: en / vi`. The CLI
 * prints one language, through `src/node/cli/print-problems.ts`, on the same place and path.
 */
export const describeProblem = (
  problem: Problem,
  langs: readonly (keyof LocalizedMessage)[] = ['en', 'vi'],
): string =>
  `${problemPlace(problem)} ${problem.severity} ${formatJsonPath(problem.path)}: ${langs
    .map((lang) => problem.message[lang])
    .join(' / ')}`;
