/**
 * `tour publish [--target <name|zip|folder|ftp|sftp|s3>] [--out <path>] [--tours a,b] [--full]
 * [--dry-run]`: builds the site for the chosen tours and makes a site zip or uploads it,
 * sending only what changed. The work is in `src/node/publish/`; this file parses, draws the
 * progress bar and prints the outcome.
 */
import { formatJsonPath } from '../../../core/manifest/problems.ts';
import type { Problem } from '../../../core/result.ts';
import type { PublishReport } from '../../publish/publish.ts';
import {
  type Command,
  type CommandContext,
  EXIT,
  parseCommandLine,
  type UiLanguage,
  uiLanguage,
} from '../command.ts';
import { progressBar } from '../progress.ts';

const TEXT = {
  vi: {
    usage: `Cách dùng: tour publish [--target <tên|zip|folder|ftp|sftp|s3>] [--out <đường-dẫn>]
                    [--tours a,b] [--config site.config.json] [--full] [--dry-run] [--lang vi|en]

Dựng trang cho các tour đã chọn rồi tạo tệp zip của trang hoặc gửi lên máy chủ (FTP/FTPS,
SFTP, S3), chỉ gửi các tệp mới hoặc đã đổi; các tệp mở đầu (tour.json, tours/index.json,
index.html, sw.js) gửi sau cùng. Địa chỉ công khai, tên trang và nơi xuất bản ở site.config.json;
mật khẩu lấy từ biến môi trường (TOUR_FTP_PASSWORD, TOUR_SFTP_PASSWORD, TOUR_S3_ACCESS_KEY_ID,
TOUR_S3_SECRET_ACCESS_KEY) hoặc .publish-credentials.json (không đưa lên git).
  --full      gửi lại mọi tệp      --dry-run   chỉ so sánh, không gửi gì
`,
    phases: {
      build: 'Đang dựng trang…',
      connect: 'Đang kết nối…',
      compare: 'Đang so sánh…',
      upload: '',
      finish: 'Đang hoàn tất…',
    },
    sending: 'Đang gửi',
    done: (r: PublishReport) =>
      r.dryRun
        ? `Sẽ gửi ${r.sent.length} trong ${r.files} tệp tới ${r.where} (chưa gửi gì).\n`
        : `Đã xuất bản lên ${r.where}: gửi ${r.sent.length}/${r.files} tệp (${mb(r.bytesSent)}), ${r.files - r.sent.length} tệp không đổi, ${r.seconds.toFixed(1)} giây.\nĐịa chỉ: ${r.publicUrl}\n`,
  },
  en: {
    usage: `Usage: tour publish [--target <name|zip|folder|ftp|sftp|s3>] [--out <path>]
                    [--tours a,b] [--config site.config.json] [--full] [--dry-run] [--lang vi|en]

Builds the site for the chosen tours, then makes a site zip or uploads it (FTP/FTPS, SFTP, S3),
sending only new or changed files; the entry points (tour.json, tours/index.json, index.html,
sw.js) go last. The public address, site name and targets are in site.config.json; secrets
come from the environment (TOUR_FTP_PASSWORD, TOUR_SFTP_PASSWORD, TOUR_S3_ACCESS_KEY_ID,
TOUR_S3_SECRET_ACCESS_KEY) or .publish-credentials.json (kept out of git).
  --full      send every file      --dry-run   compare only, send nothing
`,
    phases: {
      build: 'Building the site…',
      connect: 'Connecting…',
      compare: 'Comparing…',
      upload: '',
      finish: 'Finishing…',
    },
    sending: 'Sending',
    done: (r: PublishReport) =>
      r.dryRun
        ? `Would send ${r.sent.length} of ${r.files} files to ${r.where} (nothing sent).\n`
        : `Published to ${r.where}: sent ${r.sent.length}/${r.files} files (${mb(r.bytesSent)}), ${r.files - r.sent.length} unchanged, ${r.seconds.toFixed(1)} s.\nAddress: ${r.publicUrl}\n`,
  },
} as const;

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(bytes < 10_485_760 ? 2 : 1)} MB`;

export const publishCommand: Command = {
  name: 'publish',
  summary: {
    vi: 'dựng trang và xuất bản: tệp zip, thư mục, FTP/FTPS, SFTP hoặc S3',
    en: 'build the site and publish it: a zip, a folder, FTP/FTPS, SFTP or S3',
  },
  run: runPublish,
};

export function describeProblems(problems: readonly Problem[], lang: UiLanguage): string {
  return problems
    .map((problem) => {
      const where = problem.file
        ? `${problem.file}${problem.path.length ? ` ${formatJsonPath(problem.path)}` : ''}: `
        : '';
      return `${problem.severity === 'error' ? '✗' : '!'} ${where.startsWith(problem.message[lang].split(' ')[0]!) ? '' : where}${problem.message[lang]}\n`;
    })
    .join('');
}

async function runPublish(args: readonly string[], context: CommandContext): Promise<number> {
  const parsed = parseCommandLine(
    'publish',
    args,
    {
      target: { type: 'string', short: 't' },
      out: { type: 'string', short: 'o' },
      tours: { type: 'string' },
      config: { type: 'string' },
      credentials: { type: 'string' },
      full: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    TEXT.en.usage,
    context,
  );
  if (!parsed) return EXIT.usage;
  const ui = uiLanguage(parsed.values.lang, context.env);
  const text = TEXT[ui];
  if (parsed.values.help) {
    context.stdout(text.usage);
    return EXIT.ok;
  }
  if (parsed.positionals.length > 0) {
    context.stderr(text.usage);
    return EXIT.usage;
  }
  const bar = progressBar(context);
  // Loaded on use: the upload clients (AWS SDK, ssh2, basic-ftp) take seconds to import, and
  // every other `tour` command would pay for them at start.
  const { publishSite } = await import('../../publish/publish.ts');
  const result = await publishSite({
    root: context.cwd,
    env: context.env,
    target: parsed.values.target ?? 'zip',
    out: parsed.values.out,
    configFile: parsed.values.config,
    credentialsFile: parsed.values.credentials,
    tours: parsed.values.tours
      ?.split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    full: parsed.values.full,
    dryRun: parsed.values['dry-run'],
    events: {
      phase: (phase) => {
        bar.clear();
        if (text.phases[phase]) context.stderr(`${text.phases[phase]}\n`);
      },
      progress: (p) =>
        bar.update(
          `${text.sending} ${mb(p.bytesDone)}/${mb(p.bytesTotal)}`,
          p.filesDone,
          p.filesTotal,
        ),
      log: (line) => context.stderr(`${line}\n`),
    },
  });
  bar.clear();
  if (!result.ok) {
    context.stderr(describeProblems(result.problems, ui));
    return EXIT.problems;
  }
  context.stdout(text.done(result.value));
  return EXIT.ok;
}
