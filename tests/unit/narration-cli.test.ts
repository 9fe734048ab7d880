import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/node/cli/command.ts';
import { main } from '../../src/node/cli/main.ts';
import { parseWebVtt } from '../../src/core/narration/webvtt.ts';
import { requireTools } from '../support/tools.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function runTour(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const context: CommandContext = {
    cwd,
    env: { PATH: process.env.PATH ?? '', LANG: 'en_US.UTF-8', ...env },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  };
  return { code: await main(args, context), stdout, stderr };
}

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

function tourJson(languages: string[], narration: Record<string, { text: string }>): string {
  const tour = {
    version: 1,
    id: 'tiny',
    title: { vi: 'Đình làng', en: 'Village hall' },
    languages,
    defaultLanguage: languages[0],
    scenes: [
      {
        id: 'hall',
        title: { vi: 'Sân đình', en: 'Courtyard' },
        panorama: { source: 'panoramas/hall.jpg' },
        narration,
        hotspots: [],
      },
    ],
  };
  return `${JSON.stringify(tour, null, 2)}\n`;
}

/**
 * Duration of a constant-rate MPEG-2 layer III file (what the command writes: 22.05 kHz), by
 * walking its frames; the first frame is lame's Info header and holds no sound.
 */
function mp3Duration(bytes: Uint8Array): number {
  const bitrates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
  const rates = [22050, 24000, 16000];
  let frames = 0;
  let rate = 22050;
  for (let at = 0; at + 4 <= bytes.length;) {
    const header = ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8)) >>> 0;
    if (header >>> 21 !== 0x7ff) throw new Error(`no MP3 frame at byte ${at}`);
    const kbps = bitrates[(header >>> 12) & 15] ?? 0;
    rate = rates[(header >>> 10) & 3] ?? 22050;
    const padding = (header >>> 9) & 1;
    at += Math.floor((72 * kbps * 1000) / rate) + padding;
    frames++;
  }
  return ((frames - 1) * 576) / rate;
}

// In CI a missing program fails this file (naming the Debian package); here it skips, loudly.
const { missing, reason } = requireTools(['espeak-ng', 'lame'], 'the `tour narrate` tests');

describe('tour narrate', () => {
  let root: string;
  let tourDir: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'narrate-test-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const makeTour = (
    name: string,
    languages: string[],
    narration: Record<string, { text: string }>,
  ) => {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'tour.json'), tourJson(languages, narration));
    return dir;
  };

  it.skipIf(missing.length > 0)(
    `synthesises a Vietnamese scene: MP3, WebVTT with one cue per sentence, manifest updated${reason}`,
    async () => {
      tourDir = makeTour('tiny', ['vi'], {
        vi: { text: 'Đây là sân đình làng. Mời bạn vào thăm!' },
      });
      const run = await runTour(['narrate', 'tiny'], root);
      expect(run.stderr).toMatch(/^\[1\/1\] vi hall … \d+\.\d s, \d+ KB$/m);
      expect(run.code).toBe(0);

      const manifest = JSON.parse(readFileSync(join(tourDir, 'tour.json'), 'utf8'));
      expect(manifest.scenes[0].narration.vi).toEqual({
        text: 'Đây là sân đình làng. Mời bạn vào thăm!',
        audio: 'audio/vi/hall.mp3',
        captions: 'audio/vi/hall.vtt',
      });
      const mp3 = new Uint8Array(readFileSync(join(tourDir, 'audio/vi/hall.mp3')));
      const vtt = parseWebVtt(readFileSync(join(tourDir, 'audio/vi/hall.vtt'), 'utf8'));
      expect(vtt.ok).toBe(true);
      if (!vtt.ok) return;
      expect(vtt.value.map((cue) => cue.text)).toEqual([
        'Đây là sân đình làng.',
        'Mời bạn vào thăm!',
      ]);
      const [first, last] = vtt.value;
      expect(first?.start).toBe(0);
      expect(last!.start - first!.end).toBeCloseTo(0.35, 2);
      const duration = mp3Duration(mp3);
      expect(duration).toBeGreaterThan(1.5);
      expect(Math.abs(last!.end - duration)).toBeLessThan(0.2);
    },
  );

  it.skipIf(missing.length > 0)(`keeps existing audio unless --force${reason}`, async () => {
    const file = join(tourDir, 'audio/vi/hall.mp3');
    const before = statSync(file).mtimeMs;
    const again = await runTour(['narrate', 'tiny'], root);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('vi hall: already has audio (audio/vi/hall.mp3), kept');
    expect(statSync(file).mtimeMs).toBe(before);
    const forced = await runTour(['narrate', 'tiny', '--force', '--lang', 'vi'], root);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('[1/1] vi hall …');
  });

  it.skipIf(missing.length > 0)(
    `reports a language espeak-ng cannot speak, and still makes the others${reason}`,
    async () => {
      const dir = makeTour('two-langs', ['vi', 'xx'], {
        vi: { text: 'Xin chào.' },
        xx: { text: 'Blah.' },
      });
      const run = await runTour(['narrate', 'two-langs'], root);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('espeak-ng has no voice for the language "xx"');
      expect(run.stderr).toContain('Installed voices (espeak-ng --voices): ');
      const manifest = JSON.parse(readFileSync(join(dir, 'tour.json'), 'utf8'));
      expect(manifest.scenes[0].narration.vi.audio).toBe('audio/vi/hall.mp3');
      expect(manifest.scenes[0].narration.xx.audio).toBeUndefined();
    },
  );

  it('names the missing programs and the Debian packages, without a stack trace', async () => {
    makeTour('no-tools', ['vi'], { vi: { text: 'Xin chào.' } });
    const run = await runTour(['narrate', 'no-tools'], root, { PATH: join(root, 'empty') });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('the program "espeak-ng" was not found');
    expect(run.stderr).toContain('the program "lame" was not found');
    expect(run.stderr).toContain('apt-get install espeak-ng lame');
    expect(run.stderr).not.toMatch(STACK_LINE);
    const vi = await runTour(['narrate', 'no-tools'], root, {
      PATH: join(root, 'empty'),
      LANG: 'vi_VN.UTF-8',
    });
    expect(vi.stderr).toContain('không tìm thấy chương trình "espeak-ng"');
  });

  it('exits 2 on usage errors', async () => {
    makeTour('usage', ['vi', 'en'], { vi: { text: 'Xin chào.' } });
    const cases = [
      [[], 'name exactly one tour folder'],
      [['usage', 'other'], 'name exactly one tour folder'],
      [['usage', '--lang', 'fr'], '"fr" is not a language of this tour (vi, en)'],
      [['usage', '--lang', 'v!'], '"v!" is not a language code'],
      [['usage', '--speed', 'fast'], '--speed must be a whole number'],
      [['usage', '--bogus'], "Unknown option '--bogus'"],
      [['nowhere'], 'there is no tour.json in "nowhere"'],
    ] as const;
    for (const [args, message] of cases) {
      const run = await runTour(['narrate', ...args], root);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('Usage: tour narrate <tour-dir>');
    }
    const help = await runTour(['narrate', '--help'], root);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('--force');
  });

  it('has nothing to do when no scene has narration text', async () => {
    makeTour('silent', ['vi'], { vi: { text: '  ' } });
    const run = await runTour(['narrate', 'silent/tour.json'], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Nothing to synthesise');
  });
});
