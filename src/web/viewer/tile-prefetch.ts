/**
 * Which tiles a scene will show first, so they can be fetched while the visitor is still
 * looking at the previous scene. Mirrors how PSV's tiles adapter picks a level (the first
 * whose resolution covers the viewer at the current field of view) and keeps a margin of one
 * tile around the view. Pure: the viewer decides when to fetch.
 */
import { tilePath } from '../../core/manifest/panorama.ts';
import type { EquirectTiles, Tour } from '../../core/manifest/schema.ts';

export interface ArrivalView {
  yaw: number;
  pitch: number;
  /** PSV zoom level 0–100. */
  zoom: number;
}

export interface ViewerGeometry {
  width: number;
  height: number;
  /** PSV's defaults: the vertical field of view at zoom 0 and 100. */
  maxFov?: number;
  minFov?: number;
}

const toRad = (deg: number) => (deg * Math.PI) / 180;
const toDeg = (rad: number) => (rad * 180) / Math.PI;

export function fieldOfView(zoom: number, viewer: ViewerGeometry): { h: number; v: number } {
  const maxFov = viewer.maxFov ?? 90;
  const minFov = viewer.minFov ?? 30;
  const v = maxFov - (Math.min(100, Math.max(0, zoom)) / 100) * (maxFov - minFov);
  const h = toDeg(2 * Math.atan(Math.tan(toRad(v) / 2) * (viewer.width / viewer.height)));
  return { h, v };
}

/** Index of the level PSV will load for this field of view and viewer size. */
export function levelFor(
  tiles: EquirectTiles,
  fov: { h: number; v: number },
  viewer: ViewerGeometry,
) {
  const index = tiles.levels.findIndex(
    (level) =>
      (level.width / 360) * fov.h >= viewer.width &&
      (level.width / 2 / 180) * fov.v >= viewer.height,
  );
  return index === -1 ? tiles.levels.length - 1 : index;
}

/** The field of view from `view`, the level PSV loads for it and that level's cell size. */
function viewGrid(tiles: EquirectTiles, view: ArrivalView, viewer: ViewerGeometry) {
  const fov = fieldOfView(view.zoom, viewer);
  const levelIndex = levelFor(tiles, fov, viewer);
  const level = tiles.levels[levelIndex]!;
  return { fov, levelIndex, level, colWidth: 360 / level.cols, rowHeight: 180 / level.rows };
}

/** Tour-relative paths of the tiles visible (plus a margin) from the arrival view. */
export function arrivalTiles(
  tiles: EquirectTiles,
  view: ArrivalView,
  viewer: ViewerGeometry,
): string[] {
  const { fov, levelIndex, level, colWidth, rowHeight } = viewGrid(tiles, view, viewer);
  const top = Math.min(90, view.pitch + fov.v / 2);
  const bottom = Math.max(-90, view.pitch - fov.v / 2);
  // Near a pole every column is in view.
  const nearPole = top >= 80 || bottom <= -80;
  const halfWidth = nearPole
    ? 180
    : fov.h / 2 / Math.cos(toRad(Math.min(75, Math.abs(view.pitch))));
  const firstRow = Math.max(0, Math.floor((90 - top) / rowHeight) - 1);
  const lastRow = Math.min(level.rows - 1, Math.floor((90 - bottom) / rowHeight) + 1);
  const cols = new Set<number>();
  const from = Math.floor((view.yaw - halfWidth + 180) / colWidth) - 1;
  const to = Math.floor((view.yaw + halfWidth + 180) / colWidth) + 1;
  for (let c = from; c <= to && cols.size < level.cols; c++)
    cols.add(((c % level.cols) + level.cols) % level.cols);
  // Centre first: callers that fetch only some get those the visitor sees first.
  const centreCol = Math.floor(((((view.yaw + 180) % 360) + 360) % 360) / colWidth);
  const centreRow = Math.floor((90 - view.pitch) / rowHeight);
  const colDistance = (col: number) => {
    const d = Math.abs(col - centreCol);
    return Math.min(d, level.cols - d);
  };
  const cells: Array<{ row: number; col: number; distance: number }> = [];
  for (let row = firstRow; row <= lastRow; row++) {
    for (const col of cols)
      cells.push({ row, col, distance: Math.abs(row - centreRow) + colDistance(col) });
  }
  cells.sort((a, b) => a.distance - b.distance || a.row - b.row || a.col - b.col);
  return cells.map(({ row, col }) => tilePath(tiles.path, { level: levelIndex, row, col }));
}

/**
 * Tour-relative paths of the tiles covering the middle half of the start view (both ways):
 * PSV asks for those on arrival whatever margin it keeps, so they are what is worth fetching
 * before its code runs (first-view.ts); more would cost a slow line more than they bring.
 */
export function centreTiles(
  tiles: EquirectTiles,
  view: ArrivalView,
  viewer: ViewerGeometry,
): string[] {
  const { fov, levelIndex, level, colWidth, rowHeight } = viewGrid(tiles, view, viewer);
  const halfWidth = fov.h / 4;
  const halfHeight = fov.v / 4;
  const firstRow = Math.max(0, Math.floor((90 - (view.pitch + halfHeight)) / rowHeight));
  const lastRow = Math.min(
    level.rows - 1,
    Math.floor((90 - (view.pitch - halfHeight)) / rowHeight),
  );
  const cols = new Set<number>();
  const from = Math.floor((view.yaw - halfWidth + 180) / colWidth);
  const to = Math.floor((view.yaw + halfWidth + 180) / colWidth);
  for (let c = from; c <= to && cols.size < level.cols; c++)
    cols.add(((c % level.cols) + level.cols) % level.cols);
  const paths: string[] = [];
  for (let row = firstRow; row <= lastRow; row++)
    for (const col of cols) paths.push(tilePath(tiles.path, { level: levelIndex, row, col }));
  return paths;
}

/** Most tiles fetched ahead per linked scene: a view on a phone needs about this many. */
const MAX_TILES_PER_SCENE = 12;

/** The arrival tiles of every tiled scene the given scene links to. */
export function neighbourTiles(tour: Tour, sceneId: string, viewer: ViewerGeometry): string[] {
  const scene = tour.scenes.find((s) => s.id === sceneId);
  const paths: string[] = [];
  for (const hotspot of scene?.hotspots ?? []) {
    if (hotspot.type !== 'scene') continue;
    const target = tour.scenes.find((s) => s.id === hotspot.target);
    const tiles = target?.panorama.tiles;
    if (!target || !tiles) continue;
    const view = hotspot.arrival ?? target.startView ?? { yaw: 0, pitch: 0 };
    const arrival = { yaw: view.yaw, pitch: view.pitch, zoom: view.zoom ?? 50 };
    paths.push(...arrivalTiles(tiles, arrival, viewer).slice(0, MAX_TILES_PER_SCENE));
  }
  return paths;
}
