/**
 * The editor's write endpoint, on the dev server only (`npm run author`): lists, reads and
 * writes tour folders under `/__editor/tours`. Every request must come from this machine and
 * every path must stay inside `tours/<id>` (see `safe-path.ts`); every JSON body and answer is
 * the one `core/editor-protocol.ts` describes.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin } from 'vite';
import {
  CreateTourRequest,
  type CreateTourResponse,
  type ListToursResponse,
  type LoadManifestResponse,
  MANIFEST_FILE,
  NARRATE_SEGMENT,
  SaveManifestRequest,
  type SaveManifestResponse,
  TourSummary,
  type UploadResponse,
  WRITE_HEADER,
  WRITE_HEADER_VALUE,
} from '../../core/editor-protocol.ts';
import { isId } from '../../core/manifest/ids.ts';
import { formatManifest, newTourManifest } from './format-manifest.ts';
import { readBody, readRequest, refuse, send } from './http.ts';
import { narrate } from './narrate-endpoint.ts';
import {
  isAllowedRequest,
  isUploadablePath,
  MAX_UPLOAD_BYTES,
  parseEditorRoute,
  resolveWritablePath,
} from './safe-path.ts';

export { formatManifest, newTourManifest } from './format-manifest.ts';

export interface EditorPluginOptions {
  /** Folder holding one sub-folder per tour, relative to the Vite root (or absolute). */
  toursDir: string;
}

export function editorPlugin(options: EditorPluginOptions): Plugin {
  let toursDir = path.resolve(options.toursDir);
  return {
    name: 'heritage-editor',
    apply: 'serve',
    configResolved(config) {
      toursDir = path.resolve(config.root, options.toursDir);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!(req.url ?? '').startsWith('/__editor/')) return next();
        handle(toursDir, req, res).catch((error: unknown) => {
          send(res, 500, { error: String(error) });
        });
      });
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

async function handle(toursDir: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const allowed = isAllowedRequest({
    remoteAddress: req.socket.remoteAddress,
    host: req.headers.host,
    origin: req.headers.origin,
  });
  // A cross-site page could also fake a form post: require our own header on writes.
  const writes = req.method !== 'GET' && req.method !== 'HEAD';
  if (!allowed || (writes && req.headers[WRITE_HEADER.toLowerCase()] !== WRITE_HEADER_VALUE)) {
    return refuse(res, 403, 'forbidden');
  }
  const route = parseEditorRoute(req.url ?? '');
  if (!route) return refuse(res, 400, 'bad path');

  if (route.kind === 'list' && req.method === 'GET') return listTours(toursDir, res);
  if (route.kind === 'list' && req.method === 'POST') return createTour(toursDir, req, res);

  if (route.kind === 'manifest' && req.method === 'GET') {
    const dir = path.join(toursDir, route.id);
    const file = await resolveWritablePath(toursDir, route.id, [MANIFEST_FILE]);
    if (!file) return refuse(res, 404, 'not found');
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return refuse(res, 404, 'not found');
    const mtime = (await stat(file)).mtimeMs;
    const files = await listFiles(dir);
    return send(res, 200, { id: route.id, text, mtime, files } satisfies LoadManifestResponse);
  }

  const isNarrate = route.kind === 'file' && route.segments.join('/') === NARRATE_SEGMENT;
  if (route.kind === 'file' && req.method === 'POST' && isNarrate) {
    return narrate(toursDir, route.id, req, res);
  }

  if (route.kind === 'file' && req.method === 'PUT') {
    const isManifest = route.segments.length === 1 && route.segments[0] === MANIFEST_FILE;
    if (!isManifest && !isUploadablePath(route.segments)) {
      return refuse(res, 415, 'file type not accepted');
    }
    const target = await resolveWritablePath(toursDir, route.id, route.segments);
    if (!target) return refuse(res, 400, 'bad path');
    if (isManifest) {
      const data = await readRequest(req, res, SaveManifestRequest, {
        limit: 5 * 1024 * 1024,
        invalid: 'bad manifest',
      });
      if (!data) return;
      await writeFile(target, formatManifest(data));
      const mtime = (await stat(target)).mtimeMs;
      return send(res, 200, { saved: MANIFEST_FILE, mtime } satisfies SaveManifestResponse);
    }
    const body = await readBody(req, MAX_UPLOAD_BYTES);
    if (!body.ok) return refuse(res, 413, 'too large');
    await mkdir(path.dirname(target), { recursive: true });
    // Re-check after creating folders: nothing may have appeared as a symlink meanwhile.
    const again = await resolveWritablePath(toursDir, route.id, route.segments);
    if (again !== target) return refuse(res, 400, 'bad path');
    await writeFile(target, body.value);
    return send(res, 200, { saved: route.segments.join('/') } satisfies UploadResponse);
  }

  return refuse(res, 405, 'method not allowed');
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
  await writeFile(path.join(dir, MANIFEST_FILE), text);
  return send(res, 201, { id: input.id, text } satisfies CreateTourResponse);
}
