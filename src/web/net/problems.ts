/**
 * What can go wrong when the browser fetches published JSON (the catalogue, a tour, a kiosk
 * profile, a tour's file list), as `Problem`s: one code per kind of failure, its message in
 * Vietnamese and English from one map keyed by the code, the URL as the file.
 */
import type { JsonPath, LocalizedMessage, Problem, ProblemCode } from '../../core/result.ts';

/** Codes of the catalogue (`core/manifest/problem-codes.ts`): a code missing there drops out
 * of this type and its entry below stops compiling, so the two cannot drift apart. */
export type LoadProblemCode = Extract<
  ProblemCode,
  | 'network'
  | 'not-found'
  | 'invalid-json'
  | 'catalogue-invalid'
  | 'tour-invalid'
  | 'kiosk-profile-invalid'
  | 'file-list-invalid'
>;

// Short texts of the same codes, kept here on purpose: the catalogue's `problem()` brings every
// manifest message with it, and this map is in the tourist's first chunk (the first view must
// stay small). Visitors see the app's own translated messages; these are for staff and logs.
const MESSAGES: Record<LoadProblemCode, (detail: string) => LocalizedMessage> = {
  network: (detail) => ({ vi: `Lỗi mạng: ${detail}`, en: `Network error: ${detail}` }),
  'not-found': () => ({ vi: 'Không tìm thấy tệp', en: 'File not found' }),
  'invalid-json': () => ({ vi: 'Tệp không phải JSON', en: 'Not a JSON file' }),
  'catalogue-invalid': (detail) => ({
    vi: `Danh mục sai: ${detail}`,
    en: `Bad catalogue: ${detail}`,
  }),
  'tour-invalid': (detail) => ({ vi: `Tour sai: ${detail}`, en: `Bad tour: ${detail}` }),
  'kiosk-profile-invalid': (detail) => ({
    vi: `Cấu hình kiosk sai: ${detail}`,
    en: `Bad kiosk profile: ${detail}`,
  }),
  'file-list-invalid': (detail) => ({
    vi: `Danh sách tệp sai: ${detail}`,
    en: `Bad file list: ${detail}`,
  }),
};

export function loadProblem(
  code: LoadProblemCode,
  file: string,
  detail = '',
  path: JsonPath = [],
): Problem {
  return { severity: 'error', code, file, path, message: MESSAGES[code](detail) };
}

/** The part of a zod issue that is reported (structural, so this module does not load zod). */
export interface SchemaIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** Schema issues → problems, one per unknown key, each with its JSON path. */
export function schemaProblems(
  issues: readonly SchemaIssue[],
  file: string,
  code: LoadProblemCode,
): Problem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      return issue.keys.map((key) =>
        loadProblem(code, file, `unknown key "${key}"`, [...path, key]),
      );
    }
    return [loadProblem(code, file, issue.message, path)];
  });
}
