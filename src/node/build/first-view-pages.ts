/**
 * The build's first-view step: for every scene with an equirectangular source, posters of its
 * start view (portrait and landscape WebP, a JPEG for shared links) and a static page at
 * `<tour>/<scene>/index.html` naming them (first-view-page.ts). Posters are rendered once per
 * source content, view and encoder settings, kept in memory for the plugin's life and on disk
 * under `tours/<id>/generated/posters/` like tiles, and published under a content-hashed name
 * so they cache forever.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { contentText } from '../../core/language/content-fallback.ts';
import type { Scene, Tour } from '../../core/manifest/schema.ts';
import {
  POSTER_ORIENTATIONS,
  POSTER_SIZES,
  type PosterOrientation,
  portraitMedia,
  posterPath,
} from '../../core/first-view/poster-layout.ts';
import type { StartView } from '../../core/first-view/view-geometry.ts';
import { POSTER_QUALITY, renderPosters } from '../first-view/render-poster.ts';
import { resolveInside } from '../fs.ts';
import { loadSiteConfig } from '../publish/site-config.ts';
import { fileDigest } from './digest.ts';
import type { Publication } from './vite-plugin-tours.ts';
import { scenePageHtml, type ScenePageInfo, withTourPosters } from './first-view-page.ts';

/** Open Graph's recommended picture size (Facebook, Zalo, Messenger crop to 1.91:1). */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;
const SHARE_QUALITY = 70;
/** Bumped when the way posters are made changes, so cached ones are made again. */
const RENDER_VERSION = 'poster-1';
/** Top-level names of the built site a tour folder must not shadow. */
const RESERVED = new Set(['assets', 'tours', 'icons', 'kiosk', 'schema', 'bench']);

export interface RenderedPosters {
  posters: Record<PosterOrientation, Buffer>;
  placeholders: Record<PosterOrientation, string>;
  share: Buffer;
}

/** Posters per source content and view, for one plugin instance (never module-wide). */
export class PosterStore {
  private readonly rendered = new Map<string, Promise<RenderedPosters>>();

  /** `cacheDir`: where rendered posters are kept between builds (`generated/posters`). */
  async posters(source: string, view: StartView, cacheDir: string): Promise<RenderedPosters> {
    const key = createHash('sha256')
      .update(fileDigest(await readFile(source)))
      .update(JSON.stringify([view, POSTER_QUALITY, POSTER_SIZES, SHARE_IMAGE, RENDER_VERSION]))
      .digest('hex')
      .slice(0, 16);
    let promise = this.rendered.get(key);
    if (!promise) {
      promise = readCached(path.join(cacheDir, key)).then(
        (cached) => cached ?? render(source, view, path.join(cacheDir, key)),
      );
      this.rendered.set(key, promise);
      promise.catch(() => this.rendered.delete(key));
    }
    return promise;
  }
}

async function render(source: string, view: StartView, dir: string): Promise<RenderedPosters> {
  const set = await renderPosters(source, view);
  const share = await renderPosters(source, view, {
    orientations: ['landscape'],
    sizes: { portrait: POSTER_SIZES.portrait, landscape: SHARE_IMAGE },
    format: 'jpeg',
    quality: SHARE_QUALITY,
    placeholderWidth: 0,
  });
  const byOrientation = <T>(pick: (o: PosterOrientation) => T) =>
    Object.fromEntries(POSTER_ORIENTATIONS.map((o) => [o, pick(o)])) as Record<
      PosterOrientation,
      T
    >;
  const rendered: RenderedPosters = {
    posters: byOrientation((o) => set.posters.find((p) => p.orientation === o)!.data),
    placeholders: byOrientation((o) => set.placeholders.find((p) => p.orientation === o)!.dataUri),
    share: share.posters[0]!.data,
  };
  // A cache that cannot be written only costs the next build the same half second.
  await writeCached(dir, rendered).catch(() => undefined);
  return rendered;
}

async function writeCached(dir: string, rendered: RenderedPosters): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const o of POSTER_ORIENTATIONS)
    await writeFile(path.join(dir, `${o}.webp`), rendered.posters[o]);
  await writeFile(path.join(dir, 'share.jpg'), rendered.share);
  await writeFile(path.join(dir, 'placeholders.json'), JSON.stringify(rendered.placeholders));
}

async function readCached(dir: string): Promise<RenderedPosters | undefined> {
  try {
    const [portrait, landscape, share, placeholders] = await Promise.all([
      readFile(path.join(dir, 'portrait.webp')),
      readFile(path.join(dir, 'landscape.webp')),
      readFile(path.join(dir, 'share.jpg')),
      readFile(path.join(dir, 'placeholders.json'), 'utf8'),
    ]);
    return {
      posters: { portrait, landscape },
      placeholders: JSON.parse(placeholders) as Record<PosterOrientation, string>,
      share,
    };
  } catch {
    return undefined;
  }
}

/** What this step needs of a published tour (vite-plugin-tours.ts's Publication). */
export interface FirstViewTour {
  /** The tour folder and the manifest as authored (with `panorama.source`). */
  dir: string;
  authored: Tour;
  /** The manifest as published (tiles applied). */
  published: Tour;
}

/** The parts of Vite's output bundle this step reads. */
export type BundleView = Record<
  string,
  | { type: 'chunk'; fileName: string; facadeModuleId?: string | null; imports?: string[] }
  | { type: 'asset'; fileName: string; source?: string | Uint8Array }
>;

export interface FirstViewOutput {
  fileName: string;
  source: string | Uint8Array;
  /** The page of its tour's start scene (its poster goes into index.html's template too). */
  start?: ScenePageInfo;
}

/**
 * Modules the live viewer needs for a tiled tour: its chunk, PSV's port, the adapter, and the
 * manifest's schema (the app checks tour.json with it before the viewer starts).
 */
const VIEWER_MODULES = [
  /src\/core\/manifest\/schema\.ts$/,
  /src\/web\/viewer\/tour-viewer\.ts$/,
  /src\/web\/viewer\/psv-port\.ts$/,
  /src\/web\/viewer\/adapters\.ts$/,
];
const TILES_ADAPTER = /equirectangular-tiles-adapter/;

/** The viewer's chunks (and what they import) that index.html does not already load. */
export function viewerPreloads(bundle: BundleView, indexHtml: string, tiled: boolean): string[] {
  const patterns = tiled ? [...VIEWER_MODULES, TILES_ADAPTER] : VIEWER_MODULES;
  const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const found = new Set<string>();
  const visit = (fileName: string) => {
    if (found.has(fileName) || indexHtml.includes(`/${fileName}"`)) return;
    found.add(fileName);
    for (const imported of byName.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks) {
    const id = chunk.facadeModuleId ?? '';
    if (patterns.some((pattern) => pattern.test(id))) visit(chunk.fileName);
  }
  return [...found];
}

export interface FirstViewSite {
  /** The site's public address (site.config.json), '' when not known yet. */
  publicUrl: string;
}

/** Posters and per-scene pages of every tour; nothing for a tour whose id shadows the site. */
export async function firstViewOutput(
  tours: readonly FirstViewTour[],
  indexHtml: string,
  bundle: BundleView,
  store: PosterStore,
  site: FirstViewSite,
  warn: (message: string) => void = () => undefined,
): Promise<FirstViewOutput[]> {
  const output: FirstViewOutput[] = [];
  for (const tour of tours) {
    const id = tour.published.id;
    if (RESERVED.has(id)) {
      warn(`[tours] ${id}: no scene pages (the name "${id}" is taken by the site itself)`);
      continue;
    }
    for (const scene of tour.authored.scenes) {
      const source = scene.panorama.source && (await existingFile(tour.dir, scene.panorama.source));
      if (!source) continue;
      const published = tour.published.scenes.find((s) => s.id === scene.id) ?? scene;
      const start = scene.startView ?? { yaw: 0, pitch: 0 };
      // PSV's default zoom when the author gave none (tour-viewer.ts does the same).
      const view: StartView = { yaw: start.yaw, pitch: start.pitch, zoom: start.zoom ?? 50 };
      let rendered: RenderedPosters;
      try {
        rendered = await store.posters(source, view, path.join(tour.dir, 'generated', 'posters'));
      } catch (error) {
        warn(`[tours] ${id}/${scene.id}: no poster (${(error as Error).message})`);
        continue;
      }
      // Under generated/ like tiles: every host rule caches that folder forever.
      const prefix = `tours/${id}/generated/`;
      const named = (o: PosterOrientation) =>
        prefix + posterPath(scene.id, o, fileDigest(rendered.posters[o]));
      const sharePath =
        prefix + posterPath(scene.id, 'landscape', fileDigest(rendered.share), 'jpg');
      for (const o of POSTER_ORIENTATIONS)
        output.push({ fileName: named(o), source: rendered.posters[o] });
      output.push({ fileName: sharePath, source: rendered.share });
      const info = pageInfo(tour.published, published, {
        posters: {
          portrait: { path: named('portrait'), ...POSTER_SIZES.portrait },
          landscape: { path: named('landscape'), ...POSTER_SIZES.landscape },
        },
        placeholders: rendered.placeholders,
        sharePath,
        view,
        site,
        modulePreloads: viewerPreloads(bundle, indexHtml, Boolean(published.panorama.tiles)),
      });
      const startId = tour.published.startScene ?? tour.published.scenes[0]?.id;
      output.push({
        fileName: `${id}/${scene.id}/index.html`,
        source: scenePageHtml(indexHtml, info),
        ...(scene.id === startId ? { start: info } : {}),
      });
    }
  }
  return output;
}

function pageInfo(
  tour: Tour,
  scene: Scene,
  made: Pick<ScenePageInfo, 'posters' | 'placeholders' | 'view' | 'modulePreloads'> & {
    sharePath: string;
    site: FirstViewSite;
  },
): ScenePageInfo {
  const lang = tour.defaultLanguage;
  const text = (map: Record<string, string> | undefined) => contentText(map, lang, tour)?.text;
  const sceneTitle = text(scene.title) ?? scene.id;
  const tourTitle = text(tour.title) ?? tour.id;
  const base = made.site.publicUrl ? new URL(made.site.publicUrl) : undefined;
  return {
    tourId: tour.id,
    sceneId: scene.id,
    lang,
    title: `${sceneTitle} — ${tourTitle}`,
    description: text(scene.description) ?? text(tour.description) ?? tourTitle,
    posters: made.posters,
    placeholders: made.placeholders,
    portraitMedia: portraitMedia(),
    shareImage: base && { url: new URL(made.sharePath, base).href, ...SHARE_IMAGE },
    pageUrl: base && new URL(`${tour.id}/${scene.id}/`, base).href,
    modulePreloads: made.modulePreloads,
    // Not tour.json: the app fetches it with `cache: 'no-cache'`, which a preload does not
    // satisfy, so it would come twice.
    fetchPreloads: [],
    view: made.view,
    tiles: scene.panorama.tiles,
    preview: scene.panorama.preview,
  };
}

async function existingFile(dir: string, relative: string): Promise<string | undefined> {
  const absolute = await resolveInside(dir, relative);
  if (!absolute) return undefined;
  return (await stat(absolute).catch(() => undefined))?.isFile() ? absolute : undefined;
}

/**
 * The step as the tours plugin calls it: posters and pages for its publications, from the
 * `index.html` Vite has just made, with the public address of `site.config.json` (when the
 * file is broken, pages are still made, only without absolute share links).
 */
export async function firstViewFiles(
  publications: readonly Publication[],
  bundle: object,
  store: PosterStore,
  root: string,
  log: { warn: (message: string) => void },
  siteConfigFile?: string,
): Promise<FirstViewOutput[]> {
  const files = bundle as BundleView;
  const index = files['index.html'];
  if (index?.type !== 'asset' || index.source === undefined) return [];
  const html =
    typeof index.source === 'string' ? index.source : new TextDecoder().decode(index.source);
  const config = await loadSiteConfig(root, siteConfigFile);
  const publicUrl =
    config.ok && /^https?:\/\//.test(config.value.config.publicUrl)
      ? config.value.config.publicUrl
      : '';
  const tours = publications.map((p) => ({
    dir: p.loaded.dir,
    authored: p.loaded.tour,
    published: p.manifest,
  }));
  const output = await firstViewOutput(tours, html, files, store, { publicUrl }, (m) =>
    log.warn(m),
  );
  // After the scene pages, which are made from the index.html as Vite wrote it.
  index.source = withTourPosters(
    html,
    output.flatMap((file) => (file.start ? [file.start] : [])),
  );
  return output;
}
