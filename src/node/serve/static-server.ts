/**
 * Serves a folder of static files the way a static host does: `sirv` answers (content types,
 * ETag and 304, byte ranges for `<audio>`, precompressed `.br`/`.gz` siblings) and
 * `@polka/compression` gzips text on the fly — the pair `vite preview` uses. Used by
 * `npm start`, the end-to-end tests, the bench, and for tour files in the dev server.
 *
 * Our own code is only what a host adds or what sirv leaves out: the path check (the one in
 * `core/paths.ts`, then real paths, since author folders may hold symbolic links), the cache
 * rules of DESIGN.md, UTF-8 for text, GET/HEAD only, and a port that moves on when busy.
 * Tour files are served with the type of their media format (`servedType`: never a page or
 * a drawing that could run script), and every answer says `nosniff`, so no browser guesses.
 * Error answers are short fixed texts: never a path or an internal message.
 */
import compression from '@polka/compression';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { lookup } from 'mrmime';
import sirv from 'sirv';
import { decodePathSegments, requestPath } from '../../core/paths.ts';
import { resolveInside } from '../fs.ts';
import { servedType } from '../../core/media/index.ts';

/** Return true when the request was answered (the file is then not served). */
export type Override = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface StaticServerOptions {
  root: string;
  /** 0 (the default): any free port. Otherwise a busy port makes it try the next ones. */
  port?: number;
  host?: string;
  override?: Override;
  portAttempts?: number;
  /** URL prefix of the tour files (default `/tours/`), served with their media type. */
  toursAt?: string;
}

export interface StaticServer {
  server: Server;
  host: string;
  port: number;
  /** `http://host:port/`, with the final slash. */
  url: string;
  close(): Promise<void>;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Tile folders are named by the hash of their source image: their content never changes. */
const GENERATED_TILES = /\/generated\/tiles\/[0-9a-f]{16}\//;
/** Posters carry a digest of their content in their name (first-view-pages.ts). */
const POSTER = /\/generated\/posters\/[^/]+\.[0-9a-f]{12}\.(webp|jpg)$/;

/**
 * Vite's content-hashed `assets/` and the hashed tile folders are cached forever; everything
 * else (pages, sw.js, manifests, catalogue, tour files) is revalidated, cheaply with the ETag.
 */
export const cacheControlOf = (urlPath: string): string =>
  urlPath.startsWith('/assets/') || GENERATED_TILES.test(urlPath) || POSTER.test(urlPath)
    ? IMMUTABLE
    : 'no-cache';

/**
 * Text types are UTF-8 (sirv says so only for HTML); unknown types are plain bytes. A tour's
 * files (under `toursAt`) get the type of their media format: an `evil.html` or `evil.svg`
 * that reached a tour folder is a download, never a page running on the site.
 */
function contentTypeOf(urlPath: string, toursAt: string): string {
  if (urlPath.startsWith(toursAt)) return servedType(urlPath);
  const type = lookup(urlPath);
  if (!type) return 'application/octet-stream';
  return /^text\/|[/+]json$|^image\/svg/.test(type) ? `${type}; charset=utf-8` : type;
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  res.end(`${text}\n`);
}

/**
 * The file a request names under `root` (a folder's `index.html` for the folder), as the
 * path to hand to sirv, or undefined when it is refused or missing.
 */
async function findFile(root: string, rawUrl: string): Promise<string[] | undefined> {
  const path = requestPath(rawUrl).replace(/\/$/, '');
  if (!path.startsWith('/') && path !== '') return undefined;
  const segments = path === '' ? [] : decodePathSegments(path.slice(1));
  if (!segments) return undefined;
  for (const candidate of [segments, [...segments, 'index.html']]) {
    const real = await resolveInside(root, candidate.join('/'));
    const stats = real === undefined ? undefined : await stat(real);
    if (stats?.isFile()) return candidate;
    if (!stats?.isDirectory()) return undefined;
  }
  return undefined;
}

/**
 * sirv reads one `bytes=start-[end]` range with end > 0 correctly; any other Range header is
 * dropped, and the whole file sent (a server may ignore a range).
 */
function keepSimpleRange(req: IncomingMessage): void {
  const range = req.headers.range;
  if (range === undefined) return;
  const match = /^bytes=(\d+)-(\d*)$/.exec(range.trim());
  const [start, end] = [Number(match?.[1]), match?.[2] ? Number(match[2]) : Infinity];
  if (!match || end === 0 || end < start) delete req.headers.range;
}

/** A request handler serving the files under `root`. */
export function createRequestHandler({
  root,
  override,
  toursAt = '/tours/',
}: {
  root: string;
  override?: Override;
  toursAt?: string;
}) {
  const files = sirv(root, {
    // Stat on every request: tests and the dev server change files while serving them.
    dev: true,
    etag: true,
    gzip: true,
    brotli: true,
    extensions: [],
    setHeaders: (res, pathname) => {
      res.setHeader('Cache-Control', cacheControlOf(pathname));
      res.setHeader('Content-Type', contentTypeOf(pathname, toursAt));
    },
  });
  const compress = compression({ threshold: 1024 });
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      res.setHeader('X-Content-Type-Options', 'nosniff');
      if (override?.(req, res)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        sendText(res, 405, 'Method not allowed');
        return;
      }
      const segments = await findFile(root, req.url ?? '/');
      if (!segments) {
        sendText(res, 404, 'Not found');
        return;
      }
      // sirv decodes with decodeURI, which leaves `%23` and `%3F` alone: names with # or ?
      // are never published (see normalizeAssetPath), so encodeURI round-trips every other.
      req.url = encodeURI(`/${segments.join('/')}`);
      const notFound = () => sendText(res, 404, 'Not found');
      keepSimpleRange(req);
      // A byte range is of the file as stored: never compress it.
      if (req.headers.range) files(req, res, notFound);
      else compress(req, res, () => files(req, res, notFound));
    } catch (error) {
      if (!res.headersSent) sendText(res, 500, 'Server error');
      else res.destroy();
      console.error(error);
    }
  };
}

/**
 * Starts a server on `host:port`; a busy port makes it try the next ones (`port: 0` picks any
 * free port). Resolves once it listens.
 */
export async function createStaticServer({
  root,
  port = 0,
  host = '127.0.0.1',
  override,
  portAttempts = 20,
  toursAt,
}: StaticServerOptions): Promise<StaticServer> {
  const handler = createRequestHandler({ root, override, toursAt });
  const server = createServer((req, res) => void handler(req, res));
  const bound = await listenFrom(server, host, port, port === 0 ? 1 : portAttempts);
  return {
    server,
    host,
    port: bound,
    url: `http://${host}:${bound}/`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function listenFrom(server: Server, host: string, port: number, attempts: number) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await listenOnce(server, host, port + attempt);
    } catch (error) {
      const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!busy || attempt + 1 >= attempts) throw error;
    }
  }
}

function listenOnce(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
