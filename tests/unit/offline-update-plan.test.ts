import { describe, expect, it } from 'vitest';
import { planUpdate } from '../../src/core/publish/update-plan.ts';
import type { TourFile } from '../../src/core/publish/tour-files.ts';

const f = (path: string, sha256: string, bytes = 10): TourFile => ({ path, sha256, bytes });

describe('the plan of an update', () => {
  it('copies files whose content is unchanged and downloads the rest', () => {
    const saved = [f('tour.json', 'a'), f('p.jpg', 'b', 5_000_000), f('audio/vi/x.mp3', 'c')];
    const wanted = [f('tour.json', 'a2'), f('p.jpg', 'b', 5_000_000), f('audio/vi/x.mp3', 'c')];
    const plan = planUpdate(wanted, saved);
    expect(plan.download.map((file) => file.path)).toEqual(['tour.json']);
    expect(plan.copy.map(({ file, from }) => [file.path, from])).toEqual([
      ['p.jpg', 'p.jpg'],
      ['audio/vi/x.mp3', 'audio/vi/x.mp3'],
    ]);
  });

  it('finds unchanged content under a new path', () => {
    const plan = planUpdate([f('panoramas/hall-2.jpg', 'b')], [f('panoramas/hall.jpg', 'b')]);
    expect(plan.copy).toEqual([
      { file: f('panoramas/hall-2.jpg', 'b'), from: 'panoramas/hall.jpg' },
    ]);
  });

  it('downloads a file whose hash matches but whose size does not', () => {
    expect(planUpdate([f('a', 'x', 11)], [f('a', 'x', 10)]).download).toHaveLength(1);
  });

  it('downloads everything without a saved list (first save, or a copy from before lists were kept)', () => {
    const wanted = [f('a', 'x'), f('b', 'y')];
    expect(planUpdate(wanted, undefined)).toEqual({ copy: [], download: wanted });
    expect(planUpdate(wanted, []).download).toEqual(wanted);
  });
});
