/**
 * The editor's write endpoint, on the dev server only (`npm run author`): lists, reads and
 * writes tour folders under `/__editor/tours`. Every request must come from this machine and
 * every path must stay inside `tours/<id>` (see `safe-path.ts`).
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin } from 'vite';
import { narrateTrack } from '../narrate/synthesise.ts';
import { ESPEAK, run } from '../narrate/tools.ts';
import { chooseVoice, parseVoiceList } from '../narrate/voices.ts';
import { isId, isLanguageCode } from '../../core/manifest/ids.ts';
import {
  isAllowedRequest,
  isUploadablePath,
  MAX_UPLOAD_BYTES,
  parseEditorRoute,
  resolveWritablePath,
} from './safe-path.ts';

export interface EditorPluginOptions {
  /** Folder holding one sub-folder per tour, relative to the Vite root (or absolute). */
  toursDir: string;
}

const TOUR_KEYS = [
  '$schema',
  'version',
  'id',
  'title',
  'description',
  'languages',
  'defaultLanguage',
  'startScene',
  'credits',
  'scenes',
];
const SCENE_KEYS = [
  'id',
  'aliases',
  'title',
  'description',
  'panorama',
  'startView',
  'narration',
  'hotspots',
];
const HOTSPOT_KEYS = [
  'id',
  'type',
  'target',
  'position',
  'title',
  'body',
  'image',
  'audio',
  'transcript',
  'url',
  'arrival',
];

function ordered(value: unknown, keys: readonly string[]): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in record) out[key] = record[key];
  for (const key of Object.keys(record)) if (!(key in out)) out[key] = record[key];
  return out;
}

/** Pretty JSON with the schema's key order, 2-space indent and a final newline: small diffs. */
export function formatManifest(data: unknown): string {
  const tour = ordered(data, TOUR_KEYS) as Record<string, unknown>;
  if (tour && Array.isArray(tour.scenes)) {
    tour.scenes = tour.scenes.map((scene: unknown) => {
      const s = ordered(scene, SCENE_KEYS) as Record<string, unknown>;
      if (s && Array.isArray(s.hotspots)) {
        s.hotspots = s.hotspots.map((hotspot: unknown) => ordered(hotspot, HOTSPOT_KEYS));
      }
      return s;
    });
  }
  return `${stringify(tour, '', '')}\n`;
}

const PRINT_WIDTH = 80;

const isFlat = (value: unknown): boolean =>
  (Array.isArray(value) ? value : Object.values(value as object)).every(
    (item) => item === null || typeof item !== 'object',
  );

/**
 * JSON with 2-space indent, where an object or array of plain values stays on one line when it
 * fits in 80 columns — the style of the hand-written manifests (`{ "yaw": 10, "pitch": 0 }`).
 */
function stringify(value: unknown, indent: string, prefix: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const array = Array.isArray(value);
  const entries: Array<[string, unknown]> = array
    ? value.map((item, i) => [String(i), item])
    : Object.entries(value).filter(([, item]) => item !== undefined);
  const [open, close] = array ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return `${open}${close}`;
  const key = (k: string) => (array ? '' : `${JSON.stringify(k)}: `);
  if (isFlat(value)) {
    const items = entries.map(([k, item]) => `${key(k)}${JSON.stringify(item)}`).join(', ');
    const inline = array ? `[${items}]` : `{ ${items} }`;
    // `prefix` is what precedes the value on its line; a trailing comma may follow.
    if (indent.length + prefix.length + inline.length + 1 <= PRINT_WIDTH) return inline;
  }
  const inner = `${indent}  `;
  const lines = entries.map(([k, item]) => `${inner}${key(k)}${stringify(item, inner, key(k))}`);
  return `${open}\n${lines.join(',\n')}\n${indent}${close}`;
}

/** The manifest a new tour starts from (no scenes yet: the editor adds them). */
export function newTourManifest(input: {
  id: string;
  title: Record<string, string>;
  languages: string[];
}): Record<string, unknown> {
  return {
    $schema: '../../public/schema/tour.v1.json',
    version: 1,
    id: input.id,
    title: input.title,
    languages: input.languages,
    defaultLanguage: input.languages[0],
    scenes: [],
  };
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

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
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
  if (!allowed || (writes && req.headers['x-tour-editor'] !== '1')) {
    return send(res, 403, { error: 'forbidden' });
  }
  const route = parseEditorRoute(req.url ?? '');
  if (!route) return send(res, 400, { error: 'bad path' });

  if (route.kind === 'list' && req.method === 'GET') {
    const entries = await readdir(toursDir, { withFileTypes: true }).catch(() => []);
    const tours = [];
    for (const entry of entries) {
      if (!entry.isDirectory() || !isId(entry.name)) continue;
      const file = path.join(toursDir, entry.name, 'tour.json');
      const text = await readFile(file, 'utf8').catch(() => undefined);
      if (text === undefined) continue;
      let title: unknown;
      try {
        title = (JSON.parse(text) as { title?: unknown }).title;
      } catch {
        title = undefined;
      }
      tours.push({ id: entry.name, title });
    }
    return send(res, 200, { tours });
  }

  if (route.kind === 'list' && req.method === 'POST') {
    const body = await readBody(req, 64 * 1024);
    if (!body) return send(res, 413, { error: 'too large' });
    let input: { id?: unknown; title?: unknown; languages?: unknown };
    try {
      input = JSON.parse(body.toString('utf8')) as typeof input;
    } catch {
      return send(res, 400, { error: 'bad json' });
    }
    const { id, title, languages } = input;
    if (
      typeof id !== 'string' ||
      !isId(id) ||
      !Array.isArray(languages) ||
      languages.length === 0 ||
      !languages.every((l) => typeof l === 'string' && isLanguageCode(l)) ||
      !title ||
      typeof title !== 'object'
    ) {
      return send(res, 400, { error: 'bad tour' });
    }
    const dir = path.join(toursDir, id);
    const exists = await stat(dir).then(
      () => true,
      () => false,
    );
    if (exists) return send(res, 409, { error: 'exists' });
    await mkdir(path.join(dir, 'panoramas'), { recursive: true });
    const manifest = newTourManifest({
      id,
      title: title as Record<string, string>,
      languages: languages as string[],
    });
    const text = formatManifest(manifest);
    await writeFile(path.join(dir, 'tour.json'), text);
    return send(res, 201, { id, text });
  }

  if (route.kind === 'manifest' && req.method === 'GET') {
    const dir = path.join(toursDir, route.id);
    const file = await resolveWritablePath(toursDir, route.id, ['tour.json']);
    if (!file) return send(res, 404, { error: 'not found' });
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) return send(res, 404, { error: 'not found' });
    const mtime = (await stat(file)).mtimeMs;
    return send(res, 200, { id: route.id, text, mtime, files: await listFiles(dir) });
  }

  if (route.kind === 'file' && req.method === 'POST' && route.segments.join('/') === '__narrate') {
    return narrate(toursDir, route.id, req, res);
  }

  if (route.kind === 'file' && req.method === 'PUT') {
    const isManifest = route.segments.length === 1 && route.segments[0] === 'tour.json';
    if (!isManifest && !isUploadablePath(route.segments)) {
      return send(res, 415, { error: 'file type not accepted' });
    }
    const target = await resolveWritablePath(toursDir, route.id, route.segments);
    if (!target) return send(res, 400, { error: 'bad path' });
    const body = await readBody(req, isManifest ? 5 * 1024 * 1024 : MAX_UPLOAD_BYTES);
    if (!body) return send(res, 413, { error: 'too large' });
    if (isManifest) {
      let data: unknown;
      try {
        data = JSON.parse(body.toString('utf8'));
      } catch {
        return send(res, 400, { error: 'bad json' });
      }
      await writeFile(target, formatManifest(data));
      return send(res, 200, { saved: 'tour.json', mtime: (await stat(target)).mtimeMs });
    }
    await mkdir(path.dirname(target), { recursive: true });
    // Re-check after creating folders: nothing may have appeared as a symlink meanwhile.
    const again = await resolveWritablePath(toursDir, route.id, route.segments);
    if (again !== target) return send(res, 400, { error: 'bad path' });
    await writeFile(target, body);
    return send(res, 200, { saved: route.segments.join('/') });
  }

  return send(res, 405, { error: 'method not allowed' });
}

/**
 * `POST /__editor/tours/<id>/__narrate` {scene, lang, text}: reads the text with espeak-ng into
 * audio/<lang>/<scene>.mp3 and .vtt (the same generator as `tour narrate`); the editor then
 * records both paths in the manifest as an ordinary, undoable change.
 */
async function narrate(
  toursDir: string,
  id: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req, 64 * 1024);
  if (!body) return send(res, 413, { error: 'too large' });
  let input: { scene?: unknown; lang?: unknown; text?: unknown };
  try {
    input = JSON.parse(body.toString('utf8')) as typeof input;
  } catch {
    return send(res, 400, { error: 'bad json' });
  }
  const { scene, lang, text } = input;
  if (
    typeof scene !== 'string' ||
    !isId(scene) ||
    typeof lang !== 'string' ||
    !isLanguageCode(lang) ||
    typeof text !== 'string' ||
    !text.trim()
  ) {
    return send(res, 400, { error: 'bad request' });
  }
  const audio = ['audio', lang, `${scene}.mp3`];
  const captions = ['audio', lang, `${scene}.vtt`];
  const audioFile = await resolveWritablePath(toursDir, id, audio);
  const captionsFile = await resolveWritablePath(toursDir, id, captions);
  if (!audioFile || !captionsFile) return send(res, 400, { error: 'bad path' });
  const env = process.env;
  const listing = await run(ESPEAK, ['--voices'], env);
  if (!listing.ok) return send(res, 500, { error: listing.error });
  const voice = chooseVoice(lang, parseVoiceList(listing.stdout));
  if (!voice) return send(res, 422, { error: `espeak-ng has no voice for "${lang}"` });
  await mkdir(path.dirname(audioFile), { recursive: true });
  const workDir = await mkdtemp(path.join(tmpdir(), 'editor-narrate-'));
  try {
    const result = await narrateTrack({
      text,
      voice,
      speed: 150,
      pause: 0.35,
      workDir,
      audioFile,
      captionsFile,
      env,
    });
    if (!result.ok) return send(res, 500, { error: result.error });
    return send(res, 200, {
      audio: audio.join('/'),
      captions: captions.join('/'),
      seconds: result.seconds,
    });
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
