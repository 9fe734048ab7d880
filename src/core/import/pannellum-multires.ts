/**
 * Pannellum multires scenes (generate.py's pyramids) as cube tiles of ours: copied when every
 * level is whole tiles in a power-of-two grid, else planned for a re-cut (node/import/recut.ts).
 * The source levels are kept in `plan.pyramids`, should the scene need sampling into a 2:1
 * picture (pannellum-kinds.ts). Pure: no files.
 */
import {
  type ImportPlan,
  type Json,
  isRecord,
  localPath,
  num,
  reportUnknown,
  str,
  warn,
} from './common.ts';
import { CUBEMAP_ORDER } from './pannellum-kinds.ts';

const MULTIRES_KEYS = new Set([
  'basePath',
  'path',
  'extension',
  'tileResolution',
  'maxLevel',
  'cubeResolution',
]);

/** Beyond these no real multires config goes (pannellum.org's largest: 8432 px, maxLevel 6). */
export const MAX_CUBE_RESOLUTION = 16_384;
export const MAX_SOURCE_TILES = 50_000;
/** Side of the tiles an uneven pyramid is cut again into (at most). */
const RECUT_TILE = 512;

/**
 * An even pyramid for a face of `faceSize` px: the top level has a power-of-two number of
 * tiles per side, each at most RECUT_TILE and all the same size; each level below halves both.
 */
export function evenPyramid(faceSize: number): Array<{ faceSize: number; nbTiles: number }> {
  const top = 2 ** Math.max(0, Math.ceil(Math.log2(faceSize / RECUT_TILE)));
  const tile = Math.floor(faceSize / top);
  const levels = [];
  for (let n = 1; n <= top; n *= 2) levels.push({ faceSize: tile * n, nbTiles: n });
  return levels;
}

/**
 * Multires tiles are copied when every level cuts into equal tiles in a power-of-two grid
 * (what our viewer's cube-tiles adapter needs); Pannellum's levels count from 1, ours from 0.
 * generate.py's pyramids never do (cube size 8·int(width/π/8), last tiles cut short): their
 * top level is stitched and cut again (a RecutTask, carried out with sharp).
 */
export function convertMultires(
  id: string,
  scene: Json,
  at: (key: string) => string,
  plan: ImportPlan,
  skip: (vi: string, en: string) => undefined,
): Json | undefined {
  const multi = isRecord(scene.multiRes) ? scene.multiRes : {};
  reportUnknown(multi, MULTIRES_KEYS, at('multiRes'), plan.warnings);
  const tile = num(multi.tileResolution);
  const maxLevel = num(multi.maxLevel);
  const cube = num(multi.cubeResolution);
  const template = str(multi.path);
  const ext = str(multi.extension) ?? 'jpg';
  if (!tile || !maxLevel || !cube || !template)
    return skip(
      'multiRes thiếu path, tileResolution, maxLevel hoặc cubeResolution.',
      'multiRes lacks path, tileResolution, maxLevel or cubeResolution.',
    );
  // Checked before anything is listed: `cubeResolution 2^30, tileResolution 1` is 10^18 tiles.
  const topTiles = Math.ceil(cube / tile);
  if (
    cube > MAX_CUBE_RESOLUTION ||
    6 * topTiles * topTiles > MAX_SOURCE_TILES ||
    !Number.isInteger(maxLevel) ||
    maxLevel < 1 ||
    maxLevel > 16 ||
    !Number.isInteger(cube) ||
    tile < 16
  )
    return skip(
      `multiRes đòi ${cube} px mỗi mặt, mảnh ${tile} px, ${maxLevel} mức — quá lớn hoặc không hợp lệ (tối đa ${MAX_CUBE_RESOLUTION} px, ${MAX_SOURCE_TILES} mảnh); hãy tạo lại mảnh bằng generate.py.`,
      `multiRes asks for ${cube} px faces, ${tile} px tiles, ${maxLevel} levels — too large or invalid (at most ${MAX_CUBE_RESOLUTION} px, ${MAX_SOURCE_TILES} tiles); tile it again with generate.py.`,
    );
  const levels = [];
  let even = true;
  for (let level = 1; level <= maxLevel; level++) {
    const faceSize = Math.floor(cube / 2 ** (maxLevel - level));
    const nbTiles = Math.ceil(faceSize / tile);
    // Pannellum cuts at tileResolution from the top left: the tiles are all equal (what the
    // cube-tiles adapter assumes) only when the face is a whole number of them.
    if ((nbTiles > 1 && faceSize !== nbTiles * tile) || (nbTiles & (nbTiles - 1)) !== 0)
      even = false;
    levels.push({ faceSize, nbTiles });
  }
  const root = localPath(str(scene.basePath), str(multi.basePath));
  if (root === undefined)
    return skip('đường dẫn mảnh là địa chỉ web.', 'its tiles are at a web address.');
  const name = (level: number, face: string, row: number | string, col: number | string) =>
    localPath(
      root,
      `${template
        .replaceAll('%l', String(level))
        .replaceAll('%s', face)
        .replaceAll('%x', String(col))
        .replaceAll('%y', String(row))}.${ext}`,
    )!;
  const path = `tiles/${id}/{level}/{face}{row}_{col}.${even ? ext : 'jpg'}`;
  (plan.pyramids ??= {})[id] = levels.map(({ faceSize }, index) => ({
    from: name(index + 1, '{face}', '{row}', '{col}'),
    faceSize,
    tileSize: tile,
  }));
  if (!even) {
    const pyramid = evenPyramid(cube);
    plan.recuts.push({
      from: name(maxLevel, '{face}', '{row}', '{col}'),
      tileSize: tile,
      faceSize: cube,
      to: path,
      levels: pyramid,
      faces: CUBEMAP_ORDER,
    });
    plan.warnings.push(
      warn(
        at('multiRes'),
        `Mảnh của cảnh "${id}" không đều (${cube} px / ${tile} px): đã ghép từng mặt và cắt lại thành ${pyramid.length} mức.`,
        `Scene "${id}"'s tiles are uneven (${cube} px / ${tile} px): each face was stitched and cut again into ${pyramid.length} levels.`,
      ),
    );
    return { cubeTiles: { path, levels: pyramid, flipTopBottom: true } };
  }
  levels.forEach(({ nbTiles }, index) => {
    for (const face of CUBEMAP_ORDER)
      for (let row = 0; row < nbTiles; row++)
        for (let col = 0; col < nbTiles; col++)
          plan.copies.push({
            from: name(index + 1, face, row, col),
            to: `tiles/${id}/${index}/${face}${row}_${col}.${ext}`,
          });
  });
  return { cubeTiles: { path, levels, flipTopBottom: true } };
}
