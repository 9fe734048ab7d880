/**
 * The one way the `tour` commands print problems, whichever command found them:
 * - `problemLine`: `file:line:column  error  $.json.path  message` (`tour validate`);
 * - `refusalLines`: the errors only, `file:line:column  message`, one line each, for commands
 *   that refuse a tour with errors (links, qr, import);
 * - `problemsJson`: the problems with their JSON path written out (`tour validate --json`);
 * - `commandProblems`: `tour <command>: message`, one line each, for problems that are not in
 *   a tour file (an import source, a missing program).
 */
import { formatJsonPath, type Problem, problemPlace } from '../../core/manifest/problems.ts';
import type { UiLanguage } from './command.ts';

const SEVERITY = {
  vi: { error: 'lỗi', warning: 'cảnh báo' },
  en: { error: 'error', warning: 'warning' },
} as const;

/** One problem, as `tour validate` lists it (no newline). */
export const problemLine = (problem: Problem, lang: UiLanguage): string =>
  `${problemPlace(problem)}  ${SEVERITY[lang][problem.severity]}  ${formatJsonPath(problem.path)}  ${problem.message[lang]}`;

/** The errors among `problems`, one line each (position 1:1 when unknown), or ''. */
export const refusalLines = (problems: readonly Problem[], lang: UiLanguage): string =>
  problems
    .filter((problem) => problem.severity === 'error')
    .map((p) => `${p.file}:${p.line ?? 1}:${p.column ?? 1}  ${p.message[lang]}\n`)
    .join('');

/** Problems as `--json` prints them: as they are, plus `jsonPath`. */
export const problemsJson = (problems: readonly Problem[]) =>
  problems.map((problem) => ({ ...problem, jsonPath: formatJsonPath(problem.path) }));

/** `tour <command>: message` per problem. */
export const commandProblems = (
  command: string,
  problems: readonly Problem[],
  lang: UiLanguage,
): string => problems.map((problem) => `tour ${command}: ${problem.message[lang]}\n`).join('');
