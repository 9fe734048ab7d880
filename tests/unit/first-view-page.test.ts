/**
 * The scene page the build makes from index.html (first-view-page.ts), the pieces of the
 * build step that decide what it names (first-view-pages.ts), and the address and tile rules
 * of the hand-over in the app (first-view.ts, pure parts).
 */
import { describe, expect, it } from 'vitest';
import {
  scenePageHtml,
  type ScenePageInfo,
  withTourPosters,
} from '../../src/node/build/first-view-page.ts';
import { viewerPreloads, type BundleView } from '../../src/node/build/first-view-pages.ts';
import { appAddress, posterMatches } from '../../src/web/app/first-view.ts';
import { centreTiles } from '../../src/web/viewer/tile-prefetch.ts';
import { cacheControlOf, IMMUTABLE } from '../../src/node/serve/static-server.ts';

const INDEX = `<!doctype html>
<html lang="vi">
  <head>
    <meta http-equiv="Content-Security-Policy" content="script-src 'self'">
    <meta name="description" content="Tham quan di tích 360°" />
    <link rel="icon" href="./favicon.svg" type="image/svg+xml" />
    <title>Tham quan di tích 360°</title>
    <script type="module" crossorigin src="./assets/index-A.js"></script>
    <link rel="modulepreload" crossorigin href="./assets/runtime-B.js">
    <link rel="stylesheet" crossorigin href="./assets/index-C.css">
  </head>
  <body>
    <div id="app" class="app"><p class="message">Đang tải…</p></div>
  </body>
</html>`;

const TILES = {
  path: 'generated/tiles/0123456789abcdef/{level}/{row}_{col}.jpg',
  levels: [
    { width: 1024, cols: 2, rows: 1 },
    { width: 2048, cols: 4, rows: 2 },
    { width: 4096, cols: 8, rows: 4 },
  ],
};

const info = (change: Partial<ScenePageInfo> = {}): ScenePageInfo => ({
  tourId: 'demo',
  sceneId: 'den-mau',
  lang: 'vi',
  title: 'Đền Mẫu — "Hàn Sơn" <tour>',
  description: 'Sân đền',
  posters: {
    portrait: {
      path: 'tours/demo/generated/posters/den-mau.portrait.aaaaaaaaaaaa.webp',
      width: 540,
      height: 960,
    },
    landscape: {
      path: 'tours/demo/generated/posters/den-mau.landscape.bbbbbbbbbbbb.webp',
      width: 1200,
      height: 540,
    },
  },
  placeholders: {
    portrait: 'data:image/webp;base64,UA==',
    landscape: 'data:image/webp;base64,TA==',
  },
  portraitMedia: '(max-aspect-ratio: 540/960)',
  modulePreloads: ['assets/tour-viewer-D.js'],
  fetchPreloads: [],
  view: { yaw: -10, pitch: 3, zoom: 30 },
  tiles: TILES,
  ...change,
});

describe('scene page', () => {
  const page = scenePageHtml(INDEX, info());

  it('loads the same app from two folders down, keeping the CSP', () => {
    expect(page).toContain('src="../../assets/index-A.js"');
    expect(page).toContain('href="../../assets/index-C.css"');
    expect(page).toContain('href="../../favicon.svg"');
    expect(page).not.toMatch(/(href|src)="\.\//);
    expect(page).toContain(
      `<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`,
    );
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  it('names the poster before any script, and the viewer code after the poster', () => {
    const preload = page.indexOf('rel="preload" as="image"');
    expect(preload).toBeGreaterThan(0);
    expect(preload).toBeLessThan(page.indexOf('<script'));
    expect(page).toContain(
      'href="../../tours/demo/generated/posters/den-mau.portrait.aaaaaaaaaaaa.webp" media="(max-aspect-ratio: 540/960)"',
    );
    expect(page).toContain('media="not all and (max-aspect-ratio: 540/960)"');
    const poster = page.indexOf('data-testid="first-view-poster"');
    expect(poster).toBeGreaterThan(page.indexOf('<div id="app"'));
    expect(
      page.indexOf('rel="modulepreload" crossorigin="" href="../../assets/tour-viewer-D.js"'),
    ).toBeGreaterThan(poster);
    expect(page).not.toContain('Đang tải');
  });

  it('escapes author text and tells the app what the poster shows', () => {
    expect(page).toContain('<title>Đền Mẫu — &quot;Hàn Sơn&quot; &lt;tour&gt;</title>');
    expect(page).not.toContain('<tour>');
    expect(page).toContain('data-scene="den-mau"');
    expect(page).toContain(
      'data-view="{&quot;yaw&quot;:-10,&quot;pitch&quot;:3,&quot;zoom&quot;:30}"',
    );
  });

  it('has share tags; absolute image and address only when the public address is known', () => {
    expect(page).toContain(
      '<meta property="og:title" content="Đền Mẫu — &quot;Hàn Sơn&quot; &lt;tour&gt;">',
    );
    expect(page).toContain('<meta property="og:description" content="Sân đền">');
    expect(page).not.toContain('og:image');
    const shared = scenePageHtml(
      INDEX,
      info({
        shareImage: {
          url: 'https://ditich.example.vn/tours/demo/generated/posters/x.jpg',
          width: 1200,
          height: 630,
        },
        pageUrl: 'https://ditich.example.vn/demo/den-mau/',
      }),
    );
    expect(shared).toContain(
      '<meta property="og:image" content="https://ditich.example.vn/tours/demo/generated/posters/x.jpg">',
    );
    expect(shared).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(shared).toContain(
      '<meta property="og:url" content="https://ditich.example.vn/demo/den-mau/">',
    );
  });
});

describe('viewer preloads', () => {
  const bundle: BundleView = {
    'assets/index-A.js': {
      type: 'chunk',
      fileName: 'assets/index-A.js',
      facadeModuleId: '/r/src/web/main.ts',
      imports: ['assets/runtime-B.js'],
    },
    'assets/runtime-B.js': { type: 'chunk', fileName: 'assets/runtime-B.js', imports: [] },
    'assets/tour-viewer-D.js': {
      type: 'chunk',
      fileName: 'assets/tour-viewer-D.js',
      facadeModuleId: '/r/src/web/viewer/tour-viewer.ts',
      imports: ['assets/three-E.js', 'assets/runtime-B.js'],
    },
    'assets/three-E.js': { type: 'chunk', fileName: 'assets/three-E.js', imports: [] },
    'assets/tiles-F.js': {
      type: 'chunk',
      fileName: 'assets/tiles-F.js',
      facadeModuleId:
        '/r/node_modules/@photo-sphere-viewer/equirectangular-tiles-adapter/index.module.js',
    },
  };

  it('are the viewer chunk and what it imports, not what index.html loads already', () => {
    expect(viewerPreloads(bundle, INDEX, false).sort()).toEqual([
      'assets/three-E.js',
      'assets/tour-viewer-D.js',
    ]);
  });

  it('include the tiles adapter for a tiled scene', () => {
    expect(viewerPreloads(bundle, INDEX, true)).toContain('assets/tiles-F.js');
  });
});

describe('hand-over rules', () => {
  const data = { tour: 'demo', scene: 'louvre', view: { yaw: -10, pitch: 3, zoom: 30 } };

  it('puts the address back at the app, keeping query and hash', () => {
    expect(appAddress(data, '', '')).toBe('../../#/demo/louvre');
    expect(appAddress(data, '?fbclid=x', '')).toBe('../../?fbclid=x#/demo/louvre');
    expect(appAddress(data, '', '#/demo/louvre?v=1,2,50')).toBe('../../#/demo/louvre?v=1,2,50');
  });

  it('keeps the poster only for its scene at its start view', () => {
    expect(posterMatches(data, '')).toBe(true);
    expect(posterMatches(data, '#/demo/louvre')).toBe(true);
    expect(posterMatches(data, '#/demo/louvre?l=en')).toBe(true);
    expect(posterMatches(data, '#/demo/louvre?v=120,0,50')).toBe(false);
    expect(posterMatches(data, '#/demo/louvre/glass-pyramid')).toBe(false);
    expect(posterMatches(data, '#/demo/tintamarre')).toBe(false);
  });

  it('waits for the tiles in the middle of the start view at the level PSV picks', () => {
    // 360×640 phone at zoom 30: 72° tall, about 44° wide; 4096 px wide level, tiles of 45°.
    const tiles = centreTiles(TILES, data.view, { width: 360, height: 640 });
    expect(tiles).toContain('generated/tiles/0123456789abcdef/2/1_3.jpg');
    expect(tiles.every((path) => path.includes('/2/'))).toBe(true);
    expect(tiles.length).toBeGreaterThan(0);
    expect(tiles.length).toBeLessThanOrEqual(4);
  });

  it('serves posters as immutable (their name carries their digest)', () => {
    expect(cacheControlOf('/tours/demo/generated/posters/louvre.portrait.3083119543bd.webp')).toBe(
      IMMUTABLE,
    );
    expect(cacheControlOf('/demo/louvre/index.html')).toBe('no-cache');
  });
});

describe("index.html's tour posters", () => {
  it('holds each start poster in an inert template, at site-relative paths, without placeholders', () => {
    const html = withTourPosters(INDEX, [info(), info({ tourId: 'chua', sceneId: 'cong' })]);
    const template = /<template id="tour-posters">([\s\S]*?)<\/template>/.exec(html)?.[1] ?? '';
    expect(template.match(/class="first-view"/g)).toHaveLength(2);
    expect(template).toContain('data-tour="chua" data-scene="cong"');
    expect(template).toContain('src="tours/demo/generated/posters/den-mau.landscape.');
    expect(template).not.toContain('../../');
    expect(template).not.toContain('data:image');
    // Author text stays text: the title is the poster's alt, escaped.
    expect(template).toContain('alt="Đền Mẫu — &quot;Hàn Sơn&quot; &lt;tour&gt;"');
    // Nothing else of the page changes.
    expect(html.replace(/\s*<template[\s\S]*<\/template>/, '')).toBe(INDEX);
  });

  it('leaves index.html alone when no tour has a poster', () => {
    expect(withTourPosters(INDEX, [])).toBe(INDEX);
  });
});
