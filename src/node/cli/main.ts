/**
 * The `tour` command: finds the subcommand and runs it. To add one, write a module under
 * `commands/` that exports a {@link Command} and list it in COMMANDS.
 */
import { pathToFileURL } from 'node:url';
import { type Command, type CommandContext, EXIT, processContext, uiLanguage } from './command.ts';
import { importCommand } from './commands/import.ts';
import { kioskPinCommand } from './commands/kiosk-pin.ts';
import { narrateCommand } from './commands/narrate.ts';
import { tileCommand } from './commands/tile.ts';
import { linksCommand } from './commands/links.ts';
import { publishCommand } from './commands/publish.ts';
import { qrCommand } from './commands/qr.ts';
import { validateCommand } from './commands/validate.ts';

export const COMMANDS: readonly Command[] = [
  validateCommand,
  narrateCommand,
  tileCommand,
  linksCommand,
  qrCommand,
  importCommand,
  publishCommand,
  kioskPinCommand,
];

function usage(context: CommandContext): string {
  const lang = uiLanguage(undefined, context.env);
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  const list = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary[lang]}`).join('\n');
  return lang === 'vi'
    ? `Cách dùng: tour <lệnh> [tuỳ chọn]\n\nCác lệnh:\n${list}\n\nXem hướng dẫn của một lệnh: tour <lệnh> --help\n`
    : `Usage: tour <command> [options]\n\nCommands:\n${list}\n\nHelp on a command: tour <command> --help\n`;
}

/** Runs `tour <argv…>` and returns the exit code. */
export async function main(argv: readonly string[], context = processContext()): Promise<number> {
  const [name, ...args] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    context.stdout(usage(context));
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (name !== undefined) context.stderr(`tour: unknown command "${name}"\n\n`);
    context.stderr(usage(context));
    return EXIT.usage;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    // Commands report bad input as problems; reaching here is a bug in the tool itself.
    const detail = context.env.TOUR_DEBUG ? (error as Error).stack : (error as Error).message;
    context.stderr(`tour ${name}: internal error: ${detail}\n(set TOUR_DEBUG=1 for details)\n`);
    return EXIT.problems;
  }
}

const runDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (runDirectly) process.exitCode = await main(process.argv.slice(2));
