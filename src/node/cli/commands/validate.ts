/**
 * `tour validate [tour-dir ...] [--json] [--lang vi|en]`: checks tours and lists every problem
 * with file, line, JSON path and the fix. Exit 0 when there is no error (warnings are allowed),
 * 1 when there is one, 2 when the command was called wrongly.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { isId } from '../../../core/manifest/ids.ts';
import { locateJsonPath, parseManifestText } from '../../../core/manifest/parse.ts';
import { hasErrors, type Problem, problem } from '../../../core/manifest/problems.ts';
import { sortProblems, validateTourText } from '../../../core/manifest/validate.ts';
import {
  type Command,
  type CommandContext,
  EXIT,
  isUiLanguage,
  type UiLanguage,
  uiLanguage,
} from '../command.ts';
import { problemLine, problemsJson } from '../print-problems.ts';
import { findTourDirs, MANIFEST_NAME, tourFileExists } from '../../fs.ts';
import { tourFileHead } from '../../build/file-head.ts';
import { MAX_MANIFEST_BYTES } from '../../../core/manifest/limits.ts';

export interface TourReport {
  /** The tour folder, as given or found (forward slashes). */
  dir: string;
  file: string;
  valid: boolean;
  problems: Problem[];
}

const TEXT = {
  vi: {
    usage: `Cách dùng: tour validate [thư-mục-tour ...] [--json] [--lang vi|en]

Kiểm tra các chuyến tham quan và liệt kê mọi lỗi, kèm cách sửa.
Không ghi thư mục nào thì kiểm tra mọi thư mục trong tours/ có tệp tour.json.

  --json        in kết quả dạng JSON (cho các công cụ khác)
  --lang vi|en  ngôn ngữ của thông báo (mặc định theo biến LANG)
`,
    noTours:
      'Không tìm thấy chuyến tham quan nào trong tours/. Hãy chạy lệnh trong thư mục dự án, hoặc ghi tên thư mục tour.\n',
    summary: (name: string, errors: number, warnings: number) =>
      `${errors === 0 ? '✓' : '✗'} ${name}: ${errors} lỗi, ${warnings} cảnh báo`,
  },
  en: {
    usage: `Usage: tour validate [tour-dir ...] [--json] [--lang vi|en]

Checks tours and lists every problem, with the fix.
Without a folder, checks every folder of tours/ that holds a tour.json.

  --json        print the result as JSON (for other tools)
  --lang vi|en  language of the messages (default: from the LANG variable)
`,
    noTours: 'No tour found in tours/. Run this in the project folder, or name a tour folder.\n',
    summary: (name: string, errors: number, warnings: number) =>
      `${errors === 0 ? '✓' : '✗'} ${name}: ${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`,
  },
} as const;

export const validateCommand: Command = {
  name: 'validate',
  summary: {
    vi: 'kiểm tra các chuyến tham quan (tour.json) và chỉ cách sửa lỗi',
    en: 'check tours (tour.json) and explain how to fix each problem',
  },
  run: runValidate,
};

async function runValidate(args: readonly string[], context: CommandContext): Promise<number> {
  let parsed: ReturnType<typeof parseValidateArgs>;
  try {
    parsed = parseValidateArgs(args);
  } catch (error) {
    const text = TEXT[uiLanguage(undefined, context.env)];
    context.stderr(`tour validate: ${(error as Error).message}\n\n${text.usage}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const lang = uiLanguage(values.lang, context.env);
  if (values.help) {
    context.stdout(TEXT[lang].usage);
    return EXIT.ok;
  }
  const dirs = positionals.length > 0 ? positionals : await findTourDirs(context.cwd);
  if (dirs.length === 0) {
    context.stderr(TEXT[lang].noTours);
    return EXIT.usage;
  }
  const reports = await Promise.all(dirs.map((dir) => validateTourDir(dir, context.cwd)));
  context.stdout(values.json ? jsonReport(reports) : humanReport(reports, lang));
  return reports.every((report) => report.valid) ? EXIT.ok : EXIT.problems;
}

function parseValidateArgs(args: readonly string[]) {
  const parsed = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (parsed.values.lang !== undefined && !isUiLanguage(parsed.values.lang)) {
    throw new Error(`--lang must be "vi" or "en", not "${parsed.values.lang}"`);
  }
  return parsed;
}

/** Paths as the author typed them, with forward slashes on every system. */
const display = (path: string): string => path.split(sep).join('/').replace(/\/+$/, '') || '.';

/** What `validateTourDir` checks besides the manifest; everything unless told otherwise. */
export interface FolderChecks {
  /**
   * false: the manifest only, not the folder it sits in (its files, its name) — for commands
   * that make the files (narrate) or run on a copy.
   */
  folder?: boolean;
}

/** Validates one tour folder (or a tour.json given directly); never throws for bad input. */
export async function validateTourDir(
  dirArg: string,
  cwd: string,
  checks: FolderChecks = {},
): Promise<TourReport> {
  const isManifest = basename(dirArg) === MANIFEST_NAME;
  const absDir = resolve(cwd, isManifest ? dirname(dirArg) : dirArg);
  const dir = display(relative(cwd, absDir) || '.');
  const file = display(
    relative(cwd, resolve(absDir, isManifest ? basename(dirArg) : MANIFEST_NAME)),
  );
  const report = (problems: Problem[]): TourReport => ({
    dir,
    file,
    valid: !hasErrors(problems),
    problems: sortProblems(problems),
  });
  const text = await readManifest(resolve(cwd, file));
  if (typeof text !== 'string' && 'tooLarge' in text) {
    const details = { bytes: text.tooLarge, limit: MAX_MANIFEST_BYTES };
    return report([problem('manifest-too-large', details, file)]);
  }
  if (typeof text !== 'string') {
    return report([
      text.missing
        ? problem('missing-manifest', { dir }, file)
        : problem('unreadable-manifest', { reason: text.reason }, file),
    ]);
  }
  if (checks.folder === false) return report((await validateTourText(text, { file })).problems);
  const result = await validateTourText(text, {
    file,
    fileExists: tourFileExists(absDir),
    readHead: tourFileHead(absDir),
  });
  return report([...result.problems, ...folderIdProblems(text, file, basename(absDir))]);
}

type ManifestRead = string | { missing: boolean; reason: string } | { tooLarge: number };

/** The manifest's text; one over `MAX_MANIFEST_BYTES` is refused by its size, never read. */
async function readManifest(path: string): Promise<ManifestRead> {
  try {
    const stats = await stat(path);
    if (!stats.isFile()) return { missing: false, reason: 'not a file' };
    if (stats.size > MAX_MANIFEST_BYTES) return { tooLarge: stats.size };
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    return { missing: code === 'ENOENT' || code === 'ENOTDIR', reason: code };
  }
}

/** Links and the build find a tour by its id, so the folder must carry the same name. */
function folderIdProblems(text: string, file: string, folder: string): Problem[] {
  const parsed = parseManifestText(text, file);
  const data = parsed.ok ? parsed.value : undefined;
  const id = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined;
  if (typeof id !== 'string' || !isId(id) || id === folder) return [];
  const details = { folder, id, folderIsId: isId(folder) };
  return [problem('folder-id-mismatch', details, file, ['id'], locateJsonPath(text, ['id']))];
}

function humanReport(reports: readonly TourReport[], lang: UiLanguage): string {
  const text = TEXT[lang];
  return reports
    .map((report) => {
      const lines = report.problems.map((found) => problemLine(found, lang));
      const errors = report.problems.filter((p) => p.severity === 'error').length;
      const summary = text.summary(basename(report.dir), errors, report.problems.length - errors);
      return `${[...lines, summary].join('\n')}\n`;
    })
    .join('\n');
}

function jsonReport(reports: readonly TourReport[]): string {
  const tours = reports.map((report) => ({ ...report, problems: problemsJson(report.problems) }));
  return `${JSON.stringify({ tours }, null, 2)}\n`;
}
