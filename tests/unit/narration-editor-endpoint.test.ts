/**
 * The editor's narration endpoint when the programs are missing or fail: the author reads, in
 * Vietnamese, which program is missing and the command that installs it on each system, never
 * the raw "spawn espeak-ng ENOENT" or a temporary file name. Programs are hidden by giving the
 * endpoint a PATH without them, and replaced by small scripts that misbehave on purpose.
 */
import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import { ErrorResponse } from '../../src/core/editor-protocol.ts';
import { problem } from '../../src/core/manifest/problems.ts';
import { explain, narrate } from '../../src/node/editor-server/narrate-endpoint.ts';
import { type Env, run } from '../../src/node/narrate/tools.ts';
import { onPath } from '../support/tools.ts';

const TOUR = 'hall';
let dir: string;
let server: Server;
let base: string;
/** The environment of the next request. */
let env: Env = {};
/** The server's console: where the programs' own words go. */
let consoleError: MockInstance<typeof console.error>;

/** A fake program: answers --version and --voices (Vietnamese only), fails when speaking. */
const FAKE_ESPEAK = `#!/bin/sh
case "$1" in
  --version) echo "eSpeak NG text-to-speech: 1.51" ;;
  --voices) printf 'Pty Language Age/Gender VoiceName File Other Languages\\n 5  vi  --/M  Vietnamese  aav/vi\\n' ;;
  *) echo "espeak-ng: cannot open /tmp/editor-narrate-SECRET/0.wav: spawn ENOENT" >&2; exit 3 ;;
esac
`;

async function fakeBin(name: string, programs: Record<string, string>): Promise<string> {
  const bin = path.join(dir, name);
  await mkdir(bin, { recursive: true });
  for (const [program, script] of Object.entries(programs)) {
    const file = path.join(bin, program);
    if (script.startsWith('/')) await symlink(script, file);
    else {
      await writeFile(file, script);
      await chmod(file, 0o755);
    }
  }
  return bin;
}

beforeAll(async () => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  dir = await mkdtemp(path.join(tmpdir(), 'narrate-endpoint-'));
  await mkdir(path.join(dir, 'tours', TOUR), { recursive: true });
  server = createServer((req, res) => void narrate(path.join(dir, 'tours'), TOUR, req, res, env));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('no address');
  base = `http://127.0.0.1:${address.port}/`;
});

afterAll(async () => {
  consoleError.mockRestore();
  await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

async function ask(lang = 'vi', text = 'Xin chào các bạn.') {
  const response = await fetch(base, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ scene: 'gate', lang, text }),
  });
  const body = ErrorResponse.parse(await response.json());
  return { status: response.status, error: body.error, vi: body.message?.vi, en: body.message?.en };
}

const SHELL = ['/bin/sh', '/usr/bin/sh'].find((file) =>
  onPath(path.basename(file), path.dirname(file)),
);

describe('narration endpoint: missing or failing programs', () => {
  it('names espeak-ng and lame with the install command of each system, in Vietnamese', async () => {
    env = { PATH: path.join(dir, 'nothing-here') };
    const answer = await ask();
    expect(answer.status).toBe(500);
    expect(answer.vi).toContain('máy này chưa cài chương trình espeak-ng, lame');
    expect(answer.vi).toContain('sudo apt-get install espeak-ng lame');
    expect(answer.vi).toContain('brew install espeak-ng lame');
    expect(answer.vi).toMatch(/Windows: chạy bộ cài espeak-ng .*lame\.exe/);
    expect(answer.en).toContain('espeak-ng, lame are not installed');
    for (const text of [answer.vi, answer.en, answer.error]) {
      expect(text).not.toMatch(/ENOENT|spawn/);
    }
  });

  it.skipIf(!onPath('espeak-ng'))('names only the program that is missing (lame)', async () => {
    const bin = await fakeBin('espeak-only', { 'espeak-ng': '/usr/bin/espeak-ng' });
    env = { PATH: bin };
    const answer = await ask();
    expect(answer.vi).toContain('chưa cài chương trình lame.');
    expect(answer.vi).toContain('brew install lame');
    expect(answer.vi).not.toContain('bộ cài espeak-ng');
  });

  it.skipIf(!SHELL)('translates a failing program without its own words', async () => {
    const bin = await fakeBin('failing', { 'espeak-ng': FAKE_ESPEAK, lame: FAKE_ESPEAK });
    env = { PATH: `${bin}:${path.dirname(SHELL ?? '/bin/sh')}` };
    const answer = await ask();
    expect(answer).toMatchObject({ status: 500, error: 'narration-failed' });
    expect(answer.vi).toBe(
      'chương trình espeak-ng báo lỗi. Hãy thử lại; nếu vẫn lỗi, hãy cài lại espeak-ng.',
    );
    expect(answer.vi).not.toMatch(/SECRET|ENOENT|tmp/);
    // The person running the server still sees what the program said.
    expect(String(consoleError.mock.calls.at(-1)?.[0])).toContain('editor-narrate-SECRET');
  });

  it.skipIf(!SHELL)('says which language has no voice', async () => {
    const bin = await fakeBin('vi-only', { 'espeak-ng': FAKE_ESPEAK, lame: FAKE_ESPEAK });
    env = { PATH: `${bin}:${path.dirname(SHELL ?? '/bin/sh')}` };
    const answer = await ask('ko', '안녕하세요.');
    expect(answer.status).toBe(422);
    expect(answer.vi).toContain('không có giọng cho ngôn ngữ "ko"');
  });

  it('turns a disk trouble into words for the author', () => {
    const told = explain([problem('write-failed', { detail: 'ENOSPC /home/x/tours' }, '/x')]);
    expect(told.problem.message.vi).toMatch(/^không lưu được giọng đọc vào thư mục tour/);
    expect(told.problem.message.vi).not.toContain('ENOSPC');
  });

  it.skipIf(!SHELL)(
    'finds espeak-ng in its Windows install folder when PATH lacks it',
    async () => {
      // On Windows the candidate is "<ProgramFiles>\eSpeak NG\espeak-ng.exe"; here the same name
      // is one (odd) file name in the temporary folder, which is enough to exercise the lookup.
      const root = path.join(dir, 'pf');
      await writeFile(`${root}\\eSpeak NG\\espeak-ng.exe`, FAKE_ESPEAK);
      await chmod(`${root}\\eSpeak NG\\espeak-ng.exe`, 0o755);
      const found = await run(
        'espeak-ng',
        ['--version'],
        { PATH: '/nowhere', ProgramFiles: root },
        'win32',
      );
      expect(found.ok && found.value).toContain('eSpeak NG');
      const elsewhere = await run('espeak-ng', ['--version'], { PATH: '/nowhere' }, 'linux');
      expect(elsewhere.problems[0]?.code).toBe('tool-missing');
    },
  );
});
