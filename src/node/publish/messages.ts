/** Publishing's problems: their codes and texts are in `core/publish-problems.ts`. */
import type { SiteProblemCode } from '../../core/publish-problems.ts';
import { type Problem, problem } from '../../core/result.ts';

export type PublishCode = Exclude<SiteProblemCode, `site-config-${string}`>;

export function publishProblem(
  code: PublishCode,
  params: Readonly<Record<string, string | number>> = {},
  file = '',
): Problem {
  return problem(code, params, file);
}
