/**
 * `tour links <tour-dir> --base <url> [--hotspots]`: one line per scene (and hotspot): id,
 * label in the tour's default language (for a hotspot, what its link opens: "Louvre — arrow
 * to Machu Picchu"), URL — tab-separated, for spreadsheets and scripts.
 */
import { BaseUrlError, formatLinkLines, printedLinks } from '../../../core/links/scene-links.ts';
import {
  type Command,
  type CommandContext,
  EXIT,
  parseCommandLine,
  uiLanguage,
} from '../command.ts';
import { loadValidTour } from '../load-tour.ts';
import { refusalLines } from '../print-problems.ts';

const USAGE = {
  vi: `Cách dùng: tour links <thư-mục-tour> --base <địa-chỉ-trang> [--hotspots]

In đường dẫn cố định của từng cảnh (và từng điểm nóng với --hotspots): mã, tên, địa chỉ,
cách nhau bằng dấu tab. Ví dụ: npm run tour -- links tours/demo --base https://di-tich.example.vn/
`,
  en: `Usage: tour links <tour-dir> --base <site-url> [--hotspots]

Prints the permanent link of every scene (and hotspot, with --hotspots): id, title, URL,
tab-separated. Example: npm run tour -- links tours/demo --base https://di-tich.example.vn/
`,
};

export const linksCommand: Command = {
  name: 'links',
  summary: {
    vi: 'in đường dẫn cố định của từng cảnh (để in mã QR, chia sẻ)',
    en: 'print the permanent link of every scene (for QR codes and sharing)',
  },
  run: runLinks,
};

async function runLinks(args: readonly string[], context: CommandContext): Promise<number> {
  const parsed = parseCommandLine(
    'links',
    args,
    {
      base: { type: 'string' },
      hotspots: { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    USAGE.en,
    context,
  );
  if (!parsed) return EXIT.usage;
  const lang = uiLanguage(parsed.values.lang, context.env);
  if (parsed.values.help) {
    context.stdout(USAGE[lang]);
    return EXIT.ok;
  }
  const [dir] = parsed.positionals;
  if (!dir || !parsed.values.base || parsed.positionals.length > 1) {
    context.stderr(USAGE[lang]);
    return EXIT.usage;
  }
  const loaded = await loadValidTour(dir, context.cwd);
  if (!loaded.ok) {
    context.stderr(refusalLines(loaded.problems, lang));
    return EXIT.problems;
  }
  try {
    const links = printedLinks(loaded.value.tour, parsed.values.base, {
      hotspots: parsed.values.hotspots ?? false,
    });
    context.stdout(formatLinkLines(links));
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof BaseUrlError)) throw error;
    context.stderr(`tour links: --base ${error.message}\n`);
    return EXIT.usage;
  }
}
