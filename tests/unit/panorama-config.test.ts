import { describe, expect, it } from 'vitest';
import type { Panorama, Tour } from '../../src/core/manifest/schema.ts';
import { adapterKindFor, panoramaConfig } from '../../src/web/viewer/panorama-config.ts';
import { arrivalTiles, neighbourTiles } from '../../src/web/viewer/tile-prefetch.ts';

const url = (path: string) => `https://site.example/tours/t/${path}`;
const tiles = { path: 'g/{level}/{row}_{col}.jpg', levels: [{ width: 1024, cols: 2, rows: 1 }] };
const faces = {
  left: 'l.jpg',
  front: 'f.jpg',
  right: 'r.jpg',
  back: 'b.jpg',
  top: 'u.jpg',
  bottom: 'd.jpg',
};
const tourOf = (...panoramas: Panorama[]): Tour =>
  ({
    version: 1,
    id: 't',
    title: { vi: 'T' },
    languages: ['vi'],
    defaultLanguage: 'vi',
    scenes: panoramas.map((panorama, i) => ({
      id: `s${i}`,
      title: { vi: 'S' },
      panorama,
      hotspots: [],
    })),
  }) as Tour;

describe('adapter choice', () => {
  it('uses tiles only when every scene has them', () => {
    expect(adapterKindFor(tourOf({ tiles, preview: 'p.jpg' }, { tiles }))).toBe('equirect-tiles');
    expect(adapterKindFor(tourOf({ tiles }, { source: 'a.jpg' }))).toBe('equirect');
  });

  it('uses the cube adapters for cube tours', () => {
    expect(adapterKindFor(tourOf({ cube: faces }))).toBe('cube');
    const cubeTiles = {
      path: 't/{level}/{face}/{row}_{col}.jpg',
      levels: [{ faceSize: 512, nbTiles: 1 }],
    };
    expect(adapterKindFor(tourOf({ cube: faces }, { cubeTiles }))).toBe('cube-tiles');
  });
});

describe('panorama config', () => {
  it('gives the tiles adapter the preview and tile URLs', () => {
    const config = panoramaConfig({ tiles, preview: 'p.jpg' }, 'equirect-tiles', url) as {
      baseUrl: string;
      levels: unknown;
      tileUrl: (col: number, row: number, level: number) => string;
    };
    expect(config.baseUrl).toBe(url('p.jpg'));
    expect(config.levels).toEqual(tiles.levels);
    expect(config.tileUrl(1, 0, 0)).toBe(url('g/0/0_1.jpg'));
  });

  it('maps cube tile faces to their letters', () => {
    const cubeTiles = {
      path: 't/{level}/{face}/{row}_{col}.jpg',
      levels: [{ faceSize: 1024, nbTiles: 2 }],
    };
    const config = panoramaConfig({ cubeTiles }, 'cube-tiles', url) as {
      tileUrl: (face: string, col: number, row: number, level: number) => string;
    };
    expect(config.tileUrl('top', 1, 0, 0)).toBe(url('t/0/u/0_1.jpg'));
    expect(config.tileUrl('front', 0, 1, 0)).toBe(url('t/0/f/1_0.jpg'));
  });

  it('gives plain cubes their six face URLs', () => {
    expect(panoramaConfig({ cube: faces }, 'cube', url)).toMatchObject({
      front: url('f.jpg'),
      bottom: url('d.jpg'),
    });
  });
});

describe('tiles fetched ahead', () => {
  const pyramid = {
    path: 'g/{level}/{row}_{col}.jpg',
    levels: [
      { width: 1024, cols: 2, rows: 1 },
      { width: 2048, cols: 4, rows: 2 },
      { width: 4096, cols: 8, rows: 4 },
    ],
  };
  const phone = { width: 360, height: 640 };

  it('picks the level the tiles adapter will load, and the tiles around the view first', () => {
    const tiles = arrivalTiles(pyramid, { yaw: 0, pitch: 0, zoom: 50 }, phone);
    expect(new Set(tiles.map((t) => t.split('/')[1]))).toEqual(new Set(['2']));
    // Looking at yaw 0 (the middle of the image), level 2 has 8 columns of 45°.
    expect(tiles.slice(0, 2).sort()).toEqual(['g/2/1_4.jpg', 'g/2/2_4.jpg']);
    expect(tiles).not.toContain('g/2/0_0.jpg');
  });

  it('wraps around the back of the panorama and takes every column near a pole', () => {
    const back = arrivalTiles(pyramid, { yaw: 180, pitch: 0, zoom: 50 }, phone);
    expect(back).toContain('g/2/1_0.jpg');
    expect(back).toContain('g/2/1_7.jpg');
    const up = arrivalTiles(pyramid, { yaw: 0, pitch: 85, zoom: 0 }, phone);
    const topRow = up.filter((t) => t.includes('/0_'));
    expect(topRow).toHaveLength(8);
  });

  it('lists the arrival tiles of linked scenes only', () => {
    const tour = tourOf({ tiles: pyramid }, { tiles: pyramid });
    tour.scenes[0]!.hotspots = [
      {
        id: 'go',
        type: 'scene',
        target: 's1',
        position: { yaw: 0, pitch: 0 },
        arrival: { yaw: 90, pitch: 0 },
      },
    ];
    const tiles = neighbourTiles(tour, 's0', phone);
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.length).toBeLessThanOrEqual(12);
    expect(tiles[0]).toMatch(/^g\/2\/[12]_6\.jpg$/);
    expect(neighbourTiles(tour, 's1', phone)).toEqual([]);
  });
});
