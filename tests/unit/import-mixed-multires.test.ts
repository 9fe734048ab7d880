/**
 * A Pannellum tour mixing a multires scene with 2:1 pictures (PannellumImoDemo's shape): our
 * viewer draws one kind per tour, so the multires scene is stitched from one of its levels,
 * face by face, and sampled into a 2:1 picture — and the tour validates.
 */
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/node/cli/command.ts';
import { main } from '../../src/node/cli/main.ts';
import { importPannellum } from '../../src/core/import/pannellum.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { FACE_COLOURS, pannellumMixedMultires } from '../support/import-fixtures.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-mixed-multires-'));
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

async function meanColour(file: string, left: number, top: number): Promise<number[]> {
  const region = await sharp(file).extract({ left, top, width: 8, height: 8 }).png().toBuffer();
  const { channels } = await sharp(region).stats();
  return channels.slice(0, 3).map((c) => Math.round(c.mean));
}

describe('which level a multires scene is sampled from', () => {
  it('takes the smallest whose faces fill a 4096-px picture (1024 px), else the top', () => {
    const multires = (cubeResolution: number, maxLevel: number) => ({
      type: 'multires',
      multiRes: {
        path: '/%l/%s%y_%x',
        extension: 'jpg',
        tileResolution: 512,
        maxLevel,
        cubeResolution,
      },
    });
    const plan = importPannellum(
      {
        scenes: {
          // PannellumImoDemo's bedroom: levels of 397, 794, 1588 and 3176 px.
          big: multires(3176, 4),
          small: multires(760, 2),
          pond: { panorama: 'pond.jpg' },
        },
      },
      { lang: 'en', tourId: 't' },
    );
    expect(plan.spheres).toEqual([
      {
        faces: [
          '3/f{row}_{col}.jpg',
          '3/r{row}_{col}.jpg',
          '3/b{row}_{col}.jpg',
          '3/l{row}_{col}.jpg',
          '3/u{row}_{col}.jpg',
          '3/d{row}_{col}.jpg',
        ],
        tiled: { tileSize: 512, faceSize: 1588 },
        to: 'panoramas/big.jpg',
      },
      expect.objectContaining({ tiled: { tileSize: 512, faceSize: 760 } }),
    ]);
    // Neither is copied nor re-cut any more.
    expect(plan.copies.map((c) => c.to)).toEqual(['panoramas/pond.jpg']);
    expect(plan.recuts).toEqual([]);
  });
});

describe('a multires scene among 2:1 pictures', () => {
  it('becomes a 2:1 picture with every face where it belongs, and the tour validates', async () => {
    const page = await pannellumMixedMultires(join(dir, 'imo'));
    const run = await tour([page, '--out', 'tours/imo']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Scene "bedroom1" (multires cube, from level 2 (600-px faces)) was turned into the 2:1 picture panoramas/bedroom1.jpg',
    );
    // Nothing is re-cut any more, so nothing says so.
    expect(run.stdout).not.toContain('uneven');
    const tourJson = JSON.parse(await readFile(join(dir, 'tours/imo/tour.json'), 'utf8')) as Tour;
    expect(tourJson.scenes.map((s) => s.panorama)).toEqual([
      { source: 'panoramas/bedroom1.jpg' },
      { source: 'panoramas/sufragerie.jpg' },
      { source: 'panoramas/bedroom2.jpg' },
    ]);
    await expect(stat(join(dir, 'tours/imo/tiles'))).rejects.toThrow();
    const file = join(dir, 'tours/imo/panoramas/bedroom1.jpg');
    const { width, height } = await sharp(file).metadata();
    // No level reaches 1024 px: the top one's 600-px faces, four around, make 2400.
    expect([width, height]).toEqual([2400, 1200]);
    // Away from each face's white centre cross: side faces at pitch 20°, 20° off their centre
    // yaw; up and down at ±60°, yaw 45°. Yaw 0 is the picture's centre.
    const at = (yaw: number, pitch: number) =>
      meanColour(
        file,
        Math.round(((yaw + 180) / 360) * 2400) - 4,
        Math.round(((90 - pitch) / 180) * 1200) - 4,
      );
    const colour = (face: string) => FACE_COLOURS[face]!.map((c) => expect.closeTo(c, -1.2));
    expect(await at(20, 20)).toEqual(colour('f'));
    expect(await at(110, 20)).toEqual(colour('r'));
    expect(await at(-160, 20)).toEqual(colour('b'));
    expect(await at(-70, 20)).toEqual(colour('l'));
    expect(await at(45, 60)).toEqual(colour('u'));
    expect(await at(45, -60)).toEqual(colour('d'));
  }, 60_000);

  it('leaves a missing tile black and names it, the rest of the picture made', async () => {
    // The source of the test above, less one tile.
    const page = join(dir, 'imo/index.html');
    await rm(join(dir, 'imo/output/2/f0_0.jpg'));
    const run = await tour([page, '--out', 'tours/holes']);
    expect(run.stdout).toContain(
      'Tile "output/2/f0_0.jpg" not found: that part of "panoramas/bedroom1.jpg" is left black.',
    );
    expect(run.code).toBe(0);
    const file = join(dir, 'tours/holes/panoramas/bedroom1.jpg');
    // The front face's top-left tile (yaw −40°, pitch 30°) is black; the tile right of it
    // (yaw 40°, pitch 20°) is not.
    const dark = await meanColour(
      file,
      Math.round((140 / 360) * 2400),
      Math.round((60 / 180) * 1200),
    );
    expect(Math.max(...dark)).toBeLessThan(20);
    const lit = await meanColour(
      file,
      Math.round((220 / 360) * 2400),
      Math.round((70 / 180) * 1200),
    );
    expect(lit).toEqual(FACE_COLOURS.f!.map((c) => expect.closeTo(c, -1.2)));
  }, 60_000);
});
