/**
 * The kinds of panorama a scene can have, and the files each kind is made of. One place for
 * the tile path conventions, so the validator, the publisher, the offline download and the
 * viewer all agree on which files a panorama needs.
 */
import { CUBE_FACE_LETTERS, CUBE_FACES, type CubeFace } from './cube.ts';
import type { CubeTiles, EquirectTiles, Panorama } from './schema.ts';

export type PanoramaKind = 'equirect' | 'cube' | 'cube-tiles';

/** The kinds a panorama declares: exactly one is valid (checked in semantics). */
export function declaredKinds(panorama: Partial<Panorama>): PanoramaKind[] {
  const kinds: PanoramaKind[] = [];
  if (panorama.source !== undefined || panorama.tiles !== undefined) kinds.push('equirect');
  if (panorama.cube !== undefined) kinds.push('cube');
  if (panorama.cubeTiles !== undefined) kinds.push('cube-tiles');
  return kinds;
}

/** The kind of a valid panorama (the first declared one for an invalid panorama). */
export const panoramaKind = (panorama: Panorama): PanoramaKind | undefined =>
  declaredKinds(panorama)[0];

/** Adapter family a viewer needs: one PSV viewer shows one family. */
export const panoramaFamily = (kind: PanoramaKind): 'equirect' | 'cube' =>
  kind === 'equirect' ? 'equirect' : 'cube';

export interface TilePlace {
  level: number;
  col: number;
  row: number;
  face?: CubeFace;
}

/** Fills a tile path template: `tiles/hall/{level}/{face}{row}_{col}.jpg` → `tiles/hall/2/f1_3.jpg`. */
export function tilePath(template: string, place: TilePlace): string {
  return template
    .replaceAll('{level}', String(place.level))
    .replaceAll('{col}', String(place.col))
    .replaceAll('{row}', String(place.row))
    .replaceAll('{face}', place.face ? CUBE_FACE_LETTERS[place.face] : '');
}

/** Placeholders a template lacks: without them, several tiles would share one file. */
export function missingPlaceholders(template: string, cube: boolean): string[] {
  const needed = ['{level}', '{col}', '{row}', ...(cube ? ['{face}'] : [])];
  return needed.filter((placeholder) => !template.includes(placeholder));
}

/** Every tile of an equirectangular pyramid, level by level. */
export function equirectTilePaths(tiles: EquirectTiles): string[] {
  return tiles.levels.flatMap((level, index) =>
    grid(level.cols, level.rows).map(([col, row]) =>
      tilePath(tiles.path, { level: index, col, row }),
    ),
  );
}

/** Every tile of a cube pyramid, level by level and face by face. */
export function cubeTilePaths(tiles: CubeTiles): string[] {
  return tiles.levels.flatMap((level, index) =>
    CUBE_FACES.flatMap((face) =>
      grid(level.nbTiles, level.nbTiles).map(([col, row]) =>
        tilePath(tiles.path, { level: index, col, row, face }),
      ),
    ),
  );
}

/** Every file the panorama is made of (image, faces, tiles, preview, thumbnail). */
export function panoramaFiles(panorama: Panorama): string[] {
  return [
    ...(panorama.source ? [panorama.source] : []),
    ...(panorama.tiles ? equirectTilePaths(panorama.tiles) : []),
    ...(panorama.cube ? CUBE_FACES.map((face) => panorama.cube?.[face] ?? '') : []),
    ...(panorama.cubeTiles ? cubeTilePaths(panorama.cubeTiles) : []),
    ...(panorama.preview ? [panorama.preview] : []),
    ...(panorama.thumbnail ? [panorama.thumbnail] : []),
  ];
}

/**
 * The single image a thumbnail or a poster can be cut from: the equirectangular source, else
 * the preview (equirectangular, or a row of cube faces), else the front face.
 */
export function representativeImage(panorama: Panorama): string | undefined {
  return panorama.source ?? panorama.preview ?? panorama.cube?.front;
}

function grid(cols: number, rows: number): Array<[number, number]> {
  const cells: Array<[number, number]> = [];
  for (let row = 0; row < rows; row++) for (let col = 0; col < cols; col++) cells.push([col, row]);
  return cells;
}
