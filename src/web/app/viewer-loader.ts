/**
 * Loads the 360° viewer on demand. Photo Sphere Viewer and three.js are most of the site's
 * JavaScript: the tour list and the first paint do not wait for them, and the adapter a tour
 * needs (tiles, cubemap) comes with them.
 */
import type { Tour } from '../../core/manifest/schema.ts';
import { adapterKindFor, type AdapterKind } from '../viewer/panorama-config.ts';
import type { TourViewer, TourViewerOptions } from '../viewer/tour-viewer.ts';

export type ViewerSettings = Omit<TourViewerOptions, 'adapter'>;

export interface LoadedViewer {
  viewer: TourViewer;
  kind: AdapterKind;
}

/**
 * Starts downloading the viewer code while the tour manifest is fetched, instead of after:
 * on a slow link that is a round trip and a large download saved. Published tours are tiled,
 * so the tiles adapter is fetched speculatively too (4 KB).
 */
export function prefetchViewer(): void {
  const ignore = () => undefined;
  void import('../viewer/tour-viewer.ts').catch(ignore);
  void import('../viewer/psv-port.ts').catch(ignore);
  void import('../viewer/adapters.ts')
    .then(({ loadAdapter }) => loadAdapter('equirect-tiles'), ignore)
    .catch(ignore);
}

export const viewerKindFor = (tour: Tour): AdapterKind => adapterKindFor(tour);

/**
 * A viewer for this tour's adapter, or null without WebGL 2. Throws when the code could not
 * be downloaded (offline before it was ever cached): the caller says so.
 */
export async function createViewer(
  tour: Tour,
  settings: ViewerSettings,
): Promise<LoadedViewer | null> {
  const kind = adapterKindFor(tour);
  const [{ TourViewer }, { createPsvPort }, { loadAdapter }] = await Promise.all([
    import('../viewer/tour-viewer.ts'),
    import('../viewer/psv-port.ts'),
    import('../viewer/adapters.ts'),
  ]);
  const setting = await loadAdapter(kind);
  try {
    return {
      viewer: new TourViewer({ ...settings, adapter: { kind, setting } }, createPsvPort),
      kind,
    };
  } catch {
    // Photo Sphere Viewer throws when the browser has no WebGL 2.
    return null;
  }
}
