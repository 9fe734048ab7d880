/**
 * `tour import` of a zip unpacks it into a temporary folder: the folder goes away whatever
 * happens — a zip that holds no tour, a tour that cannot be written, a good import.
 */
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/node/cli/command.ts';
import { main } from '../../src/node/cli/main.ts';
import { TEMP_PREFIX } from '../../src/node/import/open-source.ts';
import { marzipanoZip } from '../support/import-fixtures.ts';

let dir: string;
let zip: string;
const savedTmp = process.env.TMPDIR;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-temp-test-'));
  // os.tmpdir() follows TMPDIR: a folder of our own, so that other runs cannot change the count.
  process.env.TMPDIR = join(dir, 'tmp');
  await mkdir(process.env.TMPDIR);
  zip = await marzipanoZip(join(dir, 'src'));
});

afterAll(async () => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  await rm(dir, { recursive: true, force: true });
});

const importFolders = async () =>
  (await readdir(tmpdir())).filter((name) => name.startsWith(TEMP_PREFIX));

async function tourImport(args: string[]): Promise<number> {
  const context: CommandContext = {
    cwd: dir,
    env: { LANG: 'C' },
    stdout: () => undefined,
    stderr: () => undefined,
  };
  return main(['import', ...args], context);
}

describe('the temporary folder of a zip import', () => {
  it('is in os.tmpdir() (checked here: the count below means something)', () => {
    expect(tmpdir()).toBe(join(dir, 'tmp'));
  });

  it('is removed when the zip holds no tour', async () => {
    const empty = join(dir, 'no-tour.zip');
    await writeFile(empty, zipSync({ 'readme.txt': new Uint8Array([104, 105]) }));
    expect(await importFolders()).toEqual([]);
    expect(await tourImport([empty, '--out', 'tours/nothing'])).toBe(1);
    expect(await importFolders()).toEqual([]);
  });

  it('is removed when the tour cannot be written', async () => {
    // A file where the tour folder should go: writing the tour fails after unpacking.
    await mkdir(join(dir, 'tours'), { recursive: true });
    await writeFile(join(dir, 'tours', 'blocked'), 'not a folder');
    expect(await tourImport([zip, '--out', 'tours/blocked'])).not.toBe(0);
    expect(await importFolders()).toEqual([]);
  });

  it('is removed after a good import', async () => {
    expect(await tourImport([zip, '--out', 'tours/dinh'])).toBe(0);
    expect(await importFolders()).toEqual([]);
  });
});
