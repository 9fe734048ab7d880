/**
 * A small static file server for the built site (node:http, no dependency): used by
 * `npm start`, by the end-to-end tests, and for tour files in the dev server.
 * Plain JavaScript with JSDoc types so that `node scripts/serve.mjs` runs without a compiler;
 * `static-server.d.mts` gives TypeScript callers the same types.
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */
/** @typedef {(req: IncomingMessage, res: ServerResponse) => boolean} Override */

/** @type {Readonly<Record<string, string>>} */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.opus': 'audio/ogg; codecs=opus',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
};

/** @param {string} file */
export const contentTypeOf = (file) =>
  CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Vite puts content-hashed files in `assets/`, the tiler content-hashed tile folders in
 * `generated/tiles/`: they never change and may be cached forever. Everything else (pages, manifests, tour files) is revalidated, cheaply thanks to the ETag.
 * @param {string} urlPath
 */
const cacheControlOf = (urlPath) =>
  urlPath.startsWith('/assets/') || GENERATED_TILES.test(urlPath)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
/** Tile folders are named by the hash of their source image: their content never changes. */
const GENERATED_TILES = /\/generated\/tiles\/[0-9a-f]{16}\//;

/**
 * Decodes a request path segment by segment and refuses anything that could leave the root
 * once decoded (`..`, `%2e%2e`, encoded slashes or backslashes, NUL). Works on the raw URL:
 * `new URL()` would already have resolved `%2e%2e`.
 * @param {string} rawUrl
 * @returns {string[] | undefined}
 */
export function safeSegments(rawUrl) {
  const pathOnly = rawUrl.split(/[?#]/, 1)[0] ?? '';
  if (!pathOnly.startsWith('/')) return undefined;
  /** @type {string[]} */
  const segments = [];
  for (const raw of pathOnly.slice(1).split('/')) {
    let segment;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '') continue;
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

/**
 * The real path of `relative` inside `root`, or undefined if it does not exist or lies
 * outside (symbolic links are followed, then checked).
 * @param {string} root
 * @param {string} relative
 * @returns {Promise<string | undefined>}
 */
export async function resolveInside(root, relative) {
  try {
    const realRoot = await realpath(root);
    const real = await realpath(path.join(realRoot, relative));
    return real === realRoot || real.startsWith(realRoot + path.sep) ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * @param {string | undefined} header
 * @param {number} size
 * @returns {{ start: number, end: number } | 'unsatisfiable' | undefined} undefined: whole file
 */
export function parseRange(header, size) {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  // Several ranges or another unit: answering with the whole file is allowed.
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  let start;
  let end;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

/**
 * @param {IncomingMessage} req
 * @param {string} etag
 * @param {Date} modified
 */
function isNotModified(req, etag, modified) {
  const noneMatch = req.headers['if-none-match'];
  if (noneMatch)
    return noneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*');
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(modified.getTime() / 1000) * 1000 <= since;
}

/**
 * `If-Range`: the range applies only if the client's copy is still the current one.
 * @param {IncomingMessage} req
 * @param {string} etag
 * @param {Date} modified
 */
function rangeStillValid(req, etag, modified) {
  const ifRange = req.headers['if-range'];
  return !ifRange || ifRange === etag || ifRange === modified.toUTCString();
}

/**
 * Sends one file with Content-Type, validators (ETag, Last-Modified), conditional requests
 * and single byte ranges (`<audio>` seeks with them).
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {string} file absolute path, already checked
 * @param {{ cacheControl?: string }} [options]
 */
export async function sendFile(req, res, file, options = {}) {
  const stats = await stat(file);
  const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  res.setHeader('Content-Type', contentTypeOf(file));
  res.setHeader('Cache-Control', options.cacheControl ?? 'no-cache');
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', stats.mtime.toUTCString());
  res.setHeader('Accept-Ranges', 'bytes');
  if (isNotModified(req, etag, stats.mtime)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  const range = rangeStillValid(req, etag, stats.mtime)
    ? parseRange(req.headers.range, stats.size)
    : undefined;
  if (range === 'unsatisfiable') {
    res.statusCode = 416;
    res.setHeader('Content-Range', `bytes */${stats.size}`);
    res.end();
    return;
  }
  if (!range && isCompressible(file) && acceptsGzip(req) && stats.size > 1024) {
    await sendGzipped(req, res, file, stats);
    return;
  }
  const { start, end } = range ?? { start: 0, end: stats.size - 1 };
  res.statusCode = range ? 206 : 200;
  if (range) res.setHeader('Content-Range', `bytes ${start}-${end}/${stats.size}`);
  res.setHeader('Content-Length', Math.max(0, end - start + 1));
  if (req.method === 'HEAD' || stats.size === 0) {
    res.end();
    return;
  }
  await streamTo(res, file, start, end);
}

/** Text the way static hosts serve it: gzip-compressed (images and audio are already packed). */
const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|vtt|txt|md|webmanifest|map)$/i;
/** @param {string} file */
const isCompressible = (file) => COMPRESSIBLE.test(file);
/** @param {IncomingMessage} req */
const acceptsGzip = (req) => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
/** Compressed bodies by path and version: each file is compressed once per change. */
const gzipCache = new Map();

/**
 * @param {IncomingMessage} req
 * @param {ServerResponse} res
 * @param {string} file
 * @param {import('node:fs').Stats} stats
 */
async function sendGzipped(req, res, file, stats) {
  const key = `${stats.size}:${stats.mtimeMs}`;
  let cached = gzipCache.get(file);
  if (cached?.key !== key) {
    cached = { key, body: gzipSync(await readFile(file), { level: 6 }) };
    gzipCache.set(file, cached);
  }
  res.statusCode = 200;
  res.setHeader('Content-Encoding', 'gzip');
  res.setHeader('Vary', 'Accept-Encoding');
  res.removeHeader('Accept-Ranges');
  res.setHeader('Content-Length', cached.body.length);
  res.end(req.method === 'HEAD' ? undefined : cached.body);
}

/**
 * @param {ServerResponse} res
 * @param {string} file
 * @param {number} start
 * @param {number} end
 * @returns {Promise<void>}
 */
function streamTo(res, file, start, end) {
  return new Promise((resolve) => {
    const stream = createReadStream(file, { start, end });
    stream.on('error', () => {
      res.destroy();
      resolve();
    });
    res.on('close', () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res);
  });
}

/**
 * @param {ServerResponse} res
 * @param {number} status
 * @param {string} text
 */
export function sendText(res, status, text) {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Cache-Control', 'no-cache');
  res.end(`${text}\n`);
}

/**
 * A request handler serving the files under `root` (a folder's `index.html` for the folder).
 * @param {{ root: string, override?: Override }} options
 * @returns {(req: IncomingMessage, res: ServerResponse) => Promise<void>}
 */
export function createRequestHandler({ root, override }) {
  return async (req, res) => {
    try {
      if (override?.(req, res)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.setHeader('Allow', 'GET, HEAD');
        sendText(res, 405, 'Method not allowed');
        return;
      }
      const file = await findFile(root, req.url ?? '/');
      if (!file) {
        sendText(res, 404, 'Not found');
        return;
      }
      await sendFile(req, res, file, { cacheControl: cacheControlOf(req.url ?? '/') });
    } catch (error) {
      if (!res.headersSent) sendText(res, 500, 'Server error');
      else res.destroy();
      console.error(error);
    }
  };
}

/**
 * @param {string} root
 * @param {string} rawUrl
 * @returns {Promise<string | undefined>}
 */
async function findFile(root, rawUrl) {
  const segments = safeSegments(rawUrl);
  if (!segments) return undefined;
  const found = await resolveInside(root, segments.join('/'));
  if (!found) return undefined;
  const stats = await stat(found);
  if (stats.isFile()) return found;
  if (!stats.isDirectory()) return undefined;
  const index = await resolveInside(root, [...segments, 'index.html'].join('/'));
  return index && (await stat(index)).isFile() ? index : undefined;
}

/**
 * Starts a server on `host:port`; a busy port makes it try the next ones (`port: 0` picks any
 * free port). Resolves once it listens.
 * @param {{ root: string, port?: number, host?: string, override?: Override, portAttempts?: number }} options
 * @returns {Promise<{ server: import('node:http').Server, host: string, port: number, url: string, close: () => Promise<void> }>}
 */
export async function createStaticServer({
  root,
  port = 0,
  host = '127.0.0.1',
  override,
  portAttempts = 20,
}) {
  const handler = createRequestHandler({ root, override });
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

/**
 * @param {import('node:http').Server} server
 * @param {string} host
 * @param {number} port
 * @param {number} attempts
 * @returns {Promise<number>}
 */
async function listenFrom(server, host, port, attempts) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await listenOnce(server, host, port + attempt);
    } catch (error) {
      const busy = /** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE';
      if (!busy || attempt + 1 >= attempts) throw error;
    }
  }
}

/**
 * @param {import('node:http').Server} server
 * @param {string} host
 * @param {number} port
 * @returns {Promise<number>}
 */
function listenOnce(server, host, port) {
  return new Promise((resolve, reject) => {
    const onError = (/** @type {Error} */ error) => {
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
