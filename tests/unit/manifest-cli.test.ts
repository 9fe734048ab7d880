import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/node/cli/command.ts';
import { tourFileExists } from '../../src/node/fs.ts';
import { main } from '../../src/node/cli/main.ts';

const BIN = resolve('bin/tour.mjs');
const BAD = 'tests/fixtures/bad-manifests';
const GOOD = 'tests/fixtures/good-tour';
const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real executable, as `npm run tour -- …` does. */
function spawnTour(args: string[], cwd = process.cwd()): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, env: { ...process.env, LANG: 'C', TOUR_DEBUG: '' }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** Runs `main` in-process with captured output. */
async function runTour(args: string[], env: Record<string, string> = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const context: CommandContext = {
    cwd: process.cwd(),
    env: { LANG: 'en_US.UTF-8', ...env },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  const code = await main(args, context);
  return { code, stdout, stderr };
}

describe('bin/tour.mjs validate', () => {
  it('exits 0 for a valid tour', async () => {
    const run = await spawnTour(['validate', GOOD]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✓ good-tour: 0 errors, 0 warnings\n');
  });

  it('exits 1 and prints one line per problem for an invalid tour', async () => {
    const run = await spawnTour(['validate', `${BAD}/unknown-target`]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(
      `${BAD}/unknown-target/tour.json:25:11  error  $.scenes[0].hotspots[0].target  Scene "hall2" does not exist. Fix: did you mean "hall"? The scenes are: gate, hall — or add a scene with that id.`,
    );
    expect(lines[1]).toMatch(/:35:7 {2}warning {2}\$\.scenes\[1\]\.id {2}Scene "hall"/);
    expect(lines.at(-1)).toBe('✗ unknown-target: 2 errors, 1 warning');
    expect(`${run.stdout}${run.stderr}`).not.toMatch(STACK_LINE);
  });

  it('prints a JSON report with --json', async () => {
    const run = await spawnTour(['validate', GOOD, `${BAD}/json-missing-comma`, '--json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toEqual({
      tours: [
        { dir: GOOD, file: `${GOOD}/tour.json`, valid: true, problems: [] },
        {
          dir: `${BAD}/json-missing-comma`,
          file: `${BAD}/json-missing-comma/tour.json`,
          valid: false,
          problems: [
            {
              severity: 'error',
              code: 'invalid-json',
              file: `${BAD}/json-missing-comma/tour.json`,
              path: [],
              jsonPath: '$',
              line: 4,
              column: 3,
              message: {
                vi: expect.stringContaining('Thiếu dấu phẩy'),
                en: expect.stringContaining('comma'),
              },
            },
          ],
        },
      ],
    });
  });

  it('exits 2 with the usage for an unknown subcommand', async () => {
    const run = await spawnTour(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command "frobnicate"');
    expect(run.stderr).toContain('validate');
  });

  it('validates every tour of tours/ when no folder is named', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'tour-cli-'));
    try {
      cpSync(GOOD, join(cwd, 'tours/good-tour'), { recursive: true });
      mkdirSync(join(cwd, 'tours/no-manifest-yet'));
      const run = await spawnTour(['validate'], cwd);
      expect(run).toMatchObject({ code: 0, stdout: '✓ good-tour: 0 errors, 0 warnings\n' });
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});

describe('tour (in-process)', () => {
  it('accepts warnings: exit 0', async () => {
    const run = await runTour(['validate', `${BAD}/unreachable-scene`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ unreachable-scene: 0 errors, 1 warning');
  });

  it('speaks Vietnamese with --lang vi or LANG=vi_VN', async () => {
    const flag = await runTour(['validate', `${BAD}/wrong-version`, '--lang', 'vi']);
    expect(flag.stdout).toContain('  lỗi  $.version  Tệp ghi "version": 2');
    expect(flag.stdout).toContain('✗ wrong-version: 1 lỗi, 0 cảnh báo');
    // A fixture with a warning (self-link was one until issue 19 made it an error).
    const env = await runTour(['validate', `${BAD}/unreachable-scene`], { LANG: 'vi_VN.UTF-8' });
    expect(env.stdout).toContain('cảnh báo');
    const english = await runTour(['validate', `${BAD}/unreachable-scene`, '--lang', 'en'], {
      LANG: 'vi_VN.UTF-8',
    });
    expect(english.stdout).toContain('warning');
  });

  it('reports a folder without tour.json as a problem, not a crash', async () => {
    const run = await runTour(['validate', 'tests/fixtures/no-such-tour', GOOD]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'tests/fixtures/no-such-tour/tour.json  error  $  There is no tour.json in "tests/fixtures/no-such-tour"',
    );
    expect(run.stdout).toContain('✓ good-tour');
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
  });

  it('accepts a path to tour.json itself', async () => {
    const run = await runTour(['validate', `${GOOD}/tour.json`]);
    expect(run).toMatchObject({ code: 0, stdout: '✓ good-tour: 0 errors, 0 warnings\n' });
  });

  it('exits 2 on usage errors', async () => {
    for (const args of [['validate', '--bogus'], ['validate', '--lang', 'fr'], []]) {
      const run = await runTour(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/Usage: tour/);
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
  });

  it('prints help with exit 0', async () => {
    expect(await runTour(['--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('validate'),
    });
    const help = await runTour(['validate', '--help']);
    expect(help).toMatchObject({ code: 0, stdout: expect.stringContaining('--json') });
  });
});

describe('tourFileExists', () => {
  let root: string;
  let tour: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'tour-files-'));
    tour = join(root, 'tour');
    mkdirSync(join(tour, 'panoramas'), { recursive: true });
    writeFileSync(join(tour, 'panoramas/hall.jpg'), 'jpeg');
    writeFileSync(join(root, 'secret.jpg'), 'outside');
    symlinkSync(join(root, 'secret.jpg'), join(tour, 'panoramas/escape.jpg'));
    symlinkSync(join(tour, 'panoramas/hall.jpg'), join(tour, 'panoramas/alias.jpg'));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds regular files inside the folder', async () => {
    const exists = tourFileExists(tour);
    expect(await exists('panoramas/hall.jpg')).toBe(true);
    expect(await exists('panoramas/alias.jpg')).toBe(true);
  });

  it('refuses missing files, folders, wrong case and anything outside', async () => {
    const exists = tourFileExists(tour);
    expect(await exists('panoramas/none.jpg')).toBe(false);
    expect(await exists('panoramas')).toBe(false);
    expect(await exists('panoramas/Hall.jpg')).toBe(false);
    expect(await exists('panoramas/escape.jpg')).toBe(false);
    expect(await exists('../secret.jpg')).toBe(false);
  });
});
