/**
 * Validation problems are values, not exceptions: each names the file, the JSON path and a
 * plain-language message with the fix, in Vietnamese and English.
 */

export type Severity = 'error' | 'warning';

/** Path from the manifest root, e.g. ['scenes', 1, 'hotspots', 0, 'target']. */
export type JsonPath = ReadonlyArray<string | number>;

export interface LocalizedMessage {
  vi: string;
  en: string;
}

export interface Problem {
  severity: Severity;
  /** Stable machine-readable code, e.g. 'unknown-scene-target'. */
  code: string;
  /** File the problem is in, as given to the validator (usually `tours/<id>/tour.json`). */
  file: string;
  path: JsonPath;
  message: LocalizedMessage;
  /** 1-based position in the file's text, when the text is known. */
  line?: number;
  column?: number;
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
