/**
 * `tour tile <tour-dir ...> [--force] [--lang vi|en]`: makes the preview and the tile pyramid
 * of every equirectangular panorama, skipping those already tiled from the same content.
 * The build runs the same step for every tour, so this command is for authors who want to see
 * the result (or the time it takes) before building.
 */
import { tileTour } from '../../tiles/tile-tour.ts';
import {
  type Command,
  type CommandContext,
  EXIT,
  parseCommandLine,
  type UiLanguage,
  uiLanguage,
} from '../command.ts';
import { findTourDirs } from '../../fs.ts';
import { loadValidTour } from '../load-tour.ts';
import { progressBar } from '../progress.ts';

const TEXT = {
  vi: {
    usage: `Cách dùng: tour tile [thư-mục-tour ...] [--force] [--lang vi|en]

Tạo ảnh xem trước và các mảnh ảnh (tile) nhiều mức phân giải cho mỗi ảnh toàn cảnh 2:1,
vào thư mục generated/ của tour. Ảnh không đổi thì bỏ qua. Lệnh build cũng tự làm bước này.

  --force       tạo lại tất cả
  --lang vi|en  ngôn ngữ của thông báo
`,
    invalid: (dir: string) =>
      `${dir}: tour có lỗi, hãy chạy "npm run tour -- validate ${dir}" trước.\n`,
    skipped: (source: string) => `  = ${source} (không đổi, bỏ qua)\n`,
    done: (source: string, tiles: number, kb: number) => `  ✓ ${source}: ${tiles} mảnh, ${kb} KB\n`,
    failed: (source: string, why: string) => `  ✗ ${source}: không tạo được mảnh ảnh (${why})\n`,
    summary: (tiled: number, skipped: number, failed: number) =>
      `${tiled} ảnh đã tạo mảnh, ${skipped} bỏ qua, ${failed} lỗi\n`,
  },
  en: {
    usage: `Usage: tour tile [tour-dir ...] [--force] [--lang vi|en]

Makes a preview and a multi-resolution tile pyramid for every 2:1 panorama, in the tour's
generated/ folder. Unchanged images are skipped. The build runs this step too.

  --force       make everything again
  --lang vi|en  language of the messages
`,
    invalid: (dir: string) =>
      `${dir}: the tour has errors; run "npm run tour -- validate ${dir}" first.\n`,
    skipped: (source: string) => `  = ${source} (unchanged, skipped)\n`,
    done: (source: string, tiles: number, kb: number) =>
      `  ✓ ${source}: ${tiles} tiles, ${kb} KB\n`,
    failed: (source: string, why: string) => `  ✗ ${source}: could not be tiled (${why})\n`,
    summary: (tiled: number, skipped: number, failed: number) =>
      `${tiled} tiled, ${skipped} skipped, ${failed} failed\n`,
  },
} as const;

export const tileCommand: Command = {
  name: 'tile',
  summary: {
    vi: 'tạo ảnh xem trước và mảnh ảnh nhiều mức cho ảnh toàn cảnh (tải nhanh trên điện thoại)',
    en: 'make previews and multi-resolution tiles of the panoramas (fast on phones)',
  },
  run: runTile,
};

async function runTile(args: readonly string[], context: CommandContext): Promise<number> {
  const parsed = parseCommandLine(
    'tile',
    args,
    { force: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    TEXT.en.usage,
    context,
  );
  if (!parsed) return EXIT.usage;
  const lang = uiLanguage(parsed.values.lang, context.env);
  if (parsed.values.help) {
    context.stdout(TEXT[lang].usage);
    return EXIT.ok;
  }
  const dirs = parsed.positionals.length > 0 ? parsed.positionals : await findTourDirs(context.cwd);
  let failures = 0;
  for (const dir of dirs) {
    failures += await tileOne(dir, context, lang, parsed.values.force ?? false);
  }
  return failures === 0 ? EXIT.ok : EXIT.problems;
}

/** Tiles one tour folder; returns 1 when something failed. */
async function tileOne(
  dir: string,
  context: CommandContext,
  lang: UiLanguage,
  force: boolean,
): Promise<number> {
  const text = TEXT[lang];
  const loaded = await loadValidTour(dir, context.cwd);
  if (!loaded.ok) {
    context.stderr(text.invalid(loaded.report.dir));
    return 1;
  }
  const { tour, dir: absolute } = loaded.value;
  context.stdout(`${loaded.report.dir}\n`);
  const bar = progressBar(context);
  const result = await tileTour(
    absolute,
    tour,
    {
      skipped: (source) => context.stdout(text.skipped(source)),
      progress: (source, done, total) => bar.update(source, done, total),
      done: (source, tiled) => {
        bar.clear();
        const count = tiled.tiles.levels.reduce((n, l) => n + l.cols * l.rows, 0);
        context.stdout(text.done(source, count, Math.round(tiled.bytes / 1024)));
      },
      failed: (source, error) => {
        bar.clear();
        context.stderr(text.failed(source, (error as Error).message));
      },
    },
    { force },
  );
  context.stdout(text.summary(result.tiled.length, result.skipped.length, result.failed.length));
  return result.failed.length > 0 ? 1 : 0;
}
