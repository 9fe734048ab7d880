/**
 * The one result shape of the project: a value (with any warnings met on the way), or the
 * problems that stopped it. A failure is never a thrown string or a bare message: each
 * problem carries its code, the file, the path inside it and a message in the author's
 * language (see `Problem`), so every caller reports it the same way.
 */
import type { Problem } from './manifest/problems.ts';

export type {
  JsonPath,
  LocalizedMessage,
  Problem,
  ProblemCode,
  Severity,
} from './manifest/problems.ts';
export { problem } from './manifest/problems.ts';

export type Result<T> =
  { ok: true; value: T; problems: Problem[] } | { ok: false; problems: Problem[] };

export const success = <T>(value: T, problems: Problem[] = []): Result<T> => ({
  ok: true,
  value,
  problems,
});

export const failure = <T = never>(problems: Problem | Problem[]): Result<T> => ({
  ok: false,
  problems: Array.isArray(problems) ? problems : [problems],
});
