/**
 * Panorama checks a schema cannot express: each panorama is of exactly one kind, a tour keeps
 * to one family (one viewer shows either equirectangular or cube panoramas), tile templates
 * name every placeholder, and the files of faces and tiles exist. Tiles are checked as a set
 * so a missing tiles folder is one message, not hundreds.
 */
import {
  cubeTilePaths,
  declaredKinds,
  equirectTilePaths,
  missingPlaceholders,
  panoramaFamily,
} from './panorama.ts';
import { type Finding, finding, type JsonPath } from './problems.ts';
import { CUBE_FACES, CubeTiles, EquirectTiles } from './schema.ts';
import { isRecord } from './schema-walk.ts';

export type PanoramaFinding = Finding;

/** A panorama as read from unchecked data, with where it sits in the manifest. */
export interface PanoramaView {
  path: JsonPath;
  value: Record<string, unknown>;
}

/** Kind rules: one kind per panorama, one family per tour, complete tile templates. */
export function panoramaKindFindings(panoramas: readonly PanoramaView[]): PanoramaFinding[] {
  const findings: PanoramaFinding[] = [];
  let firstFamily: { family: string; path: JsonPath } | undefined;
  for (const { path, value } of panoramas) {
    const kinds = declaredKinds(value);
    if (kinds.length === 0) findings.push(finding('panorama-missing', {}, path));
    if (kinds.length > 1)
      findings.push(finding('panorama-kinds', { kinds: kinds.join(', ') }, path));
    findings.push(...templateFindings(path, value));
    const [kind] = kinds;
    if (kinds.length !== 1 || kind === undefined) continue;
    const family = panoramaFamily(kind);
    if (!firstFamily) firstFamily = { family, path };
    else if (firstFamily.family !== family)
      findings.push(finding('panorama-mixed', { family, first: firstFamily.family }, path));
  }
  return findings;
}

function templateFindings(path: JsonPath, value: Record<string, unknown>): PanoramaFinding[] {
  return (['tiles', 'cubeTiles'] as const).flatMap((key) => {
    const tiles = value[key];
    if (!isRecord(tiles) || typeof tiles.path !== 'string') return [];
    const missing = missingPlaceholders(tiles.path, key === 'cubeTiles');
    if (missing.length === 0) return [];
    return [finding('tile-template', { missing: missing.join(', ') }, [...path, key, 'path'])];
  });
}

/** A single file of a panorama beyond source/preview/thumbnail (the six cube faces). */
export function cubeFaceRefs(panorama: PanoramaView): Array<{ path: JsonPath; value: string }> {
  const cube = panorama.value.cube;
  if (!isRecord(cube)) return [];
  return CUBE_FACES.flatMap((face) =>
    typeof cube[face] === 'string' && cube[face] !== ''
      ? [{ path: [...panorama.path, 'cube', face], value: cube[face] }]
      : [],
  );
}

/** The tile sets of a panorama that the schema accepts, with the files they need. */
export function tileSets(panorama: PanoramaView): Array<{ path: JsonPath; files: string[] }> {
  const sets: Array<{ path: JsonPath; files: string[] }> = [];
  const equirect = EquirectTiles.safeParse(panorama.value.tiles);
  if (equirect.success)
    sets.push({
      path: [...panorama.path, 'tiles', 'path'],
      files: equirectTilePaths(equirect.data),
    });
  const cube = CubeTiles.safeParse(panorama.value.cubeTiles);
  if (cube.success)
    sets.push({ path: [...panorama.path, 'cubeTiles', 'path'], files: cubeTilePaths(cube.data) });
  return sets;
}

/** One message per tile set with missing files: how many, and the first one to look for. */
export async function tileSetFindings(
  panoramas: readonly PanoramaView[],
  exists: (path: string) => Promise<boolean>,
  normalize: (path: string) => string | undefined,
): Promise<PanoramaFinding[]> {
  const sets = panoramas.flatMap(tileSets);
  const findings = await Promise.all(
    sets.map(async ({ path, files }) => {
      const normalized = files.map(normalize);
      const unsafe = files.find((_, i) => normalized[i] === undefined);
      if (unsafe !== undefined)
        return [finding('path-outside-tour', { path: unsafe, reason: 'escapes' }, path)];
      const present = await Promise.all(normalized.map((file) => exists(file ?? '')));
      const missing = files.filter((_, i) => !present[i]);
      const [first] = missing;
      if (first === undefined) return [];
      const details = { firstTile: first, missing: missing.length, total: files.length };
      return [finding('missing-file', details, path)];
    }),
  );
  return findings.flat();
}
