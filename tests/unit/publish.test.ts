import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  catalogueEntry,
  catalogueIndex,
  isLegalFile,
  manifestText,
  normalizeAssetPath,
  publishedFiles,
  publishedManifest,
  thumbnailJobs,
  tourRequestSegments,
} from '../../src/core/publish/publish.ts';
import { contentVersion, fileDigest } from '../../src/node/build/digest.ts';
import { Tour, type TourInput } from '../../src/core/manifest/schema.ts';

const input: TourInput = {
  $schema: '../../public/schema/tour.v1.json',
  version: 1,
  id: 'den-hung',
  title: { vi: 'Đền Hùng', en: 'Hung Kings Temple' },
  languages: ['vi', 'en'],
  defaultLanguage: 'vi',
  startScene: 'den-thuong',
  scenes: [
    {
      id: 'cong',
      title: { vi: 'Cổng', en: 'Gate' },
      panorama: { source: 'panoramas/cong.jpg', preview: './panoramas/cong-small.jpg' },
      narration: { vi: { audio: 'audio/vi/cong.mp3', captions: 'audio/vi/cong.vtt' } },
      hotspots: [
        { id: 'len', type: 'scene', target: 'den-thuong', position: { yaw: 0, pitch: 0 } },
        {
          id: 'bia',
          type: 'info',
          position: { yaw: 10, pitch: -5 },
          title: { vi: 'Bia' },
          image: 'images/bia.jpg',
        },
        {
          id: 'chuong',
          type: 'audio',
          position: { yaw: 20, pitch: 0 },
          title: { vi: 'Chuông' },
          audio: { vi: 'audio/vi/chuong.mp3', en: 'audio/vi/chuong.mp3' },
        },
      ],
    },
    {
      id: 'den-thuong',
      title: { vi: 'Đền Thượng', en: 'Upper Temple' },
      panorama: { source: 'panoramas/den-thuong.jpg', thumbnail: 'panoramas/den-thuong-thumb.jpg' },
    },
    {
      id: 'xau',
      title: { vi: 'Xấu' },
      panorama: { source: '../../package.json' },
    },
  ],
};
const tour = Tour.parse(input);

describe('normalizeAssetPath', () => {
  it('keeps plain relative paths, in canonical form', () => {
    expect(normalizeAssetPath('panoramas/a.jpg')).toBe('panoramas/a.jpg');
    expect(normalizeAssetPath('./panoramas//a.jpg')).toBe('panoramas/a.jpg');
  });

  it('refuses anything that could leave the tour folder', () => {
    for (const bad of [
      '../x.jpg',
      'a/../../x.jpg',
      'a/..',
      '/etc/passwd',
      'C:\\x.jpg',
      'a\\..\\x.jpg',
      'https://example.com/a.jpg',
      'file:///etc/passwd',
      '',
      '.',
      'a.jpg?x=1',
    ]) {
      expect(normalizeAssetPath(bad), bad).toBeUndefined();
    }
  });
});

describe('publishedFiles', () => {
  it('lists referenced files and the credits/licences once, sorted, without tour.json', () => {
    const top = ['tour.json', 'CREDITS.md', 'aframe-LICENSE-MIT.txt', 'notes.txt', 'COPYING'];
    expect(publishedFiles(tour, top)).toEqual({
      files: [
        'COPYING',
        'CREDITS.md',
        'aframe-LICENSE-MIT.txt',
        'audio/vi/chuong.mp3',
        'audio/vi/cong.mp3',
        'audio/vi/cong.vtt',
        'images/bia.jpg',
        'panoramas/cong-small.jpg',
        'panoramas/cong.jpg',
        'panoramas/den-thuong-thumb.jpg',
        'panoramas/den-thuong.jpg',
      ],
      unsafe: ['../../package.json'],
    });
  });

  it('recognises licence and credit files, not stray ones', () => {
    for (const name of [
      'LICENSE',
      'LICENCE.txt',
      'vrview-COPYING-Apache-2.0.txt',
      'NOTICE',
      'credits.md',
    ]) {
      expect(isLegalFile(name), name).toBe(true);
    }
    for (const name of ['notes.txt', 'licensed-photo.jpg', 'draft.json', 'panoramas/LICENSE']) {
      expect(isLegalFile(name), name).toBe(false);
    }
  });
});

describe('thumbnails and the published manifest', () => {
  it('plans a thumbnail for each scene without one (safe sources only)', () => {
    expect(thumbnailJobs(tour)).toEqual([
      { sceneId: 'cong', source: 'panoramas/cong.jpg', thumbnail: 'thumbs/cong.jpg' },
    ]);
  });

  it('sets the generated thumbnails, keeps the author ones, drops $schema, leaves the input alone', () => {
    const published = publishedManifest(tour, new Set(['cong']));
    expect(published.$schema).toBeUndefined();
    expect(published.scenes.map((s) => s.panorama.thumbnail)).toEqual([
      'thumbs/cong.jpg',
      'panoramas/den-thuong-thumb.jpg',
      undefined,
    ]);
    expect(tour.scenes[0]?.panorama.thumbnail).toBeUndefined();
    expect(tour.$schema).toBe('../../public/schema/tour.v1.json');
    expect(Tour.safeParse(published).success).toBe(true);
  });

  it('sets no thumbnail that could not be made', () => {
    const published = publishedManifest(tour, new Set());
    expect(published.scenes[0]?.panorama.thumbnail).toBeUndefined();
  });
});

describe('content version', () => {
  const files = [
    { path: 'b.jpg', digest: fileDigest('b') },
    { path: 'a.jpg', digest: fileDigest('a') },
  ];

  it('is short, stable and independent of file order', () => {
    const version = contentVersion('{}', files);
    expect(version).toMatch(/^[0-9a-f]{12}$/);
    expect(contentVersion('{}', [...files].reverse())).toBe(version);
  });

  it('changes when the manifest, a file or a file name changes', () => {
    const version = contentVersion('{}', files);
    expect(contentVersion('{ }', files)).not.toBe(version);
    expect(contentVersion('{}', [files[0]!, { path: 'a.jpg', digest: fileDigest('A') }])).not.toBe(
      version,
    );
    expect(contentVersion('{}', [files[0]!, { path: 'c.jpg', digest: fileDigest('a') }])).not.toBe(
      version,
    );
  });
});

describe('catalogue', () => {
  it('describes a tour with the start scene thumbnail, relative to the site root', () => {
    const published = publishedManifest(tour, new Set(['cong']));
    expect(catalogueEntry(published, 'abc123')).toEqual({
      id: 'den-hung',
      title: { vi: 'Đền Hùng', en: 'Hung Kings Temple' },
      languages: ['vi', 'en'],
      defaultLanguage: 'vi',
      sceneCount: 3,
      thumbnail: 'tours/den-hung/panoramas/den-thuong-thumb.jpg',
      contentVersion: 'abc123',
    });
  });

  it('falls back to the first scene and omits a missing thumbnail', () => {
    const { startScene: _, ...rest } = publishedManifest(tour, new Set());
    const entry = catalogueEntry({ ...rest }, 'v');
    expect(entry.thumbnail).toBeUndefined();
    expect(catalogueEntry(publishedManifest(rest, new Set(['cong'])), 'v').thumbnail).toBe(
      'tours/den-hung/thumbs/cong.jpg',
    );
  });

  it('writes a versioned index sorted by id', () => {
    const entry = catalogueEntry(tour, 'v');
    const index = catalogueIndex([{ ...entry, id: 'zz' }, entry]);
    expect(index.version).toBe(1);
    expect(index.tours.map((t) => t.id)).toEqual(['den-hung', 'zz']);
  });

  it('formats the manifest the same way every time', () => {
    expect(manifestText(tour)).toBe(manifestText(Tour.parse(JSON.parse(manifestText(tour)))));
    expect(manifestText(tour).endsWith('}\n')).toBe(true);
  });
});

describe('tourRequestSegments', () => {
  it('decodes the path below /tours/', () => {
    expect(tourRequestSegments('/tours/index.json')).toEqual(['index.json']);
    expect(tourRequestSegments('/tours/demo/panoramas/a%20b.jpg?v=1')).toEqual([
      'demo',
      'panoramas',
      'a b.jpg',
    ]);
    expect(tourRequestSegments('/assets/app.js')).toBeUndefined();
  });

  it('refuses escapes, encoded or not', () => {
    for (const bad of [
      '/tours/../package.json',
      '/tours/demo/%2e%2e/%2e%2e/package.json',
      '/tours/demo/%2E%2E/x',
      '/tours/demo/..%2f..%2fpackage.json',
      '/tours/demo/..%5c..%5cpackage.json',
      '/tours/demo/a%00.jpg',
      '/tours/demo//x',
      '/tours/demo/%zz',
    ]) {
      expect(tourRequestSegments(bad), bad).toBeUndefined();
    }
  });

  it('refuses what the built site refuses: hidden names, control characters, drive letters', () => {
    for (const bad of [
      '/tours/demo/.env',
      '/tours/demo/%2egit/config',
      '/tours/demo/a%0a.jpg',
      '/tours/demo/C:x.jpg',
    ]) {
      expect(tourRequestSegments(bad), bad).toBeUndefined();
    }
    expect(tourRequestSegments('/tours/demo/audio/vi/b%C3%A0.mp3')).toEqual([
      'demo',
      'audio',
      'vi',
      'bà.mp3',
    ]);
  });
});

describe('the sample tour', () => {
  it('is valid and publishes all its panoramas, credits and licences', () => {
    const demo = Tour.parse(JSON.parse(readFileSync('tours/demo/tour.json', 'utf8')));
    const top = [
      'tour.json',
      'CREDITS.md',
      'aframe-LICENSE-MIT.txt',
      'vrview-COPYING-Apache-2.0.txt',
    ];
    const { files, unsafe } = publishedFiles(demo, top);
    expect(unsafe).toEqual([]);
    const narration = ['louvre', 'machu-picchu', 'puy-de-sancy', 'tintamarre'].flatMap((scene) =>
      ['en', 'vi'].flatMap((lang) => [`audio/${lang}/${scene}.mp3`, `audio/${lang}/${scene}.vtt`]),
    );
    expect([...files].sort()).toEqual(
      [
        'CREDITS.md',
        'aframe-LICENSE-MIT.txt',
        'panoramas/louvre.jpg',
        'panoramas/machu-picchu.jpg',
        'panoramas/puydesancy.jpg',
        'panoramas/tintamarre.jpg',
        'vrview-COPYING-Apache-2.0.txt',
        ...narration,
      ].sort(),
    );
    expect(thumbnailJobs(demo)).toHaveLength(4);
  });
});
