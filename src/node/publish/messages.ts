/** Publishing's problems: their codes and texts are in `core/publish-problems.ts`. */
import type { Problem } from '../../core/result.ts';
import { siteProblem, type SiteProblemCode } from '../../core/publish-problems.ts';

export type PublishCode = Exclude<SiteProblemCode, `site-config-${string}`>;

export function publishProblem(
  code: PublishCode,
  params: Readonly<Record<string, string | number>> = {},
  file = '',
): Problem {
  return siteProblem(code, params, file);
}
