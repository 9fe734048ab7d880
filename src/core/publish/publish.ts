/**
 * Publishing a tour: the pure rules. Given a parsed manifest (and, for the version, the bytes
 * of its files), compute what is published: the augmented manifest, the list of files to copy,
 * the thumbnails to generate and the catalogue entry. No file system, no Vite: the glue in
 * `vite-plugin-tours.ts` (build and dev server) reads and writes, this module decides.
 */
import { type CatalogueEntry, type CatalogueIndex, INDEX_VERSION } from '../manifest/catalogue.ts';
import { panoramaFiles, representativeImage } from '../manifest/panorama.ts';
import type { EquirectTiles, Tour } from '../manifest/schema.ts';
import { decodePathSegments, requestPath } from '../paths.ts';

export { type CatalogueEntry, type CatalogueIndex, INDEX_VERSION };
export const THUMBNAIL_WIDTH = 512;
export const THUMBNAIL_HEIGHT = 256;
export const THUMBNAIL_QUALITY = 70;
/** Folder (inside each published tour) of the generated thumbnails. */
export const THUMBS_DIR = 'thumbs';

/** A thumbnail the publisher must render: from `source` to `thumbnail` (tour-relative). */
export interface ThumbnailJob {
  sceneId: string;
  source: string;
  thumbnail: string;
}

/** A file that belongs to the published version, with its digest (see `fileDigest`). */
export interface DigestedFile {
  path: string;
  digest: string;
}

/**
 * A tour-relative asset path in canonical form (`a/b.jpg`), or undefined when it could leave
 * the tour folder or is not a plain relative path (absolute, URL, backslash, `..`).
 */
export function normalizeAssetPath(path: string): string | undefined {
  if (
    path === '' ||
    path.startsWith('/') ||
    /[\\\0?#]/.test(path) ||
    /^[a-z][a-z0-9+.-]*:/i.test(path)
  ) {
    return undefined;
  }
  const segments = path.split('/').filter((segment) => segment !== '.' && segment !== '');
  if (segments.length === 0 || segments.includes('..')) return undefined;
  return segments.join('/');
}

/** Every asset path the manifest names, as written (unsafe ones included: callers filter). */
export function manifestAssetPaths(tour: Tour): string[] {
  const paths: string[] = [];
  for (const scene of tour.scenes) {
    paths.push(...panoramaFiles(scene.panorama));
    for (const track of Object.values(scene.narration ?? {})) {
      if (track.audio) paths.push(track.audio);
      if (track.captions) paths.push(track.captions);
    }
    for (const hotspot of scene.hotspots) {
      if (hotspot.type === 'info' && hotspot.image) paths.push(hotspot.image);
      if (hotspot.type === 'audio') paths.push(...Object.values(hotspot.audio));
    }
  }
  return paths;
}

/**
 * Credits and licence texts at the top of a tour folder travel with it (licences such as
 * CC BY-SA require the notice to accompany the copies): `CREDITS.md`, `LICENSE`,
 * `aframe-LICENSE-MIT.txt`, `COPYING`, `NOTICE`…
 */
export function isLegalFile(name: string): boolean {
  return /(^|[-_.])(credits|licen[cs]e|copying|notice)([-_.]|$)/i.test(name) && !name.includes('/');
}

/** Result of `publishedFiles`: what to copy, and the paths refused as unsafe. */
export interface FileSelection {
  files: string[];
  unsafe: string[];
}

/**
 * The files of the tour folder to publish beside the manifest: those the manifest references
 * plus the credits and licences (`topLevelNames`: names of the files at the folder's top).
 * Sorted and without duplicates, so the content version does not depend on manifest order.
 */
export function publishedFiles(tour: Tour, topLevelNames: readonly string[]): FileSelection {
  const files = new Set<string>();
  const unsafe: string[] = [];
  for (const path of manifestAssetPaths(tour)) {
    const normalized = normalizeAssetPath(path);
    if (normalized) files.add(normalized);
    else unsafe.push(path);
  }
  for (const name of topLevelNames) if (isLegalFile(name)) files.add(name);
  files.delete('tour.json');
  return { files: [...files].sort(), unsafe };
}

export const thumbnailPath = (sceneId: string): string => `${THUMBS_DIR}/${sceneId}.jpg`;

/** Scenes without an author-made thumbnail get one generated from their panorama. */
export function thumbnailJobs(tour: Tour): ThumbnailJob[] {
  return tour.scenes.flatMap((scene) => {
    const image = representativeImage(scene.panorama);
    const source = image === undefined ? undefined : normalizeAssetPath(image);
    if (scene.panorama.thumbnail || !source) return [];
    return [{ sceneId: scene.id, source, thumbnail: thumbnailPath(scene.id) }];
  });
}

/**
 * The manifest as published: each scene has a `panorama.thumbnail` (the generated one where
 * the author gave none, if it could be made: `madeThumbnails` holds those scene ids). The
 * `$schema` hint is dropped: it points into the source tree, which is not published.
 */
export function publishedManifest(tour: Tour, madeThumbnails: ReadonlySet<string>): Tour {
  const { $schema: _editorHint, ...rest } = tour;
  return {
    ...rest,
    scenes: tour.scenes.map((scene) =>
      scene.panorama.thumbnail || !madeThumbnails.has(scene.id)
        ? scene
        : { ...scene, panorama: { ...scene.panorama, thumbnail: thumbnailPath(scene.id) } },
    ),
  };
}

/** What the tiler made for one source image (see `src/tiles/tile-record.ts`). */
export interface TiledPanorama {
  preview: string;
  tiles: EquirectTiles;
}

/**
 * Scenes whose source image was tiled get its tiles (and its preview when the author gave
 * none) and lose the source: visitors, and offline copies, download only tiles.
 */
export function applyTiles(tour: Tour, tiled: Readonly<Record<string, TiledPanorama>>): Tour {
  return {
    ...tour,
    scenes: tour.scenes.map((scene) => {
      const { source, tiles, ...rest } = scene.panorama;
      const made = source && !tiles ? tiled[normalizeAssetPath(source) ?? ''] : undefined;
      if (!made) return scene;
      return {
        ...scene,
        panorama: { ...rest, tiles: made.tiles, preview: rest.preview ?? made.preview },
      };
    }),
  };
}

/** The published manifest's text: stable formatting, so its digest is stable too. */
export const manifestText = (tour: Tour): string => `${JSON.stringify(tour, null, 2)}\n`;

export const startSceneOf = (tour: Tour) =>
  tour.scenes.find((scene) => scene.id === tour.startScene) ?? tour.scenes[0];

/** The catalogue entry of a published tour (`published`: the output of `publishedManifest`). */
export function catalogueEntry(published: Tour, version: string): CatalogueEntry {
  const thumbnail = startSceneOf(published)?.panorama.thumbnail;
  const safeThumbnail = thumbnail ? normalizeAssetPath(thumbnail) : undefined;
  return {
    id: published.id,
    title: published.title,
    ...(published.description ? { description: published.description } : {}),
    languages: published.languages,
    defaultLanguage: published.defaultLanguage,
    sceneCount: published.scenes.length,
    ...(safeThumbnail ? { thumbnail: `tours/${published.id}/${safeThumbnail}` } : {}),
    contentVersion: version,
  };
}

export function catalogueIndex(entries: readonly CatalogueEntry[]): CatalogueIndex {
  return {
    version: INDEX_VERSION,
    tours: [...entries].sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/**
 * Splits a request path below `/tours/` into decoded segments, refusing anything that could
 * leave the folder once decoded (the rules of `decodePathSegments`).
 */
export function tourRequestSegments(rawPath: string, prefix = '/tours/'): string[] | undefined {
  const path = requestPath(rawPath);
  return path.startsWith(prefix) ? decodePathSegments(path.slice(prefix.length)) : undefined;
}
