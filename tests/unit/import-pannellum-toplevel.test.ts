/**
 * Pannellum tours whose config has keys beside `default` and `scenes`: Pannellum's mergeConfig
 * applies them last, over every scene's own (homeTour's `"hfov": 120` opens every scene at
 * 120°), and its render loop clamps every view to minHfov/maxHfov, yaw and pitch limits.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/node/cli/command.ts';
import { main } from '../../src/node/cli/main.ts';
import { zoomForHorizontalFov } from '../../src/core/import/common.ts';
import { importPannellum } from '../../src/core/import/pannellum.ts';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { pannellumScriptTour } from '../support/import-fixtures.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-toplevel-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = { lang: 'vi', tourId: 't' };

describe('top-level keys of a Pannellum tour', () => {
  it('applies hfov and firstScene over the scenes, as Pannellum does, and names the rest', async () => {
    const source = await pannellumScriptTour(join(dir, 'home'));
    let stdout = '';
    let stderr = '';
    const context: CommandContext = {
      cwd: dir,
      env: { LANG: 'C' },
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
    };
    const code = await main(['import', source, '--out', 'tours/home'], context);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const tour = JSON.parse(await readFile(join(dir, 'tours/home/tour.json'), 'utf8')) as Tour;
    // The top-level firstScene wins over default's; the top-level title names the tour.
    expect(tour.startScene).toBe('play');
    expect(tour.title).toEqual({ vi: 'Nhà của chúng tôi' });
    const [hall, play] = tour.scenes;
    expect(hall!.title).toEqual({ vi: 'Phòng khách' });
    // hall's own hfov 90 is overridden by the top-level 120 (88.5° high at 16:9: zoom 2).
    expect(hall!.startView).toEqual({ yaw: 20, pitch: 0, zoom: zoomForHorizontalFov(120) });
    // play caps hfov at 100: the top-level 120 is clamped there, and so is the arrival's 140.
    expect(play!.startView?.zoom).toBe(zoomForHorizontalFov(100));
    expect(hall!.hotspots[0]).toMatchObject({
      type: 'scene',
      target: 'play',
      arrival: { yaw: 0, pitch: 0, zoom: zoomForHorizontalFov(100) },
    });
    expect(stdout).toContain(
      `hfov: Top-level "hfov" applies to every scene, over the scene's own, as in Pannellum.`,
    );
    for (const key of ['autoLoad', 'compass'])
      expect(stdout).toContain(`${key}: Setting "${key}" is not carried over.`);
    expect(stdout).toContain(
      `Scene "play"'s start view was limited as Pannellum does: hfov 120° → 100°.`,
    );
  });
});

describe("Pannellum's view limits", () => {
  it('clamps hfov, yaw and pitch of the start view the way its render loop does', () => {
    const plan = importPannellum(
      {
        type: 'equirectangular',
        panorama: 'a.jpg',
        hfov: 150,
        yaw: 80,
        pitch: -40,
        minYaw: -90,
        maxYaw: 90,
        minPitch: -45,
        maxPitch: 45,
      },
      options,
    );
    const [scene] = plan.manifest.scenes as Array<{ startView: unknown }>;
    // hfov 150 → 120 (the default maxHfov); yaw within ±(90 − 60); pitch within ±(45 − 44.25), rounded.
    expect(scene!.startView).toEqual({ yaw: 30, pitch: -0.75, zoom: zoomForHorizontalFov(120) });
    const messages = plan.warnings.map((w) => w.message.en);
    expect(messages).toContain(
      `Scene "scene"'s start view was limited as Pannellum does: hfov 150° → 120°, yaw 80° → 30°, pitch -40° → -0.75°.`,
    );
    expect(messages).toContainEqual(
      expect.stringContaining(
        'Limits minYaw, maxYaw, minPitch, maxPitch of scene "scene" were applied',
      ),
    );
    expect(messages.join('\n')).not.toContain('Setting "minPitch"');
  });

  it('leaves a view inside the limits alone, and says nothing', () => {
    const plan = importPannellum(
      { type: 'equirectangular', panorama: 'a.jpg', hfov: 100, yaw: 10, pitch: 5 },
      options,
    );
    const [scene] = plan.manifest.scenes as Array<{ startView: unknown }>;
    expect(scene!.startView).toEqual({ yaw: 10, pitch: 5, zoom: zoomForHorizontalFov(100) });
    expect(plan.warnings).toEqual([]);
  });
});
