/**
 * The external programs of `tour narrate`: espeak-ng (speech) and lame (MP3). Every call passes
 * text as an argument of its own (execFile, no shell), so quotes, `$` or a leading `-` in the
 * narration are spoken, never interpreted.
 */
import { execFile } from 'node:child_process';

export const ESPEAK = 'espeak-ng';
export const LAME = 'lame';
/** Debian/Ubuntu packages that provide the programs above. */
export const APT_PACKAGES = 'espeak-ng lame';

export type Env = Readonly<Record<string, string | undefined>>;

export type RunResult =
  { ok: true; stdout: string } | { ok: false; missing: boolean; error: string };

/** Runs a program with the caller's environment (tests set PATH to hide the tools). */
export function run(program: string, args: readonly string[], env: Env): Promise<RunResult> {
  return new Promise((done) => {
    execFile(
      program,
      [...args],
      {
        env: env as NodeJS.ProcessEnv,
        maxBuffer: 16 * 1024 * 1024,
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        if (!error) return done({ ok: true, stdout });
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        const detail = String(stderr).trim() || error.message;
        done({
          ok: false,
          missing,
          error: `${program}: ${detail.split('\n')[0]}`,
        });
      },
    );
  });
}

/** Programs among espeak-ng and lame that cannot be started. */
export async function missingTools(env: Env): Promise<string[]> {
  const checks = await Promise.all(
    [ESPEAK, LAME].map(async (program) => {
      const result = await run(program, ['--version'], env);
      return !result.ok && result.missing ? program : undefined;
    }),
  );
  return checks.filter((program): program is string => program !== undefined);
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
