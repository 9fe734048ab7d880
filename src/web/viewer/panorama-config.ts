/**
 * From manifest panoramas to what Photo Sphere Viewer's adapters expect. One viewer has one
 * adapter, so the adapter is chosen per tour (the validator keeps a tour to one family);
 * a tour whose every scene is tiled gets the tiles adapter, the others the plain one.
 */
import type { CubemapPanorama } from '@photo-sphere-viewer/cubemap-adapter';
import type { CubemapMultiTilesPanorama } from '@photo-sphere-viewer/cubemap-tiles-adapter';
import type { EquirectangularMultiTilesPanorama } from '@photo-sphere-viewer/equirectangular-tiles-adapter';
import { panoramaFamily, panoramaKind, tilePath } from '../../core/manifest/panorama.ts';
import { CUBE_FACES, type CubeFace } from '../../core/manifest/cube.ts';
import type { Panorama, Tour } from '../../core/manifest/schema.ts';

export type AdapterKind = 'equirect' | 'equirect-tiles' | 'cube' | 'cube-tiles';

type AssetUrl = (path: string) => string;

/** The adapter a tour needs: the most capable one that every scene can use. */
export function adapterKindFor(tour: Tour): AdapterKind {
  const panoramas = tour.scenes.map((scene) => scene.panorama);
  const first = panoramas[0] ? panoramaKind(panoramas[0]) : undefined;
  if (first && panoramaFamily(first) === 'cube') {
    return panoramas.some((panorama) => panorama.cubeTiles) ? 'cube-tiles' : 'cube';
  }
  return panoramas.every((panorama) => panorama.tiles) ? 'equirect-tiles' : 'equirect';
}

/** The `panorama` of a Virtual Tour node for this adapter. */
export function panoramaConfig(panorama: Panorama, kind: AdapterKind, url: AssetUrl): unknown {
  switch (kind) {
    case 'equirect-tiles':
      return equirectTiles(panorama, url);
    case 'cube':
      return cubeFaces(panorama, url);
    case 'cube-tiles':
      return cubeTiles(panorama, url);
    default:
      return url(panorama.source ?? panorama.preview ?? '');
  }
}

/**
 * The preview (a small equirectangular image) shows at once, blurred; tiles of the level that
 * suits the zoom then load for the visible part only.
 */
function equirectTiles(panorama: Panorama, url: AssetUrl): EquirectangularMultiTilesPanorama {
  const tiles = panorama.tiles!;
  return {
    ...(panorama.preview ? { baseUrl: url(panorama.preview) } : {}),
    levels: tiles.levels.map(({ width, cols, rows }) => ({ width, cols, rows })),
    tileUrl: (col, row, level) => url(tilePath(tiles.path, { col, row, level })),
  };
}

function cubeFaces(panorama: Panorama, url: AssetUrl): CubemapPanorama {
  const cube = panorama.cube;
  if (!cube) return { type: 'stripe', path: url(panorama.preview ?? '') };
  return Object.fromEntries(CUBE_FACES.map((face) => [face, url(cube[face])])) as Record<
    CubeFace,
    string
  >;
}

/** Cube tiles; a scene of six plain faces in a tiled tour becomes one tile per face. */
function cubeTiles(panorama: Panorama, url: AssetUrl): CubemapMultiTilesPanorama {
  const tiles = panorama.cubeTiles;
  // The preview strip is cut from the same faces, so it shares their orientation.
  const flip = tiles?.flipTopBottom ? { flipTopBottom: true } : {};
  const base = panorama.preview
    ? { baseUrl: { type: 'stripe' as const, path: url(panorama.preview), ...flip } }
    : {};
  if (!tiles) {
    const cube = panorama.cube!;
    return {
      ...base,
      levels: [{ faceSize: 1024, nbTiles: 1 }],
      tileUrl: (face) => url(cube[face]),
    };
  }
  return {
    ...base,
    levels: tiles.levels.map(({ faceSize, nbTiles }) => ({ faceSize, nbTiles })),
    tileUrl: (face, col, row, level) => url(tilePath(tiles.path, { face, col, row, level })),
    ...(tiles.flipTopBottom ? { flipTopBottom: true } : {}),
  };
}
