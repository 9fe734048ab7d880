/** Typed events of the tour viewer, importable without loading the viewer itself. */
import type { LinkView } from '../../core/links/deep-link.ts';
import type { HotspotData } from './nodes.ts';

export interface TourViewerEvents {
  'scene-change': CustomEvent<{ sceneId: string }>;
  /** `reason`: the tour plugin's own words when it refused the scene (a self-link…). */
  'scene-error': CustomEvent<{ sceneId: string; reason?: string }>;
  'view-change': CustomEvent<{ view: LinkView }>;
  hotspot: CustomEvent<HotspotData>;
}

/**
 * Dispatched on the viewer host's element when a viewer is mounted (detail: the viewer) or
 * cannot be (detail: null): the first-view poster over the box listens for it (first-view.ts).
 */
export const VIEWER_MOUNTED = 'viewer-mounted';

/** Typed listener helper: `on(viewer, 'scene-change', e => e.detail.sceneId)`. */
export function on<K extends keyof TourViewerEvents>(
  viewer: EventTarget,
  type: K,
  listener: (event: TourViewerEvents[K]) => void,
): void {
  viewer.addEventListener(type, listener as EventListener);
}
