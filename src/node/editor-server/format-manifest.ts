/**
 * How the editor writes tour.json: the schema's key order, 2-space indent, short objects on one
 * line, a final newline — the style of the hand-written manifests, so a save makes a small diff.
 */

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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` with `keys` first (in that order), then its other keys as they were. */
function ordered(value: unknown, keys: readonly string[]): unknown {
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of keys) if (key in value) out[key] = value[key];
  for (const [key, item] of Object.entries(value)) if (!(key in out)) out[key] = item;
  return out;
}

/** Pretty JSON with the schema's key order, 2-space indent and a final newline: small diffs. */
export function formatManifest(data: unknown): string {
  const tour = ordered(data, TOUR_KEYS);
  if (isRecord(tour) && Array.isArray(tour.scenes)) {
    tour.scenes = tour.scenes.map((scene: unknown) => {
      const s = ordered(scene, SCENE_KEYS);
      if (isRecord(s) && Array.isArray(s.hotspots)) {
        s.hotspots = s.hotspots.map((hotspot: unknown) => ordered(hotspot, HOTSPOT_KEYS));
      }
      return s;
    });
  }
  return `${stringify(tour, '', '')}\n`;
}

const PRINT_WIDTH = 80;

const isFlat = (value: object): boolean =>
  (Array.isArray(value) ? value : Object.values(value)).every(
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
