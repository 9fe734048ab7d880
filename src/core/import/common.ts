/**
 * What every importer shares: warnings with the source path they come from, id cleaning,
 * unit conversion and turning another tool's HTML snippets into our text. Pure: no files.
 */
import { ID_PATTERN } from '../manifest/ids.ts';
import { slugify } from '../manifest/slug.ts';
import type { LocalizedMessage } from '../manifest/problems.ts';

export interface ImportWarning {
  /** Where in the source the thing was, e.g. `scenes.hall.hotSpots[2].cssClass`. */
  path: string;
  message: LocalizedMessage;
}

/** A file to bring into the tour: `from` is relative to the source folder, `to` to the tour. */
export interface FileCopy {
  from: string;
  to: string;
}

/** A tour-relative image made from a vertical strip of cube faces (Marzipano's preview). */
export interface StripeTask {
  from: string;
  to: string;
  /** Face letters from top to bottom in the source strip. */
  order: string;
}

/**
 * One tile per cube face of a level, cut from a vertical strip of faces (Marzipano draws its
 * fallback-only level from preview.jpg; the Tool writes no tiles for it).
 */
export interface CutTask {
  from: string;
  /** Tour-relative, with `{face}` for the face letter. */
  to: string;
  /** Face letters from top to bottom in the strip. */
  order: string;
  /** Side of each face tile written, in pixels. */
  size: number;
}

/**
 * Tiles whose last row and column are not whole (Pannellum's generate.py) stitched into whole
 * faces and cut again into an even pyramid: every tile of every level `levels[i]` is
 * faceSize / nbTiles pixels square, as the cube-tiles adapter needs.
 */
export interface RecutTask {
  /** Source-relative tiles of the top level, with `{face}`, `{row}`, `{col}`. */
  from: string;
  /** Side of a whole source tile, and of the whole source face. */
  tileSize: number;
  faceSize: number;
  /** Tour-relative, with `{level}`, `{face}`, `{row}`, `{col}`. */
  to: string;
  levels: Array<{ faceSize: number; nbTiles: number }>;
  faces: readonly string[];
}

/** Six cube faces (source-relative, Pannellum's orientation) sampled into a 2:1 panorama. */
export interface SphereTask {
  /** Faces in the order f, r, b, l, u, d: files, or tile names with `{row}`, `{col}`. */
  faces: string[];
  /** When the faces are tiles: their side and the face's (the last ones may be short). */
  tiled?: { tileSize: number; faceSize: number };
  to: string;
}

/** One level of a source's tile pyramid (Pannellum multires), kept in case it must be sampled. */
export interface PyramidLevel {
  /** Source-relative, with `{face}`, `{row}`, `{col}`. */
  from: string;
  faceSize: number;
  tileSize: number;
}

export interface ImportPlan {
  /** The manifest, before the tour id and language are known everywhere. */
  manifest: Record<string, unknown>;
  copies: FileCopy[];
  stripes: StripeTask[];
  cuts: CutTask[];
  recuts: RecutTask[];
  /** Optional: only Pannellum tours mixing kinds need it. */
  spheres?: SphereTask[];
  /** Multires scenes' source levels by scene id, smallest first (pannellum-kinds samples them). */
  pyramids?: Record<string, PyramidLevel[]>;
  warnings: ImportWarning[];
}

export const warn = (path: string, vi: string, en: string): ImportWarning => ({
  path,
  message: { vi, en },
});

/** Another tool's JSON, read defensively: these return undefined for anything unexpected. */
export type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
export const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
export const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** One warning per key of `record` that is not `known`: nothing is dropped silently. */
export function reportUnknown(
  record: Json,
  known: ReadonlySet<string>,
  path: string,
  warnings: ImportWarning[],
): void {
  for (const key of Object.keys(record)) {
    if (known.has(key)) continue;
    const where = path ? `${path}.${key}` : key;
    warnings.push(
      /Func$/.test(key)
        ? warn(
            where,
            `Hàm tuỳ biến "${key}" không chuyển được.`,
            `Custom function "${key}" cannot be carried over.`,
          )
        : warn(
            where,
            `Thiết lập "${key}" không được chuyển.`,
            `Setting "${key}" is not carried over.`,
          ),
    );
  }
}

/** Turns any name into an id of ours (a–z, digits, -, at most 20), unique among `taken`. */
export function cleanId(raw: string, taken: Set<string>, fallback = 'scene'): string {
  // The editor folds names the same way: one name, one id, whichever tool made it.
  const base = slugify(raw) || fallback;
  let id = ID_PATTERN.test(base) ? base : fallback;
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 20 - String(n).length - 1)}-${n}`;
  taken.add(id);
  return id;
}

/** Degrees into (-180, 180], rounded to 0.01°. */
export function normalizeYaw(degrees: number): number {
  const wrapped = ((((degrees + 180) % 360) + 360) % 360) - 180;
  return round(wrapped === -180 ? 180 : wrapped);
}

export const clampPitch = (degrees: number): number => round(Math.max(-90, Math.min(90, degrees)));

export const radToDeg = (radians: number): number => (radians * 180) / Math.PI;

export const round = (value: number, digits = 2): number => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor || 0;
};

/** Photo Sphere Viewer's defaults, which our viewer keeps: zoom 0 is 90° high, 100 is 30°. */
const MAX_FOV = 90;
const MIN_FOV = 30;

/** Our zoom (0–100) for a vertical field of view in degrees. */
export function zoomForVerticalFov(vfov: number): number {
  const zoom = ((MAX_FOV - vfov) / (MAX_FOV - MIN_FOV)) * 100;
  return Math.round(Math.max(0, Math.min(100, zoom)));
}

/**
 * Pannellum keeps the horizontal field of view, we keep the vertical one: converted for a 16:9
 * landscape screen, the shape of the laptops tours are authored on.
 */
export function zoomForHorizontalFov(hfov: number, aspect = 16 / 9): number {
  const half = (Math.min(179, Math.max(1, hfov)) * Math.PI) / 360;
  return zoomForVerticalFov((2 * Math.atan(Math.tan(half) / aspect) * 180) / Math.PI);
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? parseInt(name.slice(2), 16)
          : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000
        ? String.fromCodePoint(code)
        : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Another tool's HTML snippet as our small Markdown subset: bold, italic, links and paragraphs
 * survive, every other tag is dropped (and reported: `droppedTags`). Never passes HTML on.
 */
export function htmlToMarkdown(html: string): { text: string; droppedTags: string[] } {
  const dropped = new Set<string>();
  const text = html
    .replace(/<\s*(script|style)[^>]*>[\s\S]*?<\s*\/\s*\1\s*>/gi, (_, tag: string) => {
      dropped.add(tag.toLowerCase());
      return '';
    })
    .replace(/<\s*br\s*\/?>/gi, '\n')
    // Lists stay lists ("- " or "1. " a line); a list inside a list is flattened into it.
    .replace(/<\s*(ul|ol)\b[^>]*>([\s\S]*?)<\s*\/\s*\1\s*>/gi, (_, kind: string, inner: string) => {
      const items = inner
        .split(/<\s*li\b[^>]*>/i)
        .slice(1)
        .map((item) => item.replace(/<\s*\/\s*(li|ul|ol)\s*>|<\s*(ul|ol)\b[^>]*>/gi, ' '))
        .map((item) => item.replace(/\s+/g, ' ').trim())
        .filter((item) => item !== '');
      const mark = (i: number) => (kind.toLowerCase() === 'ol' ? `${i + 1}.` : '-');
      return `\n\n${items.map((item, i) => `${mark(i)} ${item}`).join('\n')}\n\n`;
    })
    .replace(/<\s*\/\s*(p|div|li|h[1-6])\s*>/gi, '\n\n')
    // Attributes (`<strong data-start="12">`) do not matter to the text: the tag keeps its bold.
    .replace(/<\s*(b|strong)\b[^>]*>([\s\S]*?)<\s*\/\s*\1\s*>/gi, '**$2**')
    .replace(/<\s*(i|em)\b[^>]*>([\s\S]*?)<\s*\/\s*\1\s*>/gi, '*$2*')
    .replace(
      /<\s*a\s[^>]*href\s*=\s*["'](https?:[^"']+)["'][^>]*>([\s\S]*?)<\s*\/\s*a\s*>/gi,
      (_, href: string, label: string) => `[${label}](${href})`,
    )
    .replace(/<\s*\/?\s*([a-z0-9]+)[^>]*>/gi, (_, tag: string) => {
      const name = tag.toLowerCase();
      if (
        !['p', 'div', 'li', 'ul', 'ol', 'span', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(name)
      )
        dropped.add(name);
      return '';
    });
  const clean = decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text: clean, droppedTags: [...dropped] };
}

/** A source path as a folder-relative path, or undefined for a web address we cannot copy. */
export function localPath(...parts: Array<string | undefined>): string | undefined {
  const joined = parts.filter((part) => part !== undefined && part !== '').join('/');
  if (/^[a-z][a-z0-9+.-]*:/i.test(joined) || joined.startsWith('//')) return undefined;
  const segments: string[] = [];
  for (const segment of joined.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return segments.join('/');
}
