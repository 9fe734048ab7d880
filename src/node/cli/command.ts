/**
 * What every `tour` subcommand implements. Commands get their input and output through a
 * context rather than `process`, so that tests can run them in-process.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { LocalizedMessage } from '../../core/manifest/problems.ts';

export type UiLanguage = 'vi' | 'en';

export interface CommandContext {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Writes text as is (add the newline yourself). */
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface Command {
  name: string;
  /** One line for `tour --help`. */
  summary: LocalizedMessage;
  /** Returns the exit code (see EXIT). Bad input is reported, never thrown. */
  run(args: readonly string[], context: CommandContext): Promise<number>;
}

export const EXIT = {
  ok: 0,
  /** The input has errors (e.g. an invalid tour). */
  problems: 1,
  /** The command was called wrongly. */
  usage: 2,
} as const;

export const isUiLanguage = (value: unknown): value is UiLanguage =>
  value === 'vi' || value === 'en';

/** `--lang` wins; else Vietnamese when the system is set to it (LANG=vi_VN.UTF-8); else English. */
export function uiLanguage(flag: string | undefined, env: CommandContext['env']): UiLanguage {
  if (isUiLanguage(flag)) return flag;
  return (env.LANG ?? '').toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

export function processContext(): CommandContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

/**
 * Parses a command's arguments (positionals allowed, unknown options refused). On a mistake,
 * prints it with the usage and returns undefined: the command then exits with EXIT.usage.
 */
export function parseCommandLine<O extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: readonly string[],
  options: O,
  usage: string,
  context: CommandContext,
) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    context.stderr(`tour ${command}: ${(error as Error).message}\n\n${usage}`);
    return undefined;
  }
}
