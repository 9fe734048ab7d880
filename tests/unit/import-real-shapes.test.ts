/**
 * `tour import` of the shapes real tours have (issue 19, /tmp/issue19/findings.md), rebuilt
 * synthetically: Prettier-formatted data.js, Pannellum configs inside web pages and scripts
 * (functions, comments, trailing commas, labels in createTooltipArgs, a self-link),
 * generate.py pyramids with short last tiles, and tile parameters no real tour has.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/node/cli/command.ts';
import { main } from '../../src/node/cli/main.ts';
import { zoomForHorizontalFov } from '../../src/core/import/common.ts';
import { readPannellumScript } from '../../src/core/import/js-data.ts';
import { readIndexJs } from '../../src/core/import/marzipano-limits.ts';
import { evenPyramid } from '../../src/core/import/pannellum-multires.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import {
  FACE_COLOURS,
  generatePyMultires,
  marzipanoZip,
  pannellumMixed,
  pannellumPage,
  picture,
} from '../support/import-fixtures.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-shapes-'));
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
  const code = await main(['import', ...args], context);
  return { code, stdout, stderr };
}

const readTour = async (id: string) =>
  JSON.parse(await readFile(join(dir, 'tours', id, 'tour.json'), 'utf8')) as Tour;

async function meanColour(
  file: string,
  region: { left: number; top: number; width: number; height: number },
): Promise<number[]> {
  // stats() reads the input, not the pipeline: the region is cut out first.
  const { channels } = await sharp(await sharp(file).extract(region).png().toBuffer()).stats();
  return channels.slice(0, 3).map((c) => Math.round(c.mean));
}

describe('Marzipano data.js as people leave it', () => {
  it('reads a Prettier-formatted data.js (quotes, bare keys, trailing commas) and validates', async () => {
    const zip = await marzipanoZip(join(dir, 'mz-prettier'), { prettier: true });
    const text = await readFile(zip);
    expect(text.includes(Buffer.from("id: '0-san-dinh',"))).toBe(true);
    const run = await tour([zip, '--out', 'tours/pretty']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = await readTour('pretty');
    expect(result.title).toEqual({ vi: 'Đình làng' });
    expect(result.scenes.map((s) => s.id)).toEqual(['0-san-dinh', '1-hau-cung']);
  });

  it('drops code in data.js with a warning naming it, and a link of a scene to itself', async () => {
    const folder = join(dir, 'mz-code');
    await mkdir(join(folder, 'tiles/a/0/f/0'), { recursive: true });
    for (const face of 'bdflru') {
      await picture(join(folder, `tiles/a/0/${face}/0/0.jpg`), 64, 64, face.charCodeAt(0));
      await picture(join(folder, `tiles/b/0/${face}/0/0.jpg`), 64, 64, face.charCodeAt(0) + 1);
    }
    const level = '[{ tileSize: 64, size: 64 }]';
    await writeFile(
      join(folder, 'data.js'),
      `var APP_DATA = { scenes: [
        { id: 'a', name: 'A', levels: ${level}, faceSize: 64,
          initialViewParameters: { yaw: Math.PI / 2, pitch: 0, fov: 1.5 },
          linkHotspots: [{ yaw: 0, pitch: 0, target: 'a' }, { yaw: 1, pitch: 0, target: 'b' }] },
        { id: 'b', name: 'B', levels: ${level}, faceSize: 64, linkHotspots: [{ yaw: 0, pitch: 0, target: 'a' }] },
      ], name: \`Tour\`, };
      var APP_SETTING = { debug: true };`,
    );
    const run = await tour([folder, '--out', 'tours/code']);
    expect(run.stdout).toContain(
      'scenes[0].initialViewParameters.yaw: Expression at "yaw" dropped',
    );
    expect(run.stdout).toContain('Link of scene "a" to itself removed.');
    expect(run.code).toBe(0);
    const [a] = (await readTour('code')).scenes;
    expect(a!.hotspots.map((h) => h.type === 'scene' && h.target)).toEqual(['b']);
  });
});

describe('Marzipano index.js settings', () => {
  it('reports view limits and autorotate speed, edited or re-formatted, not silently lost', () => {
    const edited = readIndexJs(
      'var limiter = Marzipano.RectilinearView.limit.traditional(data.faceSize, 60*Math.PI/180, 180*Math.PI/180);',
    ).warnings;
    expect(edited.map((w) => w.message.en)).toEqual([
      "The view limits of index.js (at most 60° high, 180° wide, no zooming past the tiles) were applied to the scenes' start views; visitors still zoom within 90°–30° and look anywhere: our viewer has no per-tour limits.",
    ]);
    const spread = readIndexJs(`Marzipano.RectilinearView.limit.traditional(
      sceneData.faceSize,
      100 * Math.PI / 180,
      120 * Math.PI / 180
    );
    var autorotate = Marzipano.autorotate({
      yawSpeed: 0.03,
      targetPitch: 0,
      targetFov: Math.PI / 2
    });`).warnings;
    expect(spread.map((w) => w.message.en)).toEqual([
      expect.stringContaining('autorotate speed of index.js (0.03 rad/s)'),
      expect.stringContaining('at most 100° high, 120° wide'),
    ]);
  });
});

describe('Pannellum configs inside web pages and scripts', () => {
  it('imports the pannellum.viewer(…) object of a page: data kept, functions dropped and named', async () => {
    const page = await pannellumPage(join(dir, 'page'));
    const run = await tour([page, '--out', 'tours/page']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const expected of [
      'scenes.san.hotSpots[0].createTooltipFunc: Function "createTooltipFunc" dropped',
      'scenes.san.hotSpots[2].clickHandlerFunc: Function "clickHandlerFunc" dropped',
      'Link of scene "nha" to itself removed.',
    ])
      expect(run.stdout).toContain(expected);
    expect(run.stdout).not.toContain('"createTooltipArgs" is not carried');
    expect(run.stdout).not.toContain('HTML tags dropped');
    const result = await readTour('page');
    expect(result.startScene).toBe('san');
    const [san, nha] = result.scenes;
    const [link, well, stele] = san!.hotspots;
    // The label the custom tooltip showed; arrival zoom from the target's own hfov (70°).
    expect(link).toMatchObject({
      type: 'scene',
      target: 'nha',
      title: { vi: 'Vào nhà' },
      arrival: { yaw: -23, pitch: 2, zoom: zoomForHorizontalFov(70) },
    });
    expect(well).toMatchObject({ type: 'info', title: { vi: 'Giếng cổ' } });
    expect(stele).toMatchObject({
      type: 'info',
      title: { vi: 'Bia đá xanh dựng năm 1917 ghi công đức dân làng' },
      body: { vi: 'Bia **đá** xanh dựng năm 1917 ghi công đức dân làng' },
    });
    expect(nha!.hotspots.map((h) => h.type === 'scene' && h.target)).toEqual(['san']);
  });

  it('finds the config in a script: comments, a variable passed to pannellum.viewer, a lone object', () => {
    const script = `/**\n * 主模块文件\n */\nlet video = document.getElementById('v');
      const config = { type: 'equirectangular', panorama: 'a.jpg', hfov: 120, // wide
        hotSpots: [{ pitch: 1, yaw: -2, text: 'x', }, ], };
      $(document).ready(function () { let pano = pannellum.viewer(container, config); });`;
    const read = readPannellumScript(script);
    expect(read.ok && read.data).toEqual({
      type: 'equirectangular',
      panorama: 'a.jpg',
      hfov: 120,
      hotSpots: [{ pitch: 1, yaw: -2, text: 'x' }],
    });
    const json5ish = readPannellumScript(`{ "panorama": "a.jpg", "yaw": -5, }`);
    expect(json5ish.ok && json5ish.data).toEqual({ panorama: 'a.jpg', yaw: -5 });
    const page = readPannellumScript(
      `<script src="pannellum.js"></script><script>pannellum.viewer('p', { panorama: \`b.jpg\`, pitch: -three })</script>`,
      true,
    );
    expect(page.ok && page.data).toEqual({ panorama: 'b.jpg' });
    expect(page.ok && page.warnings.map((w) => w.path)).toEqual(['pitch']);
    expect(readPannellumScript('let x = ;')).toMatchObject({ ok: false, reason: 'syntax' });
    expect(readPannellumScript('let x = 1;')).toEqual({ ok: false, reason: 'not-found' });
  });

  it('names a script without pannellum.viewer(…) plainly', async () => {
    await writeFile(join(dir, 'other.js'), 'console.log(1);');
    const run = await tour([join(dir, 'other.js'), '--out', 'tours/other']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('no "pannellum.viewer(…, {…})" call with a configuration found');
  });
});

describe('Pannellum generate.py pyramids (last tiles cut short)', () => {
  it(
    'stitches each face and cuts it again into even tiles: valid, nothing shifted',
    { timeout: 30_000 },
    async () => {
      // W = 2400: cube 760, tiles 512 — level 2 is 512 + 248 px, level 1 one 380-px tile.
      const made = await generatePyMultires(join(dir, 'gp'), 2400);
      expect(made.levels).toEqual([
        { size: 380, lastTile: 380 },
        { size: 760, lastTile: 248 },
      ]);
      const run = await tour([made.config, '--out', 'tours/gp']);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('tiles are uneven (760 px / 512 px)');
      const [scene] = (await readTour('gp')).scenes;
      expect(scene!.panorama.cubeTiles).toEqual({
        path: 'tiles/scene/{level}/{face}{row}_{col}.jpg',
        levels: [
          { faceSize: 380, nbTiles: 1 },
          { faceSize: 760, nbTiles: 2 },
        ],
        flipTopBottom: true,
      });
      for (const face of ['f', 'l', 'u']) {
        const file = join(dir, `tours/gp/tiles/scene/1/${face}0_1.jpg`);
        const { width, height } = await sharp(file).metadata();
        expect([width, height]).toEqual([380, 380]);
        // The face's white cross is at its centre: the left edge of the top-right tile, and
        // the face's own colour elsewhere (a tile put at 512 px would show colour at the edge).
        const edge = await meanColour(file, { left: 0, top: 100, width: 4, height: 100 });
        expect(edge.every((c) => c > 200)).toBe(true);
        const body = await meanColour(file, { left: 150, top: 100, width: 50, height: 50 });
        expect(body).toEqual(FACE_COLOURS[face]!.map((c) => expect.closeTo(c, -1.2)));
      }
    },
  );

  it(
    're-cuts a pyramid whose last column is a sliver (generate.py -c 1544: 8 px)',
    { timeout: 60_000 },
    async () => {
      const made = await generatePyMultires(join(dir, 'sliver'), 0, { cube: 1544 });
      expect(made.levels.at(-1)).toEqual({ size: 1544, lastTile: 8 });
      const run = await tour([made.config, '--out', 'tours/sliver']);
      expect(run.code).toBe(0);
      const [scene] = (await readTour('sliver')).scenes;
      expect(scene!.panorama.cubeTiles!.levels).toEqual(evenPyramid(1544));
      expect(evenPyramid(1544)).toEqual([
        { faceSize: 386, nbTiles: 1 },
        { faceSize: 772, nbTiles: 2 },
        { faceSize: 1544, nbTiles: 4 },
      ]);
    },
  );
});

describe('a Pannellum tour mixing kinds (its example-tour.json)', () => {
  it('samples the cubemap scene into a 2:1 picture, faces where they belong, and validates', async () => {
    const config = await pannellumMixed(join(dir, 'mixed'));
    const run = await tour([config, '--out', 'tours/mixed']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('was turned into the 2:1 picture panoramas/pondcube.jpg');
    const [cube, pond] = (await readTour('mixed')).scenes;
    expect(cube!.panorama).toEqual({ source: 'panoramas/pondcube.jpg' });
    expect(pond!.panorama).toEqual({ source: 'panoramas/pond.jpg' });
    const file = join(dir, 'tours/mixed/panoramas/pondcube.jpg');
    const { width, height } = await sharp(file).metadata();
    expect([width, height]).toEqual([384, 192]);
    // Yaw 0 is the picture's centre, yaw 90° three quarters across; up is the top row.
    const at = (left: number, top: number) => meanColour(file, { left, top, width: 8, height: 8 });
    const colour = (face: string) => FACE_COLOURS[face]!.map((c) => expect.closeTo(c, -1.2));
    expect(await at(188, 92)).toEqual(colour('f'));
    expect(await at(284, 92)).toEqual(colour('r'));
    expect(await at(0, 92)).toEqual(colour('b'));
    expect(await at(92, 92)).toEqual(colour('l'));
    expect(await at(188, 0)).toEqual(colour('u'));
    expect(await at(188, 184)).toEqual(colour('d'));
  });
});

describe('tile parameters no real tour has', () => {
  it('refuses a Marzipano level of 16384 one-pixel tiles at once, saying why', async () => {
    const folder = join(dir, 'absurd-mz');
    await mkdir(folder, { recursive: true });
    await writeFile(
      join(folder, 'data.js'),
      `var APP_DATA = {"scenes": [{"id": "a", "levels": [{"tileSize": 1, "size": 16384}]}]};`,
    );
    const run = await tour([folder, '--out', 'tours/absurd-mz']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('its levels need 1610612736 tiles (at most 50000)');
  });

  it('refuses a Pannellum cubeResolution of 2^30 with 1-pixel tiles at once, saying why', async () => {
    await writeFile(
      join(dir, 'absurd.json'),
      JSON.stringify({
        type: 'multires',
        multiRes: {
          path: '/%l/%s%y_%x',
          extension: 'jpg',
          tileResolution: 1,
          maxLevel: 31,
          cubeResolution: 2 ** 30,
        },
      }),
    );
    const run = await tour([join(dir, 'absurd.json'), '--out', 'tours/absurd-pm']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('multiRes asks for 1073741824 px faces');
  });
});
