/**
 * Publishes the tours of `tours/` with the site: on `vite build` it writes each valid tour
 * (manifest with thumbnails, the files it references, credits and licences) and the
 * catalogue `tours/index.json` into the output; under `vite` (dev) it serves the same from
 * the source folder, generating thumbnails on demand. The rules live in `publish.ts`; this
 * file only reads, renders and writes.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import sharp from 'sharp';
import type { Plugin, ViteDevServer } from 'vite';
import { listTourFolders, MANIFEST_NAME, resolveInside } from '../fs.ts';
import { createRequestHandler, sendText } from '../serve/static-server.ts';
import { hasHiddenSegment } from './hidden-paths.ts';
import {
  describeProblem,
  hasErrors,
  isId,
  messages,
  type Problem,
  type Tour,
  validateTourText,
} from '../../core/manifest/index.ts';
import { readTileRecord } from '../tiles/tile-record.ts';
import { checkMedia, SNIFF_BYTES } from '../../core/media/index.ts';
import { MAX_MANIFEST_BYTES } from '../../core/manifest/limits.ts';
import { problem } from '../../core/manifest/problems.ts';
import { readHeadOf, readManifestText, tourFileHead } from './file-head.ts';
import { contentVersion, fileDigest } from './digest.ts';
import { FILE_LIST, offlineFileList } from './offline-files.ts';
import { tileTour } from '../tiles/tile-tour.ts';
import { firstViewFiles, PosterStore } from './first-view-pages.ts';
import {
  applyTiles,
  type TiledPanorama,
  type CatalogueEntry,
  catalogueEntry,
  catalogueIndex,
  type DigestedFile,
  manifestText,
  publishedFiles,
  publishedManifest,
  THUMBNAIL_HEIGHT,
  THUMBNAIL_QUALITY,
  THUMBNAIL_WIDTH,
  type ThumbnailJob,
  thumbnailJobs,
  tourRequestSegments,
} from '../../core/publish/publish.ts';

export interface ToursPluginOptions {
  /** Folder holding one sub-folder per tour, relative to the Vite root. */
  toursDir: string;
  /** The site settings the pages' public address comes from (`tour publish --config`). */
  siteConfigFile?: string;
}

/** A tour folder whose manifest has no errors (it may have warnings). */
export interface LoadedTour {
  id: string;
  dir: string;
  /** Path of its tour.json, as shown in messages (relative to the working directory). */
  file: string;
  tour: Tour;
  problems: Problem[];
}

/** A tour folder left out because its manifest has errors. */
export interface SkippedTour {
  id: string;
  file: string;
  problems: Problem[];
}

export interface TourListing {
  tours: LoadedTour[];
  skipped: SkippedTour[];
}

/** Everything about one tour's published version; files are absolute paths to copy. */
export interface Publication {
  loaded: LoadedTour;
  manifest: Tour;
  manifestText: string;
  files: Array<{ path: string; absolute: string }>;
  thumbnails: Array<ThumbnailJob & { absolute: string }>;
  entry: CatalogueEntry;
  warnings: string[];
}

/** Every sub-folder of `toursDir` with a tour.json, checked by the manifest validator. */
export async function listTours(toursDir: string): Promise<TourListing> {
  const listing: TourListing = { tours: [], skipped: [] };
  for (const id of await listTourFolders(toursDir)) {
    const dir = path.join(toursDir, id);
    const absolute = path.join(dir, MANIFEST_NAME);
    const text = await readManifestText(absolute).catch(() => undefined);
    if (text === undefined) continue;
    const file = path.relative(process.cwd(), absolute) || absolute;
    if (typeof text !== 'string') {
      const details = { bytes: text.tooLarge, limit: MAX_MANIFEST_BYTES };
      listing.skipped.push({ id, file, problems: [problem('manifest-too-large', details, file)] });
      continue;
    }
    // The content check (readHead) is what keeps a web page named .jpg out of the site.
    const { tour, problems } = await validateTourText(text, {
      file,
      fileExists: async (relative) => (await existingFileInside(dir, relative)) !== undefined,
      readHead: tourFileHead(dir),
    });
    if (tour && tour.id !== id) problems.push(folderMismatch(file, id, tour.id));
    if (tour && !hasErrors(problems)) listing.tours.push({ id, dir, file, tour, problems });
    else listing.skipped.push({ id, file, problems });
  }
  return listing;
}

/** Links and the published folder are named by the id: folder and id must agree. */
function folderMismatch(file: string, folder: string, id: string): Problem {
  return {
    severity: 'error',
    code: 'folder-id-mismatch',
    file,
    path: ['id'],
    message: messages.folderIdMismatch(folder, id, isId(folder)),
  };
}

export const describeSkipped = (skipped: SkippedTour): string =>
  [
    `[tours] ${skipped.file} has errors; tour "${skipped.id}" is not published:`,
    ...skipped.problems.map((problem) => `  ${describeProblem(problem)}`),
  ].join('\n');

/** Digests and thumbnails computed once per file version (per plugin instance, not global). */
export class PublishCache {
  private readonly digests = new Map<string, { key: string; digest: string }>();
  private readonly thumbs = new Map<string, { key: string; jpeg: Promise<Buffer> }>();

  async digest(file: string): Promise<string> {
    const key = await versionKey(file);
    const cached = this.digests.get(file);
    if (cached?.key === key) return cached.digest;
    const digest = fileDigest(await readFile(file));
    this.digests.set(file, { key, digest });
    return digest;
  }

  async thumbnail(source: string): Promise<Buffer> {
    const key = await versionKey(source);
    const cached = this.thumbs.get(source);
    if (cached?.key === key) return cached.jpeg;
    const jpeg = renderThumbnail(source);
    this.thumbs.set(source, { key, jpeg });
    jpeg.catch(() => this.thumbs.delete(source));
    return jpeg;
  }
}

async function versionKey(file: string): Promise<string> {
  const stats = await stat(file);
  return `${stats.size}:${stats.mtimeMs}`;
}

export function renderThumbnail(source: string): Promise<Buffer> {
  return sharp(source)
    .resize(THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT, { fit: 'cover' })
    .jpeg({ quality: THUMBNAIL_QUALITY, mozjpeg: true })
    .toBuffer();
}

/**
 * Works out a tour's published version. Missing or unsafe files become warnings (the
 * validator reports them properly); a thumbnail is promised only for an existing panorama.
 */
export async function preparePublication(
  loaded: LoadedTour,
  cache: PublishCache,
  tiled: Readonly<Record<string, TiledPanorama>> = {},
): Promise<Publication> {
  const warnings: string[] = [];
  const tour = applyTiles(loaded.tour, tiled);
  const topLevel = (await readdir(loaded.dir, { withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name);
  const selection = publishedFiles(tour, topLevel);
  for (const unsafe of selection.unsafe) {
    warnings.push(
      `${loaded.file}: "${unsafe}" is not a path inside the tour folder; not published`,
    );
  }
  const files: Publication['files'] = [];
  for (const file of selection.files) {
    const absolute = await existingFileInside(loaded.dir, file);
    if (!absolute) warnings.push(`${loaded.file}: file "${file}" is missing`);
    else if (!(await isMedia(file, absolute)))
      warnings.push(`${loaded.file}: "${file}" is not a media or text file; not published`);
    else files.push({ path: file, absolute });
  }
  const thumbnails: Publication['thumbnails'] = [];
  // Thumbnails are cut from the author's image, which is not published once tiled.
  for (const job of thumbnailJobs(loaded.tour)) {
    const absolute = await existingFileInside(loaded.dir, job.source);
    if (absolute) thumbnails.push({ ...job, absolute });
  }
  const manifest = publishedManifest(tour, new Set(thumbnails.map((t) => t.sceneId)));
  const text = manifestText(manifest);
  const digests: DigestedFile[] = [];
  for (const file of files)
    digests.push({ path: file.path, digest: await cache.digest(file.absolute) });
  const entry = catalogueEntry(manifest, contentVersion(text, digests));
  return { loaded, manifest, manifestText: text, files, thumbnails, entry, warnings };
}

/**
 * The last guard before a file reaches the site: by name and content, as the validator checks
 * referenced files, and also for the files it does not see (credits, licences, tiles).
 */
async function isMedia(relative: string, absolute: string): Promise<boolean> {
  const head = await readHeadOf(absolute);
  return checkMedia(relative, head, { partial: head.length === SNIFF_BYTES }).ok;
}

async function existingFileInside(dir: string, relative: string): Promise<string | undefined> {
  const absolute = await resolveInside(dir, relative);
  if (!absolute) return undefined;
  return (await stat(absolute)).isFile() ? absolute : undefined;
}

/** The tours found: those to publish, those left out, and what the author should know. */
export interface PreparedTours {
  publications: Publication[];
  skipped: SkippedTour[];
  /** Formatted warnings: the validator's, then missing or unsafe files. */
  warnings: string[];
}

/**
 * Lists, validates and prepares every tour of the folder. With `tile` (the build), panoramas
 * are tiled first where needed and published as tiles; the dev server serves the sources.
 */
export async function prepareAll(
  toursDir: string,
  cache: PublishCache,
  options: { tile?: (loaded: LoadedTour) => Promise<void> } = {},
): Promise<PreparedTours> {
  const listing = await listTours(toursDir);
  const publications: Publication[] = [];
  const warnings: string[] = [];
  for (const loaded of listing.tours) {
    // Dev serves the author's images as they are: always current while editing.
    let tiled = {};
    if (options.tile) {
      await options.tile(loaded);
      tiled = (await readTileRecord(loaded.dir)).sources;
    }
    const publication = await preparePublication(loaded, cache, tiled);
    warnings.push(
      ...loaded.problems.map((problem) => `[tours] ${describeProblem(problem)}`),
      ...publication.warnings.map((warning) => `[tours] ${warning}`),
    );
    publications.push(publication);
  }
  return { publications, skipped: listing.skipped, warnings };
}

export const indexText = (publications: readonly Publication[]): string =>
  `${JSON.stringify(catalogueIndex(publications.map((p) => p.entry)), null, 2)}\n`;

/** One file of the built site, relative to the output folder. */
export interface OutputFile {
  fileName: string;
  source: string | Uint8Array;
}

/** The files a build writes for the tours (read and rendered here, written by the caller). */
export async function buildOutput(
  publications: readonly Publication[],
  cache: PublishCache,
): Promise<OutputFile[]> {
  const output: OutputFile[] = [{ fileName: 'tours/index.json', source: indexText(publications) }];
  for (const publication of publications) {
    const prefix = `tours/${publication.entry.id}/`;
    output.push({ fileName: `${prefix}tour.json`, source: publication.manifestText });
    for (const file of publication.files) {
      output.push({ fileName: prefix + file.path, source: await readFile(file.absolute) });
    }
    for (const thumb of publication.thumbnails) {
      const jpeg = await cache.thumbnail(thumb.absolute);
      output.push({ fileName: prefix + thumb.thumbnail, source: jpeg });
    }
    output.push(fileListOutput(publication, output, prefix));
  }
  return output;
}

/** `files.json`: everything just output for this tour, for whole-tour offline downloads. */
function fileListOutput(
  publication: Publication,
  output: readonly OutputFile[],
  prefix: string,
): OutputFile {
  const files = output
    .filter((file) => file.fileName.startsWith(prefix))
    .map((file) => ({ path: file.fileName.slice(prefix.length), source: file.source }));
  const list = offlineFileList(publication.entry.id, publication.entry.contentVersion, files);
  return { fileName: `${prefix}${FILE_LIST}`, source: `${JSON.stringify(list, null, 1)}\n` };
}

/**
 * Prints each message once while it stays true: the dev server re-validates on every catalogue
 * request, and the terminal should not repeat itself at every page load.
 */
export function createReporter(print: (message: string) => void = console.warn) {
  let shown = new Set<string>();
  return (messages: readonly string[]): void => {
    for (const message of messages) if (!shown.has(message)) print(message);
    shown = new Set(messages);
  };
}

export function toursPlugin(options: ToursPluginOptions): Plugin {
  // State belongs to this plugin instance (one per Vite server or build), never to the module.
  const cache = new PublishCache();
  const posters = new PosterStore();
  let root = process.cwd();
  let toursDir = path.resolve(options.toursDir);
  return {
    name: 'heritage-tours',
    configResolved(config) {
      toursDir = path.resolve(config.root, options.toursDir);
      root = config.root;
    },
    // After Vite's own HTML step: the scene pages are made from the finished index.html.
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const prepared = await prepareAll(toursDir, cache, {
          tile: (loaded) => tileForBuild(loaded, this),
        });
        for (const warning of prepared.warnings) this.warn(warning);
        if (prepared.skipped.length > 0) {
          // A kiosk must never get half a catalogue: fix the tours, or move the draft away.
          this.error(`tours with errors:\n${prepared.skipped.map(describeSkipped).join('\n')}`);
        }
        for (const file of await buildOutput(prepared.publications, cache)) {
          this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
        }
        for (const file of await firstViewFiles(
          prepared.publications,
          bundle,
          posters,
          root,
          this,
          options.siteConfigFile,
        ))
          this.emitFile({ type: 'asset', fileName: file.fileName, source: file.source });
      },
    },
    configureServer(server) {
      const handle = devHandler(toursDir, cache);
      server.middlewares.use((req, res, next) => {
        // Every answer of the dev server too: the browser must never guess a type.
        res.setHeader('X-Content-Type-Options', 'nosniff');
        if (hasHiddenSegment(req.url ?? '/')) {
          sendText(res, 404, 'Not found');
          return;
        }
        handle(req, res).then(
          (handled) => {
            if (!handled) next();
          },
          (error: unknown) => {
            // Vite's error page would show the message and stack (absolute paths): the
            // terminal gets them, the browser a plain line.
            server.config.logger.error(`[tours] ${String((error as Error)?.stack ?? error)}`);
            if (res.headersSent) res.destroy();
            else sendText(res, 500, 'Server error');
          },
        );
      });
      reloadOnManifestChange(server, toursDir);
    },
  };
}

/** Tiles a tour's panoramas before publishing it, reporting progress in the build log. */
async function tileForBuild(
  loaded: LoadedTour,
  log: { info: (message: string) => void; warn: (message: string) => void },
): Promise<void> {
  const result = await tileTour(loaded.dir, loaded.tour, {
    done: (source, tiled) =>
      log.info(`[tours] ${loaded.id}: tiled ${source} (${Math.round(tiled.bytes / 1024)} KB)`),
    failed: (source, error) =>
      log.warn(`[tours] ${loaded.id}: could not tile ${source}: ${(error as Error).message}`),
  });
  if (result.tiled.length === 0 && result.skipped.length > 0)
    log.info(`[tours] ${loaded.id}: ${result.skipped.length} panoramas already tiled`);
}

/** Dev: answers every request under `/tours/`, so Vite never serves raw tour folders. */
export function devHandler(toursDir: string, cache: PublishCache) {
  // Requests reach it without their `/tours` prefix: every file it serves is a tour file.
  const files = createRequestHandler({ root: toursDir, toursAt: '/' });
  const report = createReporter();
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const raw = req.url ?? '/';
    if (!raw.startsWith('/tours/')) return false;
    const segments = tourRequestSegments(raw);
    if (!segments) {
      sendText(res, 404, 'Not found');
      return true;
    }
    if (segments.join('/') === 'index.json') {
      const prepared = await prepareAll(toursDir, cache);
      report([...prepared.skipped.map(describeSkipped), ...prepared.warnings]);
      sendJson(res, indexText(prepared.publications));
      return true;
    }
    if (await servePublished(segments, toursDir, cache, res)) return true;
    req.url = raw.slice('/tours'.length);
    await files(req, res);
    return true;
  };
}

/** The augmented manifest and generated thumbnails; false for plain files of the folder. */
async function servePublished(
  segments: string[],
  toursDir: string,
  cache: PublishCache,
  res: ServerResponse,
): Promise<boolean> {
  const [id, ...rest] = segments;
  const relative = rest.join('/');
  if (!id || (relative !== 'tour.json' && !relative.startsWith('thumbs/'))) return false;
  const listing = await listTours(toursDir);
  const loaded = listing.tours.find((tour) => tour.id === id);
  // A manifest with errors is served as it is: the viewer then says what is wrong with it
  // (the terminal already got the details with the catalogue).
  if (!loaded) return false;
  const publication = await preparePublication(loaded, cache);
  if (relative === 'tour.json') {
    sendJson(res, publication.manifestText);
    return true;
  }
  const thumb = publication.thumbnails.find((t) => t.thumbnail === relative);
  if (!thumb) return false;
  const jpeg = await cache.thumbnail(thumb.absolute);
  res.writeHead(200, {
    'Content-Type': 'image/jpeg',
    'Content-Length': jpeg.length,
    'Cache-Control': 'no-cache',
  });
  res.end(jpeg);
  return true;
}

function sendJson(res: ServerResponse, text: string): void {
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-cache',
  });
  res.end(text);
}

/**
 * A manifest is fetched by the app, not imported: Vite would not reload on its own. Not a
 * `full-reload` (that reloads every page, the editor's too, which holds the author's work and
 * has just saved): an event the viewer's page reloads on (src/web/main.ts).
 */
export const TOUR_CHANGED_EVENT = 'heritage:tour-changed';

function reloadOnManifestChange(server: ViteDevServer, toursDir: string): void {
  server.watcher.add(toursDir);
  const onChange = (file: string) => {
    if (file.startsWith(toursDir + path.sep) && path.basename(file) === 'tour.json') {
      server.ws.send(TOUR_CHANGED_EVENT, {});
    }
  };
  server.watcher.on('change', onChange);
  server.watcher.on('add', onChange);
  server.watcher.on('unlink', onChange);
}
