/** Reads a tour folder for commands that need a valid tour (tile, links, qr). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hasErrors } from '../../core/manifest/problems.ts';
import type { Tour } from '../../core/manifest/schema.ts';
import { validateTourText } from '../../core/manifest/validate.ts';
import { type TourReport, validateTourDir } from './commands/validate.ts';

export type LoadedTour =
  { ok: true; tour: Tour; dir: string; report: TourReport } | { ok: false; report: TourReport };

export async function loadValidTour(dirArg: string, cwd: string): Promise<LoadedTour> {
  const report = await validateTourDir(dirArg, cwd);
  if (hasErrors(report.problems)) return { ok: false, report };
  const text = await readFile(resolve(cwd, report.file), 'utf8');
  const { tour } = await validateTourText(text, { file: report.file });
  if (!tour) return { ok: false, report };
  return { ok: true, tour, dir: resolve(cwd, report.dir), report };
}

/** One line per error, as `tour validate` prints them, for commands that refuse a bad tour. */
export function describeErrors(report: TourReport, lang: 'vi' | 'en'): string {
  return report.problems
    .filter((problem) => problem.severity === 'error')
    .map(
      (problem) =>
        `${problem.file}:${problem.line ?? 1}:${problem.column ?? 1}  ${problem.message[lang]}\n`,
    )
    .join('');
}
