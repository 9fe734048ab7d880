/**
 * Meaning-level checks that a schema cannot express: references between scenes, unique ids,
 * languages, reachability and files. They read the data defensively, so they also run (and never
 * crash) when the schema check failed: the author then sees every problem at once.
 */
import { bodyLinkFindings } from './body-links.ts';
import { isLanguageCode } from './ids.ts';
import { checkMedia, classifyByName, SNIFF_BYTES } from '../media/index.ts';
import { failure, type Result, success } from '../result.ts';
import { type Finding, finding, type JsonPath, type Problem, problem } from './problems.ts';
import { InfoBody, LangMap, Tour } from './schema.ts';
import { isRecord, unwrap, walkWithSchema } from './schema-walk.ts';
import {
  cubeFaceRefs,
  panoramaKindFindings,
  type PanoramaView,
  tileSetFindings,
} from './panorama-semantics.ts';

export interface SemanticOptions {
  file: string;
  /** Checks that asset files exist, given their path relative to the tour folder. */
  fileExists?: (relativePath: string) => boolean | Promise<boolean>;
  /** Reads a file's first bytes (`SNIFF_BYTES` at most) to check its content; see ValidateOptions. */
  readHead?: ReadHead;
  /**
   * True when the data passed the schema. Reachability is only judged then: a malformed hotspot
   * would otherwise make scenes look unreachable.
   */
  schemaValid: boolean;
}

/** The first bytes of an existing asset file (at most `SNIFF_BYTES`), or undefined. */
export type ReadHead = (
  relativePath: string,
) => Uint8Array | undefined | Promise<Uint8Array | undefined>;

interface SceneView {
  index: number;
  id?: string;
  aliases: Array<{ alias: string; index: number }>;
  hotspots: HotspotView[];
  value: Record<string, unknown>;
}

interface HotspotView {
  index: number;
  id?: string;
  type?: string;
  target?: string;
  value: Record<string, unknown>;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});

export async function semanticProblems(
  data: unknown,
  options: SemanticOptions,
): Promise<Problem[]> {
  const tour = record(data);
  const scenes = readScenes(tour);
  const findings = [
    ...sceneIdFindings(scenes),
    ...hotspotIdFindings(scenes),
    ...sceneReferenceFindings(tour, scenes),
    ...languageFindings(tour, scenes),
    ...bodyLinkFindings(scenes),
    ...(options.schemaValid ? reachabilityFindings(tour, scenes) : []),
    ...panoramaKindFindings(scenes.filter((s) => isRecord(s.value.panorama)).map(panoramaView)),
    ...(await assetFindings(scenes, options.fileExists, options.readHead)),
  ];
  return findings.map((found) => ({ ...found, file: options.file }));
}

const panoramaView = (scene: SceneView): PanoramaView => ({
  path: ['scenes', scene.index, 'panorama'],
  value: record(scene.value.panorama),
});

function readScenes(tour: Record<string, unknown>): SceneView[] {
  return list(tour.scenes).flatMap((value, index) => {
    if (!isRecord(value)) return [];
    const aliases = list(value.aliases).flatMap((alias, i) =>
      typeof alias === 'string' ? [{ alias, index: i }] : [],
    );
    const hotspots = list(value.hotspots).flatMap((h, i) =>
      isRecord(h)
        ? [{ index: i, id: text(h.id), type: text(h.type), target: text(h.target), value: h }]
        : [],
    );
    return [{ index, id: text(value.id), aliases, hotspots, value }];
  });
}

// ── Ids ──────────────────────────────────────────────────────────────────────

function sceneIdFindings(scenes: readonly SceneView[]): Finding[] {
  const findings: Finding[] = [];
  const ids = new Map<string, number>();
  for (const scene of scenes) {
    if (scene.id === undefined) continue;
    const first = ids.get(scene.id);
    if (first === undefined) ids.set(scene.id, scene.index);
    else {
      const details = { id: scene.id, otherScene: first + 1 };
      findings.push(finding('duplicate-scene-id', details, ['scenes', scene.index, 'id']));
    }
  }
  return [...findings, ...aliasFindings(scenes, ids)];
}

/** An alias that collides is always the one to remove: ids are what links use today. */
function aliasFindings(scenes: readonly SceneView[], ids: ReadonlyMap<string, number>): Finding[] {
  const findings: Finding[] = [];
  const owners = new Map<string, string>();
  for (const scene of scenes) {
    for (const { alias, index } of scene.aliases) {
      const path = ['scenes', scene.index, 'aliases', index];
      const idIndex = ids.get(alias);
      const owner = owners.get(alias);
      if (idIndex !== undefined) {
        const details = { alias, sceneNumber: idIndex + 1 };
        findings.push(finding('duplicate-scene-alias', details, path));
      } else if (owner !== undefined) {
        findings.push(finding('duplicate-scene-alias', { alias, owner }, path));
      } else owners.set(alias, scene.id ?? alias);
    }
  }
  return findings;
}

function hotspotIdFindings(scenes: readonly SceneView[]): Finding[] {
  return scenes.flatMap((scene) => {
    const seen = new Set<string>();
    return scene.hotspots.flatMap((hotspot) => {
      if (hotspot.id === undefined) return [];
      const duplicate = seen.has(hotspot.id);
      seen.add(hotspot.id);
      const path = ['scenes', scene.index, 'hotspots', hotspot.index, 'id'];
      return duplicate ? [finding('duplicate-hotspot-id', { id: hotspot.id }, path)] : [];
    });
  });
}

// ── References between scenes ────────────────────────────────────────────────

function sceneReferenceFindings(
  tour: Record<string, unknown>,
  scenes: readonly SceneView[],
): Finding[] {
  const ids = [...new Set(scenes.flatMap((scene) => (scene.id === undefined ? [] : [scene.id])))];
  const known = new Set(ids);
  const aliasOf = new Map(
    scenes.flatMap((scene) => scene.aliases.map(({ alias }) => [alias, scene.id ?? ''] as const)),
  );
  // An empty owner (an alias of a scene without id) reads as no alias, as it always has.
  const describe = (ref: string, field: string) => ({
    ref,
    field,
    aliasOf: aliasOf.get(ref) || undefined,
    ids,
  });
  const findings: Finding[] = [];
  const start = text(tour.startScene);
  if (start !== undefined && !known.has(start)) {
    findings.push(finding('unknown-start-scene', describe(start, 'startScene'), ['startScene']));
  }
  for (const scene of scenes) {
    for (const hotspot of scene.hotspots) {
      if (hotspot.type !== 'scene' || hotspot.target === undefined) continue;
      const path = ['scenes', scene.index, 'hotspots', hotspot.index, 'target'];
      if (!known.has(hotspot.target)) {
        findings.push(finding('unknown-scene-target', describe(hotspot.target, 'target'), path));
      } else if (hotspot.target === scene.id) {
        findings.push(finding('self-link', { id: hotspot.target }, path));
      }
    }
  }
  return findings;
}

/** Scenes that no chain of scene hotspots leads to from the start scene. */
function reachabilityFindings(
  tour: Record<string, unknown>,
  scenes: readonly SceneView[],
): Finding[] {
  const start = text(tour.startScene) ?? scenes[0]?.id;
  const byId = new Map(scenes.map((scene) => [scene.id, scene]));
  if (start === undefined || !byId.has(start)) return [];
  const reached = new Set([start]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const hotspot of byId.get(id)?.hotspots ?? []) {
      const target = hotspot.type === 'scene' ? hotspot.target : undefined;
      if (target !== undefined && byId.has(target) && !reached.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  return scenes.flatMap((scene) =>
    scene.id === undefined || reached.has(scene.id)
      ? []
      : [finding('unreachable-scene', { id: scene.id, start }, ['scenes', scene.index, 'id'])],
  );
}

// ── Languages ────────────────────────────────────────────────────────────────

function languageFindings(tour: Record<string, unknown>, scenes: readonly SceneView[]): Finding[] {
  const languages = list(tour.languages).filter((l): l is string => typeof l === 'string');
  if (languages.length === 0) return [];
  const findings: Finding[] = [];
  languages.forEach((lang, index) => {
    if (languages.indexOf(lang) < index) {
      findings.push(finding('duplicate-language', { lang }, ['languages', index]));
    }
  });
  // Malformed codes are the schema's to report; judging maps against them would only add noise.
  const unique = [...new Set(languages.filter(isLanguageCode))];
  if (unique.length === 0) return findings;
  const defaultLanguage = text(tour.defaultLanguage);
  if (defaultLanguage !== undefined && !unique.includes(defaultLanguage)) {
    const details = { lang: defaultLanguage, languages: unique };
    findings.push(finding('unknown-default-language', details, ['defaultLanguage']));
  }
  const fallback = defaultLanguage ?? unique[0] ?? 'vi';
  return [
    ...findings,
    ...languageMapFindings(tour, unique, fallback),
    ...keyedByLanguageFindings(scenes, unique),
  ];
}

/** Every visitor text: keys must be tour languages, and every tour language should be there. */
function languageMapFindings(
  tour: unknown,
  languages: readonly string[],
  fallback: string,
): Finding[] {
  const findings: Finding[] = [];
  walkWithSchema(Tour, tour, (schema, value, path) => {
    const map = unwrap(schema);
    if ((map !== LangMap && map !== InfoBody) || !isRecord(value)) return;
    const keys = Object.keys(value);
    for (const key of keys.filter((k) => isLanguageCode(k) && !languages.includes(k))) {
      findings.push(finding('unlisted-language', { lang: key, languages }, [...path, key]));
    }
    // What the viewer shows instead: the default language, else any text present.
    const present = keys.filter((key) => (text(value[key]) ?? '').trim() !== '');
    const shown = present.includes(fallback) ? fallback : present[0];
    const missing = languages.filter((lang) => !present.includes(lang));
    if (shown === undefined && keys.length > 0) {
      // Every language blank: visitors would see nothing at all.
      findings.push(finding('empty-text', { blankEverywhere: true }, path));
    } else if (shown !== undefined && missing.length > 0) {
      findings.push(finding('missing-translation', { missing, fallback: shown }, path));
    }
  });
  return findings;
}

/** Narration and audio hotspots are keyed by language too; a missing one simply falls back. */
function keyedByLanguageFindings(
  scenes: readonly SceneView[],
  languages: readonly string[],
): Finding[] {
  const unlisted = (map: unknown) =>
    Object.keys(record(map)).filter((k) => isLanguageCode(k) && !languages.includes(k));
  return scenes.flatMap((scene) => [
    ...unlisted(scene.value.narration).map((lang) =>
      finding('unlisted-narration-language', { lang, languages }, [
        'scenes',
        scene.index,
        'narration',
        lang,
      ]),
    ),
    ...scene.hotspots.flatMap((hotspot) =>
      hotspot.type !== 'audio'
        ? []
        : unlisted(hotspot.value.audio).map((lang) =>
            finding('unlisted-language', { lang, languages }, [
              'scenes',
              scene.index,
              'hotspots',
              hotspot.index,
              'audio',
              lang,
            ]),
          ),
    ),
  ]);
}

// ── Files ────────────────────────────────────────────────────────────────────

/** The normal form of a manifest path, or the problem (`path-outside-tour`, `path-backslash`). */
export type AssetPathCheck = Result<string>;

/**
 * Whether a manifest path stays inside the tour folder, and its normal form ("./a/../b.jpg" →
 * "b.jpg"). Backslashes are refused rather than converted: they break on web servers.
 * `file` and `at` place the problem (the manifest, the JSON path of the value).
 */
export function checkAssetPath(value: string, file = '', at: JsonPath = []): AssetPathCheck {
  const outside = (reason: 'absolute' | 'url' | 'escapes') =>
    failure<string>(problem('path-outside-tour', { path: value, reason }, file, at));
  if (/^[A-Za-z]:[\\/]/.test(value) || value.startsWith('/') || value.startsWith('\\')) {
    return outside('absolute');
  }
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value)) return outside('url');
  if (value.includes('\\')) {
    const fixed = value.replace(/\\/g, '/');
    return failure(problem('path-backslash', { path: value, fixed }, file, at));
  }
  const segments: string[] = [];
  for (const segment of value.split('/')) {
    if (segment === '..') {
      if (segments.pop() === undefined) return outside('escapes');
    } else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return success(segments.join('/'));
}

interface AssetRef {
  path: JsonPath;
  value: string;
}

function assetRefs(scenes: readonly SceneView[]): AssetRef[] {
  const refs: AssetRef[] = [];
  const add = (value: unknown, path: JsonPath) => {
    if (typeof value === 'string' && value !== '') refs.push({ path, value });
  };
  for (const scene of scenes) {
    const base = ['scenes', scene.index];
    const panorama = record(scene.value.panorama);
    for (const key of ['source', 'preview', 'thumbnail'])
      add(panorama[key], [...base, 'panorama', key]);
    for (const face of cubeFaceRefs(panoramaView(scene))) add(face.value, face.path);
    for (const [lang, track] of Object.entries(record(scene.value.narration))) {
      for (const key of ['audio', 'captions'])
        add(record(track)[key], [...base, 'narration', lang, key]);
    }
    for (const hotspot of scene.hotspots) {
      const at = [...base, 'hotspots', hotspot.index];
      if (hotspot.type === 'info') add(hotspot.value.image, [...at, 'image']);
      if (hotspot.type !== 'audio') continue;
      for (const [lang, file] of Object.entries(record(hotspot.value.audio)))
        add(file, [...at, 'audio', lang]);
    }
  }
  return refs;
}

async function assetFindings(
  scenes: readonly SceneView[],
  fileExists: SemanticOptions['fileExists'],
  readHead?: ReadHead,
): Promise<Finding[]> {
  const checked = new Map<string, Promise<boolean>>();
  const exists = (path: string): Promise<boolean> => {
    let result = checked.get(path);
    if (!result) {
      // A failing callback is a missing file, not a crash of the validator.
      result = Promise.resolve()
        .then(() => fileExists?.(path) ?? true)
        .catch(() => false);
      checked.set(path, result);
    }
    return result;
  };
  const findings = await Promise.all(
    assetRefs(scenes).map(async ({ path, value }): Promise<Finding[]> => {
      const check = checkAssetPath(value, '', path);
      if (!check.ok) return check.problems.map(asFinding);
      // Only media enter a tour: a page or a drawing (.html, .svg) would run script on the
      // site, whatever the manifest says it is.
      if (!classifyByName(check.value))
        return [finding('media-not-allowed', { path: value }, path)];
      if (fileExists && !(await exists(check.value))) {
        return [finding('missing-file', { path: value }, path)];
      }
      return readHead ? contentFindings(value, check.value, path, readHead) : [];
    }),
  );
  // Tile templates name their files' extension ("…/{col}_{row}.jpg"): checked on the template,
  // without listing every tile.
  const templates = scenes.flatMap((scene) =>
    (['tiles', 'cubeTiles'] as const).flatMap((key) => {
      const template = record(record(scene.value.panorama)[key]).path;
      if (typeof template !== 'string' || template === '' || classifyByName(template)) return [];
      const path = ['scenes', scene.index, 'panorama', key, 'path'];
      return [finding('media-not-allowed', { path: template }, path)];
    }),
  );
  const tiles = fileExists
    ? await tileSetFindings(scenes.map(panoramaView), exists, (path) => {
        const check = checkAssetPath(path);
        return check.ok ? check.value : undefined;
      })
    : [];
  return [...findings.flat(), ...templates, ...tiles];
}

/** The content check (magic bytes) of one existing file, placed at its JSON path. */
async function contentFindings(
  shown: string,
  relative: string,
  path: JsonPath,
  readHead: ReadHead,
): Promise<Finding[]> {
  // An unreadable file is no crash of the validator: the existence check speaks for it.
  const bytes = await Promise.resolve()
    .then(() => readHead(relative))
    .catch(() => undefined);
  if (bytes === undefined) return [];
  const head = bytes.subarray(0, SNIFF_BYTES);
  const checked = checkMedia(shown, head, { partial: head.length === SNIFF_BYTES });
  return checked.ok ? [] : checked.problems.map((found) => ({ ...asFinding(found), path }));
}

/** A problem of this module's checks, before its file is added (key order of the report). */
const asFinding = ({ severity, code, path, message }: Problem): Finding => ({
  severity,
  code,
  path,
  message,
});
