/**
 * Which files of a tour folder its manifest no longer uses (offered for removal on Save, left
 * out of the editor's zip), and what is never listed whatever the manifest says.
 */
import { describe, expect, it } from 'vitest';
import type { Tour } from '../../src/core/manifest/schema.ts';
import { filesToCopy, unusedFiles, usedFiles } from '../../src/core/publish/unused-files.ts';

const tour: Tour = {
  version: 1,
  id: 't',
  title: { vi: 'T' },
  languages: ['vi', 'en'],
  defaultLanguage: 'vi',
  scenes: [
    {
      id: 'cong',
      title: { vi: 'Cổng' },
      panorama: { source: 'panoramas/cong.jpg', preview: './panoramas/cong-preview.jpg' },
      narration: { vi: { audio: 'audio/vi/cong.mp3', captions: 'audio/vi/cong.vtt' } },
      hotspots: [
        {
          id: 'i',
          type: 'info',
          position: { yaw: 0, pitch: 0 },
          title: { vi: 'x' },
          image: 'images/bia.jpg',
        },
        {
          id: 'a',
          type: 'audio',
          position: { yaw: 0, pitch: 0 },
          title: { vi: 'x' },
          audio: { en: 'audio/en/bell.mp3' },
        },
      ],
    },
    {
      id: 'hall',
      title: { vi: 'Sảnh' },
      panorama: {
        tiles: {
          path: 'tiles/hall/{level}/{row}_{col}.jpg',
          levels: [{ width: 1024, cols: 2, rows: 1 }],
        },
      },
      hotspots: [],
    },
  ],
};

const folder = [
  'tour.json',
  'CREDITS.md',
  'aframe-LICENSE-MIT.txt',
  'notes.txt',
  'panoramas/cong.jpg',
  'panoramas/cong-preview.jpg',
  'panoramas/old-hall.jpg',
  'panoramas/cong-2.jpg',
  'audio/vi/cong.mp3',
  'audio/vi/cong.vtt',
  'audio/vi/deleted-scene.mp3',
  'audio/vi/deleted-scene.vtt',
  'audio/en/bell.mp3',
  'images/bia.jpg',
  'images/replaced.png',
  'tiles/hall/0/0_0.jpg',
  'tiles/hall/0/0_1.jpg',
  'tiles/hall/1/0_3.jpg',
  'generated/tiles/abc/0/0_0.jpg',
  'generated/tiles.json',
  'backups/tour-2025.json',
  'backups/panoramas/cong.jpg',
  '.backups/tour-2026.json',
  'README',
];

describe('unused files', () => {
  it('lists pictures, sounds and captions the tour no longer names', () => {
    expect(unusedFiles(tour, folder)).toEqual([
      'audio/vi/deleted-scene.mp3',
      'audio/vi/deleted-scene.vtt',
      'images/replaced.png',
      'panoramas/cong-2.jpg',
      'panoramas/old-hall.jpg',
    ]);
  });

  it('never lists the manifest, credits, texts, backups, generated files or a named tile set', () => {
    const unused = unusedFiles(tour, folder);
    for (const kept of [
      'tour.json',
      'CREDITS.md',
      'aframe-LICENSE-MIT.txt',
      'notes.txt',
      'README',
      'generated/tiles/abc/0/0_0.jpg',
      'backups/panoramas/cong.jpg',
      '.backups/tour-2026.json',
      // Not enumerated by the template's levels, but inside the tile set's folder.
      'tiles/hall/1/0_3.jpg',
    ]) {
      expect(unused).not.toContain(kept);
    }
  });

  it('counts paths the manifest writes with ./ as used', () => {
    expect(usedFiles(tour).has('panoramas/cong-preview.jpg')).toBe(true);
    expect(unusedFiles(tour, ['panoramas/cong-preview.jpg'])).toEqual([]);
  });

  it('finds the panorama of a deleted scene once the scene is gone', () => {
    const without: Tour = { ...tour, scenes: tour.scenes.filter((s) => s.id !== 'cong') };
    expect(unusedFiles(without, folder)).toEqual(
      expect.arrayContaining(['panoramas/cong.jpg', 'audio/vi/cong.mp3', 'images/bia.jpg']),
    );
  });

  it('copies everything but the unused files into a zip', () => {
    const copied = filesToCopy(tour, folder);
    expect(copied).toContain('panoramas/cong.jpg');
    expect(copied).toContain('CREDITS.md');
    expect(copied).not.toContain('panoramas/old-hall.jpg');
    expect(copied).toHaveLength(folder.length - 5);
  });
});
