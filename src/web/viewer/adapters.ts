/**
 * Adapters load on demand: a tour of plain panoramas never downloads the tiles or cubemap
 * code, and the tourist's first chunk carries none of them.
 */
import type { AdapterConstructor } from '@photo-sphere-viewer/core';
import type { AdapterKind } from './panorama-config.ts';

export type AdapterSetting = AdapterConstructor | [AdapterConstructor, unknown];

export async function loadAdapter(kind: AdapterKind): Promise<AdapterSetting> {
  switch (kind) {
    case 'equirect-tiles': {
      const { EquirectangularTilesAdapter } =
        await import('@photo-sphere-viewer/equirectangular-tiles-adapter');
      // No red "missing tile" cross on a kiosk: the preview stays visible instead. No blur
      // of the preview either: it costs a slow phone a second, and the preview is soft anyway.
      return EquirectangularTilesAdapter.withConfig({ showErrorTile: false, baseBlur: false });
    }
    case 'cube': {
      const { CubemapAdapter } = await import('@photo-sphere-viewer/cubemap-adapter');
      return CubemapAdapter;
    }
    case 'cube-tiles': {
      const { CubemapTilesAdapter } = await import('@photo-sphere-viewer/cubemap-tiles-adapter');
      return CubemapTilesAdapter.withConfig({ showErrorTile: false, baseBlur: false });
    }
    default: {
      const { EquirectangularAdapter } = await import('@photo-sphere-viewer/core');
      return EquirectangularAdapter;
    }
  }
}
