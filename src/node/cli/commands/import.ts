/**
 * `tour import <source> --out tours/<id> [--lang vi] [--force]`: turns a Pannellum
 * configuration or a Marzipano Tool export (folder or zip) into a tour of ours, copies the
 * files it uses, lists what could not be carried over, then validates the result.
 */
import { access } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { isId, isLanguageCode } from '../../../core/manifest/ids.ts';
import { MANIFEST_VERSION } from '../../../core/manifest/schema.ts';
import type { ImportPlan } from '../../../core/import/common.ts';
import { detectLanguage } from '../../../core/import/detect-language.ts';
import { importMarzipano } from '../../../core/import/marzipano.ts';
import { openSource } from '../../import/open-source.ts';
import { importPannellum } from '../../../core/import/pannellum.ts';
import { writeImportedTour } from '../../import/write-tour.ts';
import {
  type Command,
  type CommandContext,
  EXIT,
  parseCommandLine,
  uiLanguage,
} from '../command.ts';
import { commandProblems, refusalLines } from '../print-problems.ts';
import { validateTourDir } from './validate.ts';

const USAGE = {
  vi: `Cách dùng: tour import <nguồn> --out tours/<mã-tour> [--lang vi] [--force]

Chuyển cấu hình Pannellum (tệp .json, .js hoặc trang .html) hoặc bản xuất của Marzipano Tool (thư mục hoặc .zip
có data.js) thành chuyến tham quan, chép các ảnh cần dùng và liệt kê những gì không chuyển được.

  --out DIR     thư mục tour mới (tên thư mục là mã tour)
  --lang CODE   ngôn ngữ của các chữ được nhập (mặc định: đoán từ các chữ, không có chữ thì vi)
  --force       ghi đè tour.json đã có
`,
  en: `Usage: tour import <source> --out tours/<tour-id> [--lang vi] [--force]

Turns a Pannellum configuration (.json, .js or an .html page) or a Marzipano Tool export (folder or .zip with data.js)
into a tour, copies the images it uses and lists what could not be carried over.

  --out DIR     the new tour folder (its name is the tour id)
  --lang CODE   language of the imported texts (default: guessed from the texts, vi when there are none)
  --force       overwrite an existing tour.json
`,
} as const;

export const importCommand: Command = {
  name: 'import',
  summary: {
    vi: 'nhập chuyến tham quan từ Pannellum hoặc Marzipano Tool',
    en: 'import a tour from Pannellum or Marzipano Tool',
  },
  run: runImport,
};

async function runImport(args: readonly string[], context: CommandContext): Promise<number> {
  const ui = uiLanguage(undefined, context.env);
  const parsed = parseCommandLine(
    'import',
    args,
    {
      out: { type: 'string' },
      lang: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE[ui],
    context,
  );
  if (!parsed) return EXIT.usage;
  if (parsed.values.help) {
    context.stdout(USAGE[ui]);
    return EXIT.ok;
  }
  const [source] = parsed.positionals;
  const out = parsed.values.out;
  let lang = parsed.values.lang ?? 'vi';
  const fail = (vi: string, en: string) => {
    context.stderr(`tour import: ${ui === 'vi' ? vi : en}\n\n${USAGE[ui]}`);
    return EXIT.usage;
  };
  if (!source || !out) return fail('cần <nguồn> và --out.', 'a <source> and --out are needed.');
  const tourId = basename(resolve(context.cwd, out));
  if (!isId(tourId))
    return fail(
      `"${tourId}" không dùng làm mã tour được (chữ thường, số, -, tối đa 20 ký tự).`,
      `"${tourId}" cannot be a tour id (lowercase letters, digits, -, at most 20).`,
    );
  if (!isLanguageCode(lang))
    return fail(`"${lang}" không phải mã ngôn ngữ.`, `"${lang}" is not a language code.`);
  const tourDir = resolve(context.cwd, out);
  if (
    !parsed.values.force &&
    (await access(resolve(tourDir, 'tour.json')).then(
      () => true,
      () => false,
    ))
  )
    return fail(
      `${out}/tour.json đã có; thêm --force để ghi đè.`,
      `${out}/tour.json exists; add --force to overwrite.`,
    );

  const found = await openSource(resolve(context.cwd, source));
  if (!found.ok) {
    context.stderr(commandProblems('import', found.problems, ui));
    return EXIT.problems;
  }
  const opened = found.value;
  const options = { lang, tourId };
  let plan: ImportPlan;
  let manifest: Record<string, unknown>;
  let detected = '';
  try {
    const convert = () =>
      opened.kind === 'pannellum'
        ? importPannellum(opened.data, options)
        : importMarzipano(opened.data, { ...options, limits: opened.limits });
    plan = convert();
    if (parsed.values.lang === undefined) {
      // No --lang: guess from the texts (converted with a provisional "vi"), then convert again.
      detected = detectLanguage(languageTexts(plan.manifest, lang));
      if (detected !== lang) {
        lang = options.lang = detected;
        plan = convert();
      }
    }
    plan.warnings.unshift(...opened.warnings);
    manifest = {
      $schema: '../../public/schema/tour.v1.json',
      version: MANIFEST_VERSION,
      id: tourId,
      ...plan.manifest,
      languages: [lang],
      defaultLanguage: lang,
    };
    await writeImportedTour(plan, opened.dir, tourDir, manifest);
  } finally {
    await opened.close(); // a zip's temporary folder, also when something above failed
  }
  context.stdout(summary(opened.kind, manifest.scenes as unknown[], plan, ui, out));
  if (detected)
    context.stdout(
      ui === 'vi'
        ? `  ngôn ngữ của các chữ: ${detected} (đoán từ các chữ; dùng --lang CODE để chọn khác)\n`
        : `  language of the texts: ${detected} (guessed from the texts; use --lang CODE to choose another)\n`,
    );
  const report = await validateTourDir(out, context.cwd);
  const errors = refusalLines(report.problems, ui);
  if (errors) {
    context.stderr(errors);
    return EXIT.problems;
  }
  context.stdout(ui === 'vi' ? `✓ ${out}: hợp lệ\n` : `✓ ${out}: valid\n`);
  return EXIT.ok;
}

function summary(
  kind: string,
  scenes: unknown[],
  plan: ImportPlan,
  ui: 'vi' | 'en',
  out: string,
): string {
  const hotspots = scenes.reduce<number>(
    (n, s) => n + (s as { hotspots: unknown[] }).hotspots.length,
    0,
  );
  const head =
    ui === 'vi'
      ? `Nhập từ ${kind}: ${scenes.length} cảnh, ${hotspots} điểm nóng, ${plan.copies.length} tệp → ${out}\n`
      : `Imported from ${kind}: ${scenes.length} scenes, ${hotspots} hotspots, ${plan.copies.length} files → ${out}\n`;
  const label = ui === 'vi' ? 'cảnh báo' : 'warning';
  return head + plan.warnings.map((w) => `  ${label}: ${w.path}: ${w.message[ui]}\n`).join('');
}

/** Every visitor text of a converted manifest (language maps `{ [lang]: text }`), ids and slugs left out. */
function languageTexts(value: unknown, lang: string, texts: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) languageTexts(item, lang, texts);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record);
    const text = record[lang];
    if (keys.length === 1 && typeof text === 'string') {
      if (!/^[a-z0-9_-]*$/.test(text)) texts.push(text);
    } else for (const key of keys) languageTexts(record[key], lang, texts);
  }
  return texts;
}
