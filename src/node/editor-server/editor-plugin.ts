/**
 * The editor's endpoint, on the dev server only (`npm run author`): lists, reads and writes
 * tour folders under `/__editor/tours`. Only the editor's own page may call it (`caller.ts`:
 * its exact origin and the secret made at start); every path must stay inside `tours/<id>`
 * (`safe-path.ts`); uploads stream to disk (`uploads.ts`); every JSON body and answer is the
 * one `core/editor-protocol.ts` describes; no answer carries a path on disk or an internal
 * error's text.
 */
import { mkdir, readdir, readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';
import {
  BACKUPS_SEGMENT,
  CreateTourRequest,
  type CreateTourResponse,
  type ListToursResponse,
  type LoadManifestResponse,
  MANIFEST_FILE,
  NARRATE_SEGMENT,
  SaveManifestRequest,
  type SaveManifestResponse,
  SESSION_URL,
  type SessionResponse,
  TourSummary,
  type UploadResponse,
} from '../../core/editor-protocol.ts';
import { isId } from '../../core/manifest/ids.ts';
import { MAX_MANIFEST_BYTES } from '../../core/manifest/limits.ts';
import { backupsRoute, keepBackup } from './backups.ts';
import { callerFacts, isEditorCall, makeToken, mayReceiveToken } from './caller.ts';
import { formatManifest, newTourManifest } from './format-manifest.ts';
import { readRequest, refuse, send } from './http.ts';
import { narrate } from './narrate-endpoint.ts';
import { handleSite, type SiteEndpointContext, SiteServices } from './site-endpoint.ts';
import { isUnusedFilesRoute, unusedFilesRoute } from './unused-files.ts';
import {
  isAcceptableName,
  isUploadablePath,
  MAX_UPLOAD_BYTES,
  parseEditorRoute,
  resolveWritablePath,
} from './safe-path.ts';
import { streamUpload, UploadSlots, writeWhole } from './uploads.ts';

export { formatManifest, newTourManifest } from './format-manifest.ts';

export interface EditorPluginOptions {
  /** Folder holding one sub-folder per tour, relative to the Vite root (or absolute). */
  toursDir: string;
  /** Where site.config.json and the credentials file are (default: the Vite root). */
  siteDir?: string;
}

export interface EditorEndpointOptions {
  /** The tours folder (a function: Vite resolves it against the root only once configured). */
  toursDir: () => string;
  /** The secret of this server start (default: a new random one). */
  token?: string;
  /** Where an unexpected error is told in full (the answer says only "internal error"). */
  logError?: (message: string) => void;
  uploadSlots?: UploadSlots;
  /** The repository (vite.config.ts, index.html) and the site settings' folder (default cwd). */
  root?: () => string;
  siteDir?: () => string;
  siteServices?: SiteServices;
}

/** The credentials file must never be served by the dev server (`?raw` included). */
const CREDENTIALS_PATH = /(^|\/)\.publish-credentials[^/]*$/i;

/** The endpoint as one connect middleware: `/__editor/…` handled, anything else passed on. */
export function editorEndpoint(options: EditorEndpointOptions): Connect.NextHandleFunction {
  const token = options.token ?? makeToken();
  const slots = options.uploadSlots ?? new UploadSlots();
  const logError = options.logError ?? ((message: string) => console.error(message));
  const services = options.siteServices ?? new SiteServices();
  return (req, res, next) => {
    const rawPath = (req.url ?? '').split(/[?#]/, 1)[0] ?? '';
    let pathOnly = rawPath;
    try {
      pathOnly = decodeURIComponent(rawPath);
    } catch {
      // Not a valid escape: Vite refuses it; the raw text is checked.
    }
    if (CREDENTIALS_PATH.test(pathOnly)) return refuse(res, 404, 'not found');
    if (!(req.url ?? '').startsWith('/__editor/')) return next();
    const toursDir = options.toursDir();
    const root = options.root?.() ?? process.cwd();
    const site = { root, siteDir: options.siteDir?.() ?? root, toursDir, services };
    const context: Context = { toursDir, token, slots, site };
    handle(context, req, res).catch((error: unknown) => {
      logError(
        `[tour editor] ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      refuse(res, 500, 'internal error');
    });
  };
}

export function editorPlugin(options: EditorPluginOptions): Plugin {
  let toursDir = path.resolve(options.toursDir);
  let root = process.cwd();
  const siteServices = new SiteServices();
  return {
    name: 'heritage-editor',
    apply: 'serve',
    configResolved(config) {
      toursDir = path.resolve(config.root, options.toursDir);
      root = config.root;
    },
    configureServer(server) {
      const endpoint = editorEndpoint({
        toursDir: () => toursDir,
        root: () => root,
        siteDir: () => path.resolve(root, options.siteDir ?? '.'),
        siteServices,
        logError: (message) => server.config.logger.error(message),
      });
      // The phone preview ends with the editor.
      server.httpServer?.once('close', () => void siteServices.phone.stop());
      // First of all middlewares: Vite 8 puts its CORS middleware before the plugins' ones, and
      // its default answers the preflight of any localhost origin with approval (issue 21,
      // finding 2). The endpoint must never meet it: it answers no Access-Control-* at all.
      server.middlewares.stack.unshift({ route: '', handle: endpoint });
      server.httpServer?.once('listening', () => {
        const address = server.httpServer?.address();
        if (address && typeof address === 'object') {
          setTimeout(() => {
            server.config.logger.info(
              `\n  Tour editor / Trình soạn tour: http://127.0.0.1:${address.port}/editor/\n`,
            );
          }, 50);
        }
      });
    },
  };
}

interface Context {
  toursDir: string;
  token: string;
  slots: UploadSlots;
  site: SiteEndpointContext;
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const relative = prefix + entry.name;
    if (entry.isDirectory())
      out.push(...(await listFiles(path.join(dir, entry.name), `${relative}/`)));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

async function handle(context: Context, req: IncomingMessage, res: ServerResponse) {
  const { toursDir } = context;
  const facts = callerFacts(req);
  const pathOnly = (req.url ?? '').split(/[?#]/, 1)[0];
  if (pathOnly === SESSION_URL) {
    if (req.method !== 'GET' || !mayReceiveToken(facts)) return refuse(res, 403, 'forbidden');
    return send(res, 200, { token: context.token } satisfies SessionResponse);
  }
  // Reads too: a tour's files are the author's, not any local page's.
  if (!isEditorCall(facts, context.token)) return refuse(res, 403, 'forbidden');
  if (await handleSite(context.site, req, res)) return;
  const route = parseEditorRoute(req.url ?? '');
  if (!route) return refuse(res, 400, 'bad path');

  if (route.kind === 'list' && req.method === 'GET') return listTours(toursDir, res);
  if (route.kind === 'list' && req.method === 'POST') return createTour(toursDir, req, res);

  if (route.kind === 'manifest' && req.method === 'GET') {
    const file = await resolveWritablePath(toursDir, route.id, [MANIFEST_FILE]);
    if (!file) return refuse(res, 404, 'not found');
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return refuse(res, 404, 'not found');
    const mtime = (await stat(file)).mtimeMs;
    const files = await listFiles(path.dirname(file));
    return send(res, 200, { id: route.id, text, mtime, files } satisfies LoadManifestResponse);
  }

  if (route.kind === 'file' && route.segments[0] === BACKUPS_SEGMENT) {
    return backupsRoute(toursDir, route.id, route.segments.slice(1), req, res);
  }

  if (route.kind === 'file' && req.method === 'POST' && isUnusedFilesRoute(route.segments)) {
    return unusedFilesRoute(toursDir, route.id, route.segments, req, res);
  }

  const isNarrate = route.kind === 'file' && route.segments.join('/') === NARRATE_SEGMENT;
  if (route.kind === 'file' && req.method === 'POST' && isNarrate) {
    return narrate(toursDir, route.id, req, res);
  }

  if (route.kind === 'file' && req.method === 'PUT') {
    if (!isAcceptableName(route.segments))
      return refuse(res, 400, 'file name too long or not allowed');
    const isManifest = route.segments.length === 1 && route.segments[0] === MANIFEST_FILE;
    if (!isManifest && !isUploadablePath(route.segments)) {
      return refuse(res, 415, 'file type not accepted');
    }
    const target = await resolveWritablePath(toursDir, route.id, route.segments);
    if (!target) return refuse(res, 400, 'bad path');
    if (isManifest) {
      const data = await readRequest(req, res, SaveManifestRequest, {
        limit: MAX_MANIFEST_BYTES,
        invalid: 'bad manifest',
      });
      if (!data) return;
      const text = formatManifest(data);
      // The version replaced stays as a dated backup (backups.ts).
      await keepBackup(target, text);
      if (!(await writeWhole(target, text))) return refuse(res, 400, 'bad path');
      const mtime = (await stat(target)).mtimeMs;
      return send(res, 200, { saved: MANIFEST_FILE, mtime } satisfies SaveManifestResponse);
    }
    return upload(context, req, res, route.id, route.segments);
  }

  return refuse(res, 405, 'method not allowed');
}

/** `PUT /__editor/tours/<id>/<path>`: a picture, sound or captions file, streamed to disk. */
async function upload(
  context: Context,
  req: IncomingMessage,
  res: ServerResponse,
  id: string,
  segments: string[],
): Promise<void> {
  if (!context.slots.take()) {
    return refuse(res, 503, 'busy', { headers: { 'Retry-After': '1', Connection: 'close' } });
  }
  try {
    const relative = segments.join('/');
    const target = await resolveWritablePath(context.toursDir, id, segments);
    if (!target) return refuse(res, 400, 'bad path');
    await mkdir(path.dirname(target), { recursive: true });
    // Re-check after creating folders: nothing may have appeared as a symlink meanwhile.
    const again = await resolveWritablePath(context.toursDir, id, segments);
    if (again !== target) return refuse(res, 400, 'bad path');
    const outcome = await streamUpload(req, target, relative, MAX_UPLOAD_BYTES);
    if (!outcome.ok) {
      const headers: Record<string, string> = outcome.status === 413 ? { Connection: 'close' } : {};
      return refuse(res, outcome.status, outcome.error, { message: outcome.message, headers });
    }
    return send(res, 200, { saved: relative } satisfies UploadResponse);
  } finally {
    context.slots.release();
  }
}

/** `GET /__editor/tours`: every folder with a tour.json, with its title when it has one. */
async function listTours(toursDir: string, res: ServerResponse): Promise<void> {
  const entries = await readdir(toursDir, { withFileTypes: true }).catch(() => []);
  const tours: TourSummary[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory() || !isId(entry.name)) continue;
    const text = await readFile(path.join(toursDir, entry.name, MANIFEST_FILE), 'utf8').catch(
      () => undefined,
    );
    if (text === undefined) continue;
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    const title =
      typeof data === 'object' && data !== null ? Reflect.get(data, 'title') : undefined;
    // The protocol's summary drops a title that is not a language map (a hand-written typo).
    tours.push(TourSummary.parse({ id: entry.name, title }));
  }
  return send(res, 200, { tours } satisfies ListToursResponse);
}

/** `POST /__editor/tours`: a folder with an empty manifest, refused when it exists. */
async function createTour(toursDir: string, req: IncomingMessage, res: ServerResponse) {
  const input = await readRequest(req, res, CreateTourRequest, {
    limit: 64 * 1024,
    invalid: 'bad tour',
  });
  if (!input) return;
  const dir = path.join(toursDir, input.id);
  const exists = await stat(dir).then(
    () => true,
    () => false,
  );
  if (exists) return refuse(res, 409, 'exists');
  await mkdir(path.join(dir, 'panoramas'), { recursive: true });
  const text = formatManifest(newTourManifest(input));
  await writeWhole(path.join(dir, MANIFEST_FILE), text);
  return send(res, 201, { id: input.id, text } satisfies CreateTourResponse);
}
