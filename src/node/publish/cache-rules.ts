/**
 * How each file of the built site is cached, and in what order it goes up. One table, used
 * by every uploader (S3 sets the headers per object), by `_headers` and by the README's
 * nginx/Apache rules: tiles and content-hashed assets never change under their name and are
 * cached for a year; audio is revalidated (its names are the author's, `audio/vi/gate.mp3`:
 * narration re-recorded under the same name must reach visitors at once — the ETag keeps the
 * check cheap, and a kiosk keeps its copy in the tour's cache anyway); the entry points (manifests, catalogue, pages, service worker)
 * are revalidated on every visit, and are uploaded last so a visitor never meets a new entry
 * point that names files not yet there.
 */

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
/** Everything else (icons, schema…): an hour, then revalidated. */
export const SHORT = 'public, max-age=3600';

/** Vite writes only content-hashed names there (`assets/index-C-26diaj.js`). */
const HASHED_ASSET = /^assets\//;
const TILE = /^tours\/[^/]+\/generated\//;

/** Rank in the upload order: lower first; see `isEntryPoint`. */
export function uploadRank(path: string): number {
  if (/^tours\/[^/]+\/(files|tour)\.json$/.test(path)) return 1;
  if (path === 'tours/index.json') return 2;
  if (path === 'index.html') return 4;
  if (path === 'sw.js') return 5;
  if (path.endsWith('.html') || path === 'manifest.webmanifest' || path === 'site.json') return 3;
  if (path === '_headers') return 3;
  return 0;
}

/** Files that name other files: replaced only once everything they name is in place. */
export const isEntryPoint = (path: string): boolean => uploadRank(path) > 0;

export function cacheControl(path: string): string {
  if (isEntryPoint(path)) return REVALIDATE;
  if (HASHED_ASSET.test(path) || TILE.test(path)) return IMMUTABLE;
  // Panoramas, thumbnails, audio, captions: the author's names, so same name, new content.
  if (/^tours\/[^/]+\//.test(path)) return REVALIDATE;
  if (path.endsWith('.json') || path.startsWith('workbox-')) return REVALIDATE; // kiosk config, schema
  return SHORT;
}

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  webmanifest: 'application/manifest+json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  ico: 'image/x-icon',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  m4a: 'audio/mp4',
  webm: 'audio/webm',
  vtt: 'text/vtt; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  md: 'text/plain; charset=utf-8',
  woff2: 'font/woff2',
  xml: 'application/xml',
};

export function contentType(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (!base.includes('.') || base === '_headers') return 'text/plain; charset=utf-8';
  return TYPES[base.slice(base.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';
}
