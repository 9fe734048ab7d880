/**
 * The Linux launcher, run as a volunteer's double-click would: through the `.desktop` entry's
 * Exec line, with a fake browser opener on PATH. It refuses an old Node.js with a message in
 * Vietnamese and English; with a good one it starts the editor and opens it, and the editor
 * answers. The editor's whole process group is stopped afterwards.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from './publish-servers.ts';

const REPO = process.cwd();
const LAUNCHERS = path.join(REPO, 'launchers');
let work: string;
let editor: ChildProcess | undefined;
let execLine = '';

/** The command a desktop runs for the entry: its Exec line, `%k` being the entry's path. */
async function desktopCommand(): Promise<string> {
  const entry = await readFile(path.join(LAUNCHERS, 'start-editor.desktop'), 'utf8');
  const exec = /^Exec=(.*)$/m.exec(entry)![1]!;
  return exec.replace('%k', JSON.stringify(path.join(LAUNCHERS, 'start-editor.desktop')));
}

async function fakeProgram(dir: string, name: string, script: string): Promise<void> {
  await writeFile(path.join(dir, name), `#!/bin/sh\n${script}\n`);
  await chmod(path.join(dir, name), 0o755);
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'publish-launcher-'));
  execLine = await desktopCommand();
});

afterAll(async () => {
  if (editor?.pid && editor.exitCode === null) process.kill(-editor.pid, 'SIGTERM');
  await rm(work, { recursive: true, force: true });
});

describe('the Linux launcher', () => {
  it('refuses Node.js older than 20 and says where to get it, in Vietnamese and English', async () => {
    const bin = path.join(work, 'old-node');
    await mkdir(bin);
    await fakeProgram(bin, 'node', 'case "$1" in --version) echo v18.19.0;; *) echo 18;; esac');
    const result = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(
        'sh',
        ['-c', `${execLine} </dev/null`],
        { env: { PATH: `${bin}:/usr/bin:/bin`, HOME: work } },
        (error, stdout) => resolve({ code: error ? Number(error.code) : 0, out: stdout }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.out).toContain('Cần Node.js phiên bản 20 trở lên (máy đang có v18.19.0)');
    expect(result.out).toContain('https://nodejs.org/vi/download');
    expect(result.out).toContain('Node.js 20 or newer is needed');
  });

  it('starts the editor, opens it in the browser, and the editor answers', async () => {
    const bin = path.join(work, 'opener');
    await mkdir(bin);
    const opened = path.join(work, 'opened.txt');
    await fakeProgram(bin, 'xdg-open', `echo "$1" > ${JSON.stringify(opened)}`);
    const port = await freePort();
    editor = spawn('sh', ['-c', `${execLine} </dev/null`], {
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, TOUR_EDITOR_PORT: String(port) },
      detached: true,
      stdio: 'ignore',
    });
    let url = '';
    for (let i = 0; i < 240 && !url; i++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      url = (await readFile(opened, 'utf8').catch(() => '')).trim();
    }
    expect(url).toBe(`http://127.0.0.1:${port}/editor/`);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<html/i);

    const exited = new Promise((resolve) => editor!.once('exit', resolve));
    process.kill(-editor.pid!, 'SIGTERM');
    await exited;
    await expect(fetch(url, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();
  }, 60_000);
});
