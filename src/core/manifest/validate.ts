/**
 * The validator's public entry points: text or data in, the typed tour (when its shape is right)
 * and every problem out, sorted as they appear in the file.
 */
import { createJsonLocator, parseManifestText } from './parse.ts';
import type { JsonPath, Problem } from './problems.ts';
import { Tour } from './schema.ts';
import { schemaProblems } from './schema-issues.ts';
import { type ReadHead, semanticProblems } from './semantics.ts';
import { MAX_MANIFEST_BYTES, manifestTextTooLarge, utf8Length } from './limits.ts';
import { problem } from './problems.ts';

export interface ValidateOptions {
  /** Shown in every problem, usually `tours/<id>/tour.json`. */
  file: string;
  /** Checks an asset file, given its path relative to the tour folder; no file checks without it. */
  fileExists?: (relativePath: string) => boolean | Promise<boolean>;
  /**
   * Reads the first bytes (`SNIFF_BYTES` are enough) of an existing asset file, given its path
   * relative to the tour folder: with it, every referenced file's content is checked against
   * its name (a `.jpg` that is a web page is an error). The CLI and the build pass it; the
   * browser (no file access) does not.
   */
  readHead?: ReadHead;
}

export interface ValidationResult {
  /**
   * The tour, set when its shape passed the schema. It may still have meaning errors (e.g. an
   * unknown scene target): check `problems` with `hasErrors` before publishing it.
   */
  tour?: Tour;
  problems: Problem[];
}

/** Validates the text of a tour.json: JSON syntax, then shape, then meaning. */
export async function validateTourText(
  text: string,
  options: ValidateOptions,
): Promise<ValidationResult> {
  // Before parsing: a hostile 60 MB file would take a minute and gigabytes to report on.
  if (manifestTextTooLarge(text)) {
    const details = { bytes: utf8Length(text), limit: MAX_MANIFEST_BYTES };
    return { problems: [problem('manifest-too-large', details, options.file)] };
  }
  const parsed = parseManifestText(text, options.file);
  if (!parsed.ok) return { problems: parsed.problems };
  const result = await validateTourData(parsed.value, { ...options, text });
  return { ...result, problems: sortProblems([...parsed.problems, ...result.problems]) };
}

/** Validates already-parsed data; with `text`, problems also get their line and column. */
export async function validateTourData(
  data: unknown,
  options: ValidateOptions & { text?: string },
): Promise<ValidationResult> {
  const parsed = Tour.safeParse(data);
  const problems = [
    ...(parsed.success ? [] : schemaProblems(parsed.error.issues, data, options.file)),
    ...(await semanticProblems(data, {
      file: options.file,
      fileExists: options.fileExists,
      readHead: options.readHead,
      schemaValid: parsed.success,
    })),
  ];
  const located = options.text === undefined ? problems : withPositions(problems, options.text);
  return { tour: parsed.success ? parsed.data : undefined, problems: sortProblems(located) };
}

function withPositions(problems: readonly Problem[], text: string): Problem[] {
  const locator = createJsonLocator(text);
  return problems.map((problem) =>
    problem.line !== undefined ? problem : { ...problem, ...locator.locate(problem.path) },
  );
}

/** By line (problems without one last), then by path; otherwise in the order found. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.line ?? Number.POSITIVE_INFINITY) - (b.line ?? Number.POSITIVE_INFINITY) ||
      comparePaths(a.path, b.path),
  );
}

function comparePaths(a: JsonPath, b: JsonPath): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}
