/**
 * The geometry of a tile pyramid, without touching pixels: level sizes, tile grids and file
 * names. PSV's equirectangular tiles adapter wants, per level, a 2:1 image cut in a grid of
 * `cols` × `rows` (powers of two, rows = cols / 2), so tiles are square. We keep tiles between
 * 512 and 1024 px: small enough for any phone's texture limit and quick to fetch, large enough
 * that a view needs few requests.
 */
import type { EquirectTiles } from '../manifest/schema.ts';

export const MIN_TILE = 512;
/** Bump when the output changes (sizes, quality, names): every panorama is then re-tiled. */
export const PLAN_VERSION = 1;
export const PREVIEW_WIDTH = 512;
export const PREVIEW_QUALITY = 70;
export const TILE_QUALITY = 80;
/** Inside a panorama's tile folder: `{level}/{row}_{col}.jpg`, and the preview beside. */
export const TILE_TEMPLATE = '{level}/{row}_{col}.jpg';
export const PREVIEW_FILE = 'preview.jpg';
const MAX_COLS = 64;

export interface TileLevel {
  /** Width of the whole panorama at this level (height is half). */
  width: number;
  cols: number;
  rows: number;
  /** Side of a (square) tile in pixels. */
  tileSize: number;
}

/**
 * Levels from the smallest to the source's own width. Each level halves the next; the
 * smallest has two columns (one row), so the first tiles a visitor needs are few.
 */
export function planLevels(sourceWidth: number): TileLevel[] {
  const levels: TileLevel[] = [];
  let width = Math.max(2, Math.floor(sourceWidth));
  for (;;) {
    levels.unshift(levelFor(width));
    if (width / 2 < 2 * MIN_TILE) break;
    width = Math.floor(width / 2);
  }
  return levels;
}

function levelFor(approximateWidth: number): TileLevel {
  let cols = 2;
  while (cols * 2 <= MAX_COLS && approximateWidth / (cols * 2) >= MIN_TILE) cols *= 2;
  // Round to whole square tiles: the width must split into `cols` equal parts.
  const tileSize = Math.max(1, Math.round(approximateWidth / cols));
  return { width: tileSize * cols, cols, rows: cols / 2, tileSize };
}

export interface TileCell {
  level: number;
  row: number;
  col: number;
  left: number;
  top: number;
  size: number;
}

/** Every tile of one level, row by row, with its place in that level's image. */
export function levelCells(level: TileLevel, index: number): TileCell[] {
  const cells: TileCell[] = [];
  for (let row = 0; row < level.rows; row++) {
    for (let col = 0; col < level.cols; col++) {
      const size = level.tileSize;
      cells.push({ level: index, row, col, left: col * size, top: row * size, size });
    }
  }
  return cells;
}

export const tileCount = (levels: readonly TileLevel[]): number =>
  levels.reduce((sum, level) => sum + level.cols * level.rows, 0);

/** `3/1_2.jpg`: a tile's file inside its panorama folder. */
export const tileFile = (cell: Pick<TileCell, 'level' | 'row' | 'col'>): string =>
  `${cell.level}/${cell.row}_${cell.col}.jpg`;

/** The manifest's `tiles` for a pyramid stored in `dir` (tour-relative). */
export function manifestTiles(dir: string, levels: readonly TileLevel[]): EquirectTiles {
  return {
    path: `${dir}/${TILE_TEMPLATE}`,
    levels: levels.map(({ width, cols, rows }) => ({ width, cols, rows })),
  };
}

export const previewHeight = (): number => PREVIEW_WIDTH / 2;
