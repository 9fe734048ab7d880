/** Reads a tour folder for commands that need a valid tour (tile, links, qr, narrate). */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hasErrors } from '../../core/manifest/problems.ts';
import { failure, type Result, success } from '../../core/result.ts';
import type { Tour } from '../../core/manifest/schema.ts';
import { validateTourText } from '../../core/manifest/validate.ts';
import { type FolderChecks, type TourReport, validateTourDir } from './commands/validate.ts';

export interface ValidTour {
  tour: Tour;
  /** The tour folder, absolute. */
  dir: string;
}

/** The tour, or the errors that stop it; either way the report of its validation. */
export type LoadedTour = Result<ValidTour> & { report: TourReport };

export async function loadValidTour(
  dirArg: string,
  cwd: string,
  checks: FolderChecks = {},
): Promise<LoadedTour> {
  const report = await validateTourDir(dirArg, cwd, checks);
  if (hasErrors(report.problems)) return { ...failure(report.problems), report };
  // validateTourDir refused a manifest over the size limit: this reads one within it.
  const text = await readFile(resolve(cwd, report.file), 'utf8');
  const { tour, problems } = await validateTourText(text, { file: report.file });
  if (!tour) return { ...failure(problems), report };
  return { ...success({ tour, dir: resolve(cwd, report.dir) }, report.problems), report };
}
