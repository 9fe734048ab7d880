/**
 * `tour kiosk-pin [<pin>] [--profile <file>]`: makes the salted hash of a kiosk's staff PIN
 * (src/core/kiosk/pin.ts) and prints it, or writes it into a kiosk profile as `staffPin`.
 * The PIN itself never reaches the published site. Without <pin> it is read from standard
 * input, so it stays out of the shell's history.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { hashPin, PIN_PATTERN } from '../../../core/kiosk/pin.ts';
import {
  type Command,
  type CommandContext,
  EXIT,
  parseCommandLine,
  uiLanguage,
} from '../command.ts';

const USAGE = {
  vi: `Cách dùng: tour kiosk-pin [<mã-PIN>] [--profile <tệp-cấu-hình-kiosk>]

Tạo mã băm (có muối) của mã PIN nhân viên (4–12 chữ số) cho màn hình nhân viên của kiosk.
Với --profile, ghi vào trường "staffPin" của tệp đó; nếu không, in ra màn hình.
Không ghi mã PIN trên dòng lệnh thì gõ nó vào (đầu vào chuẩn).
Ví dụ: npm run tour -- kiosk-pin --profile public/kiosk/default.json
`,
  en: `Usage: tour kiosk-pin [<pin>] [--profile <kiosk-profile-file>]

Makes the salted hash of a staff PIN (4–12 digits) for the kiosk's staff screen.
With --profile, writes it as "staffPin" into that file; otherwise prints it.
Leave out <pin> to type it on standard input (it then stays out of the shell history).
Example: npm run tour -- kiosk-pin --profile public/kiosk/default.json
`,
};

export const kioskPinCommand: Command = {
  name: 'kiosk-pin',
  summary: {
    vi: 'tạo mã băm mã PIN nhân viên cho cấu hình kiosk',
    en: "make the hash of a kiosk's staff PIN for its profile",
  },
  run: runKioskPin,
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function runKioskPin(
  args: readonly string[],
  context: CommandContext,
  input: () => Promise<string> = readStdin,
): Promise<number> {
  const parsed = parseCommandLine(
    'kiosk-pin',
    args,
    {
      profile: { type: 'string' },
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
  if (parsed.positionals.length > 1) {
    context.stderr(USAGE[lang]);
    return EXIT.usage;
  }
  const pin = (parsed.positionals[0] ?? (await input())).trim();
  if (!PIN_PATTERN.test(pin)) {
    context.stderr(
      lang === 'vi'
        ? 'tour kiosk-pin: mã PIN phải gồm 4–12 chữ số.\n'
        : 'tour kiosk-pin: the PIN must be 4–12 digits.\n',
    );
    return EXIT.usage;
  }
  const hash = await hashPin(pin);
  if (!parsed.values.profile) {
    context.stdout(`${hash}\n`);
    return EXIT.ok;
  }
  const file = resolve(context.cwd, parsed.values.profile);
  let profile: Record<string, unknown>;
  try {
    profile = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    context.stderr(`tour kiosk-pin: ${parsed.values.profile}: ${(error as Error).message}\n`);
    return EXIT.problems;
  }
  await writeFile(file, `${JSON.stringify({ ...profile, staffPin: hash }, null, 2)}\n`);
  context.stdout(
    lang === 'vi'
      ? `Đã ghi mã băm PIN vào ${parsed.values.profile} (staffPin).\n`
      : `Wrote the PIN hash to ${parsed.values.profile} (staffPin).\n`,
  );
  return EXIT.ok;
}
