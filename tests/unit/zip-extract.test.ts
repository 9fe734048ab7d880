/**
 * Unpacking a zip (src/node/zip): a good zip comes out exactly; a zip with one bad entry —
 * a name leading out, a link, a duplicate, too many entries, a refused file — is refused whole
 * with nothing written, and a failure half-way leaves no folder behind.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMedia } from '../../src/core/media/index.ts';
import {
  DEFAULT_ZIP_LIMITS,
  extractZip,
  foldName,
  nameTrouble,
  openZip,
  ZipRefusal,
} from '../../src/node/zip/index.ts';
import { byteGuard } from '../../src/node/zip/guard.ts';
import { withDefaults } from '../../src/core/media/zip-rules.ts';
import { rawZip, type RawEntry } from './zip-fixtures.ts';

let dir: string;
let count = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zip-extract-test-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function zipFile(bytes: Uint8Array): Promise<string> {
  const file = join(dir, `z${++count}.zip`);
  await writeFile(file, bytes);
  return file;
}

/** Every file under `root`, as "a/b.jpg" (folders end with "/"), sorted. */
async function tree(root: string): Promise<string[]> {
  const items = await readdir(root, { recursive: true, withFileTypes: true });
  return items
    .map((d) => {
      const rel = join(d.parentPath, d.name).slice(root.length + 1);
      return d.isDirectory() ? `${rel}/` : rel;
    })
    .sort();
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
const tourJson = Buffer.from(JSON.stringify({ version: 1, id: 'den-mau' }));

const refusedBy = async (entries: RawEntry[], limits = {}) => {
  const dest = join(dir, `out${++count}`);
  const result = await extractZip(await zipFile(rawZip(entries)), dest, limits, { name: 't.zip' });
  expect(result.ok).toBe(false);
  // Refused in the check of the central directory: not even the folder was made.
  await expect(readdir(dest)).rejects.toMatchObject({ code: 'ENOENT' });
  for (const p of result.problems) {
    expect(p.severity).toBe('error');
    expect(p.file).toBe('t.zip');
  }
  return result.problems;
};

describe('extractZip of a good zip', () => {
  it('writes every file exactly, folders and Vietnamese names included', async () => {
    const files: Record<string, Uint8Array> = {
      'tour.json': tourJson,
      'panoramas/sân-đình.jpg': Buffer.concat([JPEG, Buffer.alloc(100_000, 7)]),
      'audio/vi/1.vtt': Buffer.from('WEBVTT\n\n00:00.000 --> 00:01.000\nXin chào\n'),
      'audio/vi/empty-folder/': new Uint8Array(),
      'credits.md': Buffer.from('# Ghi công\n'),
    };
    const zip = await zipFile(zipSync(files));
    const dest = join(dir, 'good', 'tour');
    const result = await extractZip(zip, dest);
    expect(result.problems).toEqual([]);
    expect(result.ok && result.value.files).toEqual([
      'tour.json',
      'panoramas/sân-đình.jpg',
      'audio/vi/1.vtt',
      'credits.md',
    ]);
    expect(result.ok && result.value.bytes).toBe(
      Object.values(files).reduce((n, b) => n + b.length, 0),
    );
    expect(await tree(dest)).toEqual([
      'audio/',
      'audio/vi/',
      'audio/vi/1.vtt',
      'audio/vi/empty-folder/',
      'credits.md',
      'panoramas/',
      'panoramas/sân-đình.jpg',
      'tour.json',
    ]);
    for (const [name, bytes] of Object.entries(files)) {
      if (!name.endsWith('/')) expect(await readFile(join(dest, name))).toEqual(Buffer.from(bytes));
    }
  });

  it('lets a tour check every file by content (checkMedia) and passes real media', async () => {
    const zip = await zipFile(
      zipSync({ 'tour.json': tourJson, 'p/a.jpg': JPEG, 'c.txt': Buffer.from('Ảnh: A') }),
    );
    const result = await extractZip(
      zip,
      join(dir, 'checked'),
      {},
      {
        inspect: (name, head, complete) =>
          name === 'tour.json' ? [] : checkMedia(name, head, { partial: !complete }).problems,
      },
    );
    expect(result.ok).toBe(true);
  });

  it('opens a zip to read one entry, without unpacking it', async () => {
    const opened = await openZip(await zipFile(zipSync({ 'tour.json': tourJson, 'a.jpg': JPEG })));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const zip = opened.value;
    try {
      expect(zip.entries.map((e) => [e.name, e.size])).toEqual([
        ['tour.json', tourJson.length],
        ['a.jpg', JPEG.length],
      ]);
      const read = await zip.readEntry(zip.entries[0]!);
      expect(read.ok && Buffer.from(read.value).toString()).toBe(tourJson.toString());
      const capped = await zip.readEntry(zip.entries[0]!, 10);
      expect(capped.ok).toBe(false);
      expect(capped.problems[0]!.code).toBe('zip-entry-too-big');
    } finally {
      zip.close();
    }
  });
});

describe('a zip refused before anything is written', () => {
  it('refuses "../evil" and writes nothing, inside or outside the folder', async () => {
    const outside = join(dir, 'escape');
    await mkdir(outside);
    const dest = join(outside, 'inside', 'tour');
    const zip = await zipFile(
      rawZip([
        { name: 'tour.json', data: tourJson },
        { name: '../evil', data: Buffer.from('x') },
        { name: 'after.jpg', data: JPEG },
      ]),
    );
    const result = await extractZip(zip, dest, {}, { name: 'evil.zip' });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([['zip-bad-name', 'evil.zip']]);
    expect(result.problems[0]!.message.en).toBe(
      'Zip refused: the name "../evil" is not allowed (it has ".." that leads out of the ' +
        'folder). Nothing was unpacked. Fix: make the zip again with only the files inside ' +
        'the tour folder, named with "/".',
    );
    expect(result.problems[0]!.message.vi).toContain('"../evil"');
    expect(await readdir(outside)).toEqual([]);
  });

  it.each([
    ['a/../../evil', 'dot-dot'],
    ['/etc/cron.d/evil', 'absolute'],
    ['C:/Windows/evil', 'drive'],
    ['C:evil', 'drive'],
    ['a.jpg:stream', 'drive'],
    ['panoramas\\..\\..\\evil', 'backslash'],
    ['a\0.jpg', 'nul'],
    ['a\n.jpg', 'control'],
    ['a//b.jpg', 'empty-segment'],
    ['./a.jpg', 'empty-segment'],
    ['', 'empty-segment'],
    [`${'x'.repeat(256)}.jpg`, 'too-long'],
  ])('refuses the name %j (%s)', async (name, trouble) => {
    const problems = await refusedBy([{ name, data: JPEG }]);
    expect(problems.map((p) => p.code)).toEqual(['zip-bad-name']);
    expect(nameTrouble(name)).toBe(trouble);
  });

  it('shows a hostile name safely in its message', async () => {
    const [nul] = await refusedBy([{ name: 'a\0\n.jpg', data: JPEG }]);
    expect(nul!.message.en).toContain('"a\ufffd\ufffd.jpg"');
    const [long] = await refusedBy([{ name: `${'x'.repeat(300)}.jpg`, data: JPEG }]);
    expect(long!.message.en.length).toBeLessThan(400);
    expect(long!.message.en).toContain('…');
  });

  it('refuses a name that is not UTF-8 although flagged so', async () => {
    const name = Buffer.from([0x61, 0xff, 0x2e, 0x6a, 0x70, 0x67]);
    const problems = await refusedBy([{ name, data: JPEG, flags: 0x800 }]);
    expect(problems[0]!.message.en).toContain('broken character encoding');
  });

  it('reads an old zip with CP437 names (no UTF-8 flag)', async () => {
    const zip = await zipFile(
      rawZip([{ name: Buffer.from([0x63, 0x61, 0x66, 0x82]), data: JPEG }]),
    );
    const result = await extractZip(zip, join(dir, 'cp437'));
    expect(result.ok && result.value.files).toEqual(['café']);
  });

  it('names every bad entry at once', async () => {
    const problems = await refusedBy([
      { name: '../a', data: JPEG },
      { name: 'ok.jpg', data: JPEG },
      { name: '/b', data: JPEG },
    ]);
    expect(problems.map((p) => p.message.en.match(/"([^"]*)"/)?.[1])).toEqual(['../a', '/b']);
  });

  it('refuses a symlink entry', async () => {
    const problems = await refusedBy([
      { name: 'panoramas/', mode: 0o040755 },
      { name: 'panoramas/a.jpg', data: Buffer.from('/etc/passwd'), mode: 0o120777 },
    ]);
    expect(problems.map((p) => p.code)).toEqual(['zip-link']);
    expect(problems[0]!.message.en).toContain('"panoramas/a.jpg" is a link (symlink)');
  });

  it('accepts plain Unix files and folders', async () => {
    const zip = await zipFile(
      rawZip([
        { name: 'p/', mode: 0o040755 },
        { name: 'p/a.jpg', data: JPEG, mode: 0o100644 },
      ]),
    );
    expect((await extractZip(zip, join(dir, 'unix'))).ok).toBe(true);
  });

  it.each([
    ['the same name twice', 'a.jpg', 'a.jpg'],
    ['names that differ only in case', 'Panoramas/A.jpg', 'panoramas/a.JPG'],
    ['NFC and NFD spellings', 'đình-\u00e9.jpg', 'đình-e\u0301.jpg'],
    ['a file where a folder is needed', 'audio', 'audio/vi/1.mp3'],
    ['a folder where a file was', 'audio', 'audio/'],
    ['folders that differ only in case', 'Images/a.jpg', 'images/b.jpg'],
  ])('refuses %s', async (_, first, second) => {
    const problems = await refusedBy([
      { name: first, data: JPEG },
      { name: second, data: JPEG },
    ]);
    expect(problems.map((p) => p.code)).toEqual(['zip-duplicate-name']);
    expect(problems[0]!.message.en).toMatch(/^Zip refused: ".*" has the same name as ".*"/);
    expect(foldName(first.split('/')[0]!)).toBe(foldName(second.split('/')[0]!));
  });

  it('keeps folders named again by their files', async () => {
    const zip = await zipFile(
      rawZip([
        { name: 'audio/', method: 0 },
        { name: 'audio/a.mp3', data: Buffer.from('ID3abc') },
        { name: 'audio/', method: 0 },
      ]),
    );
    expect((await extractZip(zip, join(dir, 'folders'))).ok).toBe(true);
  });

  it('refuses more entries than the limit, before reading them', async () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({ name: `${i}.jpg`, data: JPEG }));
    const problems = await refusedBy(entries, { maxEntries: 10 });
    expect(problems.map((p) => p.code)).toEqual(['zip-too-many-entries']);
    expect(problems[0]!.message.en).toContain('it has 11 entries, more than the limit of 10');
  });

  it('refuses an encrypted entry and an unknown compression', async () => {
    expect((await refusedBy([{ name: 'a.jpg', data: JPEG, flags: 1 }]))[0]!.code).toBe(
      'zip-encrypted',
    );
    const method = await refusedBy([{ name: 'a.jpg', data: JPEG, method: 14 }]);
    expect(method[0]!.message.en).toContain('(method 14)');
  });

  it('refuses a file that is not a zip', async () => {
    const file = join(dir, 'not.zip');
    await writeFile(file, '<html>not a zip</html>');
    const result = await extractZip(file, join(dir, 'not'));
    expect(result.problems.map((p) => p.code)).toEqual(['zip-unreadable']);
    const missing = await extractZip(join(dir, 'missing.zip'), join(dir, 'not'));
    expect(missing.problems.map((p) => p.code)).toEqual(['zip-unreadable']);
  });

  it('refuses to unpack into a folder that exists, and leaves it alone', async () => {
    const dest = join(dir, 'exists');
    await mkdir(dest);
    await writeFile(join(dest, 'keep.txt'), 'keep');
    const result = await extractZip(await zipFile(zipSync({ 'a.jpg': JPEG })), dest);
    expect(result.problems.map((p) => p.code)).toEqual(['zip-destination-exists']);
    expect(await readdir(dest)).toEqual(['keep.txt']);
  });
});

describe('a zip refused half-way', () => {
  it('removes the folder when a file is refused by content after others were written', async () => {
    const zip = await zipFile(
      rawZip([
        { name: 'tour.json', data: tourJson },
        { name: 'panoramas/a.jpg', data: JPEG },
        { name: 'images/evil.jpg', data: Buffer.from('<html><script>alert(1)</script>') },
        { name: 'z.jpg', data: JPEG },
      ]),
    );
    const parent = join(dir, 'half');
    const result = await extractZip(
      zip,
      join(parent, 'tour'),
      {},
      {
        name: 'upload.zip',
        inspect: (name, head, complete) =>
          name === 'tour.json' ? [] : checkMedia(name, head, { partial: !complete }).problems,
      },
    );
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => [p.code, p.file])).toEqual([
      ['media-mismatch', 'images/evil.jpg'],
    ]);
    await expect(stat(parent)).rejects.toMatchObject({ code: 'ENOENT' }); // made here: removed
  });

  it('keeps a parent folder that was there before', async () => {
    const parent = join(dir, 'kept');
    await mkdir(parent);
    const zip = await zipFile(rawZip([{ name: 'a.jpg', data: Buffer.from('<svg/>') }]));
    const result = await extractZip(
      zip,
      join(parent, 'tour'),
      {},
      {
        inspect: (name, head, complete) => checkMedia(name, head, { partial: !complete }).problems,
      },
    );
    expect(result.problems.map((p) => p.code)).toEqual(['media-mismatch']);
    expect(await readdir(parent)).toEqual([]);
  });

  it('removes the folder when an entry is damaged', async () => {
    const good = rawZip([
      { name: 'a.jpg', data: JPEG },
      { name: 'b.jpg', data: Buffer.alloc(50_000, 1) },
    ]);
    // Spoil b.jpg's deflate data (it starts after its 30-byte header and name).
    const at = good.indexOf('b.jpg') + 'b.jpg'.length;
    good.fill(0xff, at, at + 40);
    const parent = join(dir, 'damaged');
    const result = await extractZip(await zipFile(good), join(parent, 'tour'));
    expect(result.problems.map((p) => p.code)).toEqual(['zip-damaged']);
    expect(result.problems[0]!.message.en).toContain('"b.jpg" is damaged');
    await expect(stat(parent)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('the byte guard', () => {
  const run = async (megabytes: number, compressedSize: number, limits = {}) => {
    const chunk = Buffer.alloc(64 * 1024);
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < megabytes * 16; i++) yield chunk;
      })(),
    );
    const guard = byteGuard(
      { name: 'x.jpg', compressedSize },
      withDefaults(limits),
      { bytes: 0 },
      'z.zip',
    );
    let seen = 0;
    try {
      for await (const c of source.pipe(guard)) seen += (c as Buffer).length;
    } catch (error) {
      expect(error).toBeInstanceOf(ZipRefusal);
      return { seen, code: (error as ZipRefusal).problems[0]!.code };
    }
    return { seen, code: undefined };
  };

  it('stops an entry as soon as it passes its cap, whatever its header said', async () => {
    const result = await run(64, 64 * 1024 * 1024, { maxEntryBytes: 1024 * 1024 });
    expect(result.code).toBe('zip-entry-too-big');
    expect(result.seen).toBeLessThanOrEqual(1024 * 1024);
  });

  it('stops at the ratio cap and at the total cap', async () => {
    expect((await run(8, 10_000)).code).toBe('zip-ratio');
    expect((await run(8, 8 * 1024 * 1024, { maxTotalBytes: 4 * 1024 * 1024 })).code).toBe(
      'zip-too-big',
    );
    expect((await run(8, 8 * 1024 * 1024)).code).toBeUndefined();
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_ZIP_LIMITS).toEqual({
      maxTotalBytes: 2 * 1024 ** 3,
      maxEntryBytes: 500 * 1024 ** 2,
      maxEntries: 20_000,
      maxRatio: 100,
      ratioFromBytes: 1024 ** 2,
    });
  });
});
