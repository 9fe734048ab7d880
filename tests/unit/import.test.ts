/**
 * `tour import`: Pannellum tours and cubemaps, Marzipano Tool zips, written from the documented
 * formats with generated pictures; the imported tours must pass `tour validate`.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/node/cli/command.ts';
import { main } from '../../src/node/cli/main.ts';
import {
  cleanId,
  htmlToMarkdown,
  localPath,
  normalizeYaw,
  zoomForHorizontalFov,
  zoomForVerticalFov,
} from '../../src/core/import/common.ts';
import { parseMarzipanoData } from '../../src/core/import/marzipano.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import {
  STRIP_COLOURS,
  marzipanoZip,
  pannellumCube,
  pannellumTour,
} from '../support/import-fixtures.ts';

let dir: string;
let fixtures: { tour: string; cube: string; zip: string };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-test-'));
  const src = join(dir, 'src');
  fixtures = {
    tour: await pannellumTour(src),
    cube: await pannellumCube(src),
    zip: await marzipanoZip(src),
  };
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function tour(args: string[]) {
  let stdout = '';
  let stderr = '';
  const context: CommandContext = {
    cwd: dir,
    env: { LANG: 'C' },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  };
  const code = await main(args, context);
  return { code, stdout, stderr };
}

/** Mean R, G, B of a picture (or of a region of it). */
async function meanColour(
  file: string,
  region?: { left: number; top: number; width: number; height: number },
): Promise<number[]> {
  // stats() reads the input, not the pipeline: the region is cut out first.
  const input = region ? await sharp(file).extract(region).png().toBuffer() : file;
  const { channels } = await sharp(input).stats();
  return channels.slice(0, 3).map((c) => Math.round(c.mean));
}

const readTour = async (id: string) =>
  JSON.parse(await readFile(join(dir, 'tours', id, 'tour.json'), 'utf8')) as Tour;

describe('conversions', () => {
  it('cleans ids into ours, unique and at most 20 characters', () => {
    const taken = new Set<string>();
    expect(cleanId('Cổng Đền', taken)).toBe('cong-den');
    expect(cleanId('cong den', taken)).toBe('cong-den-2');
    expect(cleanId('A very long scene name indeed', taken)).toBe('a-very-long-scene-na');
    expect(cleanId('!!!', taken)).toBe('scene');
  });

  it('converts angles and fields of view', () => {
    expect(normalizeYaw(190)).toBe(-170);
    expect(normalizeYaw(-540)).toBe(180);
    expect(zoomForVerticalFov(90)).toBe(0);
    expect(zoomForVerticalFov(30)).toBe(100);
    expect(zoomForVerticalFov(60)).toBe(50);
    // 16:9: a horizontal 100° is 67.7° high.
    expect(zoomForHorizontalFov(100)).toBe(37);
  });

  it('keeps bold, italic and links of HTML, drops the rest (and says which)', () => {
    const { text, droppedTags } = htmlToMarkdown(
      '<p>Dựng năm <b>1917</b> &amp; <i>sửa</i></p><script>alert(1)</script><a href="https://x.vn/">xem</a><img src=x onerror=alert(1)>',
    );
    expect(text).toBe('Dựng năm **1917** & *sửa*\n\n[xem](https://x.vn/)');
    expect(droppedTags.sort()).toEqual(['img', 'script']);
  });

  it('refuses web addresses as local files', () => {
    expect(localPath('./img', '/a.jpg')).toBe('img/a.jpg');
    expect(localPath('https://cdn.example/a.jpg')).toBeUndefined();
    expect(localPath('//cdn.example/a.jpg')).toBeUndefined();
  });

  it('reads data.js as data, never as code', () => {
    const data = parseMarzipanoData('var APP_DATA = {"scenes": [], "name": "x",};');
    expect(data.ok && data.value.name).toBe('x');
    const refusal = (text: string) => {
      const parsed = parseMarzipanoData(text);
      return parsed.ok ? '' : parsed.problems[0]?.message.en;
    };
    expect(refusal('alert(1)')).toMatch(/no object/);
    expect(refusal('var APP_DATA = {"name": 1};')).toMatch(/scenes/);
  });
});

describe('tour import from Pannellum', () => {
  it('turns a tour into a valid tour with its scenes, links and warnings', async () => {
    const run = await tour(['import', fixtures.tour, '--out', 'tours/den']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✓ tours/den: valid');
    const result = await readTour('den');
    expect(result.scenes.map((s) => s.id)).toEqual(['cong-den', 'hall']);
    expect(result.startScene).toBe('hall');
    expect(result.languages).toEqual(['vi']);
    const [gate, hall] = result.scenes;
    expect(gate!.title).toEqual({ vi: 'Cổng đền' });
    expect(gate!.startView).toEqual({ yaw: 117, pitch: -3, zoom: zoomForHorizontalFov(110) });
    expect(gate!.panorama.source).toBe('panoramas/cong-den.jpg');
    // No licence is known: visitors must not read "unknown"; the author is told what to add.
    expect(gate!.panorama.credit).toBeUndefined();
    expect(run.stdout).toContain('Photo author "Nguyễn Văn A" not credited yet');
    const [link, info, web] = gate!.hotspots;
    expect(link).toMatchObject({
      type: 'scene',
      target: 'hall',
      position: { yaw: 132.9, pitch: -2.1 },
      arrival: { yaw: -23, pitch: 2, zoom: zoomForHorizontalFov(90) },
      title: { vi: 'Vào đền' },
    });
    expect(info).toMatchObject({
      type: 'info',
      position: { yaw: -170, pitch: 14.1 },
      title: { vi: 'Bia đá năm 1917' },
      body: { vi: 'Bia **đá** năm 1917' },
    });
    expect(web).toMatchObject({ type: 'link', url: 'https://example.org/' });
    // The link to a scene that does not exist is left out, and said so.
    expect(hall!.hotspots).toHaveLength(1);
    expect(hall!.hotspots[0]).toMatchObject({ type: 'scene', target: 'cong-den' });
    for (const expected of [
      'default.sceneFadeDuration',
      'hotSpots[1].cssClass',
      'clickHandlerFunc',
      '"sameAzimuth"',
      '"nowhere"',
      'script',
    ])
      expect(run.stdout).toContain(expected);
    expect((await stat(join(dir, 'tours/den/panoramas/hall.jpg'))).size).toBeGreaterThan(0);
  });

  it('turns a cubemap into one-tile cube faces, measured and turned the Pannellum way', async () => {
    const run = await tour(['import', fixtures.cube, '--out', 'tours/san', '--lang', 'en']);
    expect(run.code).toBe(0);
    const [scene] = (await readTour('san')).scenes;
    expect(scene!.title).toEqual({ en: 'Sân' });
    expect(scene!.panorama.cubeTiles).toEqual({
      path: 'tiles/scene/{level}/{face}{row}_{col}.jpg',
      levels: [{ faceSize: 128, nbTiles: 1 }],
      flipTopBottom: true,
    });
    // Pannellum's fourth face is the left one.
    const left = await sharp(join(dir, 'tours/san/tiles/scene/0/l0_0.jpg')).raw().toBuffer();
    const source = await sharp(join(dir, 'src/cube/l.jpg')).raw().toBuffer();
    expect(left.equals(source)).toBe(true);
  });

  it('refuses to overwrite a tour without --force, and names a broken source', async () => {
    expect((await tour(['import', fixtures.cube, '--out', 'tours/san'])).code).toBe(2);
    expect((await tour(['import', fixtures.cube, '--out', 'tours/san', '--force'])).code).toBe(0);
    await writeFile(join(dir, 'broken.json'), '{"scenes": ');
    const broken = await tour(['import', join(dir, 'broken.json'), '--out', 'tours/broken']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.json: not valid JSON/);
    expect((await tour(['import', fixtures.cube, '--out', 'tours/Bad Id'])).code).toBe(2);
  });
});

describe('tour import from Marzipano Tool', () => {
  it('turns an export zip into a valid cube-tiles tour with radians converted', async () => {
    const run = await tour(['import', fixtures.zip, '--out', 'tours/dinh']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = await readTour('dinh');
    expect(result.title).toEqual({ vi: 'Đình làng' });
    expect(result.scenes.map((s) => s.id)).toEqual(['0-san-dinh', '1-hau-cung']);
    const [yard, hall] = result.scenes;
    expect(yard!.panorama.cubeTiles).toEqual({
      path: 'tiles/0-san-dinh/{level}/{face}/{row}/{col}.jpg',
      levels: [
        { faceSize: 64, nbTiles: 1 },
        { faceSize: 128, nbTiles: 2 },
      ],
      flipTopBottom: true,
    });
    // Marzipano: yaw π/2 to the right, pitch 0.2 rad downwards, vertical fov π/3.
    expect(yard!.startView).toEqual({ yaw: 90, pitch: -11.46, zoom: 50 });
    expect(yard!.hotspots[0]).toMatchObject({
      type: 'scene',
      target: '1-hau-cung',
      position: { yaw: -45, pitch: -5.73 },
    });
    expect(yard!.hotspots[1]).toMatchObject({
      type: 'info',
      position: { yaw: 180, pitch: 17.19 },
      title: { vi: 'Bia đá' },
      body: { vi: 'Dựng năm 1917.' },
    });
    expect(hall!.hotspots[0]).toMatchObject({ type: 'scene', target: '0-san-dinh' });
    for (const expected of ['settings.autorotateEnabled', 'rotation', 'iframe'])
      expect(run.stdout).toContain(expected);
    // The vertical preview strip (b, d, f, l, r, u) became PSV's horizontal one.
    const preview = await sharp(join(dir, 'tours/dinh/tiles/0-san-dinh/preview.jpg')).metadata();
    expect([preview.width, preview.height]).toEqual([384, 64]);
    // The export has no level-0 tiles (fallbackOnly): each face was cut from its strip slice.
    for (const face of 'lfrbud') {
      const file = join(dir, `tours/dinh/tiles/0-san-dinh/0/${face}/0/0.jpg`);
      const { width, height } = await sharp(file).metadata();
      expect([width, height]).toEqual([64, 64]);
      expect(await meanColour(file)).toEqual(
        STRIP_COLOURS[face]!.map((c) => expect.closeTo(c, -1.2)),
      );
    }
  });

  it('refuses a zip whose names lead outside, writing nothing', async () => {
    const zip = join(dir, 'evil.zip');
    await writeFile(
      zip,
      zipSync({ '../evil.txt': new Uint8Array([1]), 'data.js': new Uint8Array([1]) }),
    );
    const run = await tour(['import', zip, '--out', 'tours/evil']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/refused: the name "\.\.\/evil\.txt"/);
    await expect(stat(join(dir, 'tours/evil'))).rejects.toThrow();
  });

  it('reports missing tiles as warnings and the validator names them', async () => {
    const folder = join(dir, 'partial');
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, 'data.js'),
      `var APP_DATA = ${JSON.stringify({ scenes: [{ id: 'a', name: 'A', levels: [{ tileSize: 64, size: 64 }] }], name: 'P' })};`,
    );
    const run = await tour(['import', folder, '--out', 'tours/partial']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('File "tiles/a/0/f/0/0.jpg" not found.');
    expect(run.stderr).toMatch(/tiles/);
  });
});
