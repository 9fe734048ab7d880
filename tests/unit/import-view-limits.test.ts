/**
 * Marzipano Tool exports whose index.js limits the view: Marzipano passes the initial view
 * through that limiter, so the tour opens the way the limiter leaves it — and so must ours.
 * (SHOWROOM-ALP: data.js says fov 3.14, index.js caps it at 60°: it opens at 60°, not 90°.)
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/node/cli/command.ts';
import { main } from '../../src/node/cli/main.ts';
import { limitView, readIndexJs } from '../../src/core/import/marzipano-limits.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { marzipanoIndexJs, marzipanoZip } from '../support/import-fixtures.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-limits-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function importZip(name: string, options: Parameters<typeof marzipanoZip>[1]) {
  const zip = await marzipanoZip(join(dir, name), options);
  let stdout = '';
  let stderr = '';
  const context: CommandContext = {
    cwd: dir,
    env: { LANG: 'C' },
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
  };
  const code = await main(['import', zip, '--out', `tours/${name}`], context);
  const tour = JSON.parse(await readFile(join(dir, 'tours', name, 'tour.json'), 'utf8')) as Tour;
  return { code, stdout, stderr, tour };
}

describe('index.js view limits applied to the start views', () => {
  it('opens an edited 60° limiter tour at 60°, not at the 180° data.js asks for', async () => {
    const run = await importZip('alp', {
      // SHOWROOM-ALP's line, and its scene's initialViewParameters.
      indexJs: marzipanoIndexJs(
        'Marzipano.RectilinearView.limit.traditional(data.faceSize, 60*Math.PI/180, 180*Math.PI/180)',
      ),
      view: { yaw: -1.7301718970139177, pitch: 0.01223300166894603, fov: 3.14 },
      // Its links' rotation: a whole turn, the same as none — nothing to report.
      rotation: 6.283185307179586,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [first, second] = run.tour.scenes;
    // 60° high is zoom 50 (0 = 90°, 100 = 30°); without the limiter it was zoom 0 (90°).
    expect(first!.startView).toEqual({ yaw: -99.13, pitch: -0.7, zoom: 50 });
    // The second scene's π/2 is capped too: the limiter is the same for every scene.
    expect(second!.startView?.zoom).toBe(50);
    expect(run.stdout).toContain(
      `Scene "0-san-dinh"'s start view was limited as index.js does: field of view 179.91° → 60° (zoom 50).`,
    );
    expect(run.stdout).toContain('visitors still zoom within 90°–30° and look anywhere');
    expect(run.stdout).not.toContain('.rotation');
  });

  it("keeps the stock limiter's 120° wide cap (88.5° high on a 16:9 screen), re-formatted or not", async () => {
    const run = await importZip('stock', {
      indexJs: marzipanoIndexJs(`Marzipano.RectilinearView.limit.traditional(
      sceneData.faceSize,
      100 * Math.PI / 180,
      120 * Math.PI / 180
    )`),
    });
    expect(run.code).toBe(0);
    const [first, second] = run.tour.scenes;
    // First scene: 60° is inside the limits, unchanged and not reported.
    expect(first!.startView?.zoom).toBe(50);
    expect(run.stdout).not.toContain(`Scene "0-san-dinh"'s start view was limited`);
    // Second: 90° high is 120.7° wide at 16:9, over 120°: Marzipano opens at 88.5° high.
    expect(second!.startView?.zoom).toBe(2);
  });

  it('clamps the start pitch to a composed pitch limit', async () => {
    const run = await importZip('pitch', {
      indexJs: marzipanoIndexJs(
        'Marzipano.util.compose(Marzipano.RectilinearView.limit.traditional(data.faceSize, 100*Math.PI/180), Marzipano.RectilinearView.limit.pitch(-Math.PI/6, Math.PI/6))',
      ),
      // Looking 0.9 rad (51.6°) down: the limiter lets it go 30° down at most.
      view: { yaw: 0, pitch: 0.9, fov: Math.PI / 3 },
    });
    expect(run.code).toBe(0);
    expect(run.tour.scenes[0]!.startView).toEqual({ yaw: 0, pitch: -30, zoom: 50 });
    expect(run.stdout).toContain('pitch -51.57° → -30°');
  });

  it('says plainly that a turned link arrow is drawn unturned', async () => {
    // Hippocrates-Tour's links: rotation π/4.
    const run = await importZip('turned', { rotation: 0.7853981633974483 });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "scenes[0].linkHotspots[0].rotation: This link's arrow is turned 45° in Marzipano; our viewer draws every link with the same ➜ marker, unturned: the link's direction shows only by where it sits.",
    );
    expect(run.tour.scenes[0]!.hotspots[0]).toMatchObject({ type: 'scene', target: '1-hau-cung' });
  });

  it('without index.js the start view is the one data.js gives', async () => {
    const run = await importZip('plain', { view: { yaw: 0, pitch: 0, fov: 3.14 } });
    expect(run.tour.scenes[0]!.startView).toEqual({ yaw: 0, pitch: 0, zoom: 0 });
  });
});

describe('reading limiters', () => {
  it('reads the forms of real index.js files and names what it cannot read', () => {
    expect(
      readIndexJs(
        'var l = Marzipano.RectilinearView.limit.traditional(4096, Math.PI / 2, 1.5 * Math.PI / 2);',
      ).limits,
    ).toEqual({ resolution: true, vfov: [0, 90], hfov: [0, 135] });
    const both = readIndexJs(`var RectilinearView = Marzipano.RectilinearView;
      var limiter = Marzipano.util.compose(
        RectilinearView.limit.vfov(0.5, 1.2),
        RectilinearView.limit.yaw(-Math.PI / 2, Math.PI / 2),
        RectilinearView.limit.vfov(0, maxFov),
      );`);
    expect(both.limits).toEqual({ vfov: [28.65, 68.75], yaw: [-90, 90] });
    expect(both.warnings.map((w) => w.message.en)).toContain(
      'The view limit "limit.vfov(…)" of index.js uses a variable or expression that cannot be read: not applied.',
    );
    expect(readIndexJs('function () {').warnings[0]?.message.en).toBeUndefined();
    expect(readIndexJs('limit.vfov(0, 1) }{').warnings[0]?.message.en).toBe(
      'index.js cannot be parsed: its view limits (if any) are not applied.',
    );
  });

  it('widens a view narrower than the minimum, clamps yaw, and leaves a free view alone', () => {
    const limits = { vfov: [40, 70] as [number, number], yaw: [-90, 90] as [number, number] };
    expect(limitView({ yaw: 120, pitch: 10, fov: 20 }, limits)).toEqual({
      yaw: 90,
      pitch: 10,
      fov: 40,
    });
    expect(limitView({ yaw: 10, pitch: 10, fov: 50 }, {})).toEqual({ yaw: 10, pitch: 10, fov: 50 });
  });
});
