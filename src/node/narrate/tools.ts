/**
 * The external programs of `tour narrate`: espeak-ng (speech) and lame (MP3). Every call passes
 * text as an argument of its own (execFile, no shell), so quotes, `$` or a leading `-` in the
 * narration are spoken, never interpreted.
 */
import { execFile } from 'node:child_process';
import { type Problem, problem } from '../../core/manifest/problems.ts';
import { failure, type Result, success } from '../../core/result.ts';

export const ESPEAK = 'espeak-ng';
export const LAME = 'lame';
/** Debian/Ubuntu packages that provide the programs above. */
export const APT_PACKAGES = 'espeak-ng lame';

export type Env = Readonly<Record<string, string | undefined>>;

/** What the program printed, or `tool-missing` (it cannot be started) / `tool-failed`. */
export type RunResult = Result<string>;

/**
 * Where else a program may be on Windows: espeak-ng's installer does not add its folder to
 * PATH, and the install help (problem-codes.ts) tells to copy lame.exe beside espeak-ng.exe.
 */
export function windowsCandidates(program: string, env: Env): string[] {
  const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], 'C:\\Program Files'];
  return [...new Set(roots.filter((root): root is string => !!root))].map(
    (root) => `${root}\\eSpeak NG\\${program}.exe`,
  );
}

/** Runs a program with the caller's environment (tests set PATH to hide the tools). */
export async function run(
  program: string,
  args: readonly string[],
  env: Env,
  platform: NodeJS.Platform = process.platform,
): Promise<RunResult> {
  const first = await runOnce(program, program, args, env);
  if (platform !== 'win32' || first.ok || first.problems[0]?.code !== 'tool-missing') return first;
  for (const candidate of windowsCandidates(program, env)) {
    const found = await runOnce(program, candidate, args, env);
    if (found.ok || found.problems[0]?.code !== 'tool-missing') return found;
  }
  return first;
}

function runOnce(
  program: string,
  file: string,
  args: readonly string[],
  env: Env,
): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      file,
      [...args],
      {
        env: env as NodeJS.ProcessEnv,
        maxBuffer: 16 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        if (!error) return done(success(stdout));
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          return done(
            failure(problem('tool-missing', { program, packages: APT_PACKAGES }, program)),
          );
        }
        const detail = (String(stderr).trim() || error.message).split('\n')[0] ?? '';
        done(failure(problem('tool-failed', { program, detail }, program)));
      },
    );
  });
}

/** A `tool-missing` problem for each of espeak-ng and lame that cannot be started. */
export async function missingTools(env: Env): Promise<Problem[]> {
  const checks = await Promise.all(
    [ESPEAK, LAME].map((program) => run(program, ['--version'], env)),
  );
  return checks.flatMap((result) =>
    result.problems.filter((found) => found.code === 'tool-missing'),
  );
}

/**
 * Speaks one sentence into a WAV file. `-b 1`: the text is UTF-8 whatever the locale (with
 * LANG=C espeak-ng would otherwise misread Vietnamese diacritics); `--` ends the options.
 */
export function speak(
  sentence: string,
  voice: string,
  speed: number,
  wavFile: string,
  env: Env,
): Promise<RunResult> {
  return run(
    ESPEAK,
    ['-b', '1', '-v', voice, '-s', String(speed), '-w', wavFile, '--', sentence],
    env,
  );
}

/**
 * Small web audio: MP3 plays on every phone, old iPhones included. Mono, 22.05 kHz, constant
 * 24 kbit/s (a constant rate lets even old browsers seek exactly): about 3 KB per second.
 */
export function encodeMp3(wavFile: string, mp3File: string, env: Env): Promise<RunResult> {
  return run(
    LAME,
    ['--quiet', '-m', 'm', '-b', '24', '--resample', '22.05', wavFile, mp3File],
    env,
  );
}
