/**
 * One Photo Sphere Viewer for the whole visit: tours and scenes are switched inside it, the
 * viewer is never recreated (recreating leaks WebGL contexts and textures). This module holds
 * the scene rules (which scene, which arrival view, what a failure does); PSV itself is
 * reached through a `ViewerPort` (viewer-port.ts; the real one is psv-port.ts).
 *
 * Emits typed DOM events:
 * - `scene-change`  a scene is on screen (detail: { sceneId })
 * - `scene-error`   a scene's panorama failed to load (detail: { sceneId })
 * - `view-change`   the visitor looked around (detail: { view }, degrees, debounced)
 * - `hotspot`       an info, audio or link hotspot was activated (detail: HotspotData)
 */

import type {
  VirtualTourLink,
  VirtualTourNode,
  VirtualTourTransitionOptions,
} from '@photo-sphere-viewer/virtual-tour-plugin';
import type { LinkView } from '../../core/links/deep-link.ts';
import type { Hotspot, Scene, Tour, View } from '../../core/manifest/schema.ts';
import { positionToRadians, viewFromRadians } from '../../core/angles.ts';
import { buildNode, buildNodes, type HotspotData, type NodeLabels } from './nodes.ts';
import { neighbourTiles } from './tile-prefetch.ts';
import { SwitchPreview } from './switch-preview.ts';
import type { AdapterSetting } from './adapters.ts';
import type { AdapterKind } from './panorama-config.ts';
import type { TourViewerEvents } from './viewer-events.ts';
import type { ViewerPort, ViewerPortFactory } from './viewer-port.ts';
export { on, type TourViewerEvents } from './viewer-events.ts';

export interface TourViewerOptions {
  container: HTMLElement;
  /** Fixed for the viewer's life: a tour needing another one gets a new viewer. */
  adapter: { kind: AdapterKind; setting: AdapterSetting };
  /** PSV's own UI strings (navbar, loader), already translated. */
  psvLang: Record<string, string>;
  labels: NodeLabels;
  reducedMotion?: boolean;
  hideExternalLinks?: boolean;
  /** Offer looking around by moving the phone; never with reduced motion. */
  gyroscope?: boolean;
}

export interface ShowTourOptions {
  tour: Tour;
  /** Folder URL of the tour, ending in `/`. */
  baseUrl: string;
  lang: string;
  sceneId?: string | undefined;
  view?: LinkView | undefined;
}

const VIEW_EVENT_DELAY_MS = 400;
/** Longest wait for the tiles of a scene's view before its neighbours are fetched anyway. */
const NEIGHBOUR_WAIT_CAP_MS = 6000;

/** Chromium on Android sets this when the visitor turns on "Lite mode" / data saver. */
function prefersSavingData(): boolean {
  const connection = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection;
  return connection?.saveData === true;
}
export class TourViewer extends EventTarget {
  private readonly port: ViewerPort;
  private readonly options: TourViewerOptions;
  private tour: Tour | null = null;
  private baseUrl = '';
  private lang = '';
  private currentScene: string | null = null;
  /** Scene being loaded, so a second request for it does not start a second load. */
  private loadingScene: string | null = null;
  /** View to apply at the next arrival, when it was asked for explicitly (deep link). */
  private pendingView: LinkView | null = null;
  private viewTimer: ReturnType<typeof setTimeout> | undefined;
  /** Scenes the tour plugin refuses (why, in its words): they open as an error, never block. */
  private refused = new Map<string, string>();
  /** The first frame of a switch, drawn from the neighbour's decoded preview. */
  private readonly switchPreview: SwitchPreview;

  /**
   * `createPort` builds the panorama viewer (psv-port.ts in the browser, a fake in tests); it
   * throws when the browser has no WebGL 2.
   */
  constructor(options: TourViewerOptions, createPort: ViewerPortFactory) {
    super();
    this.options = options;
    this.switchPreview = new SwitchPreview(options.container, options.reducedMotion ?? false);
    this.port = createPort(
      {
        container: options.container,
        adapter: options.adapter.setting,
        psvLang: options.psvLang,
        reducedMotion: options.reducedMotion ?? false,
        gyroscope: options.gyroscope ?? false,
        // PSV preloads an untiled neighbour's picture (the scene on screen is whole by then);
        // a tiled one's preview comes with its tiles, after this scene's (schedulePrefetch).
        preload: (targetId) =>
          !prefersSavingData() &&
          !this.previewUrl(this.tour?.scenes.find((scene) => scene.id === targetId)),
      },
      {
        nodeChanged: (nodeId) => this.arrived(nodeId),
        nodeFailed: (nodeId) => this.handleFailure(nodeId),
        markerSelected: (data) => {
          if (data) this.emit('hotspot', data as HotspotData);
        },
        viewMoved: () => this.scheduleViewEvent(),
        transitionFor: this.transitionFor,
      },
    );
  }

  get sceneId(): string | null {
    return this.currentScene;
  }

  /** Shows a tour (the first call, or another tour later: same viewer). */
  showTour(options: ShowTourOptions): void {
    this.tour = options.tour;
    this.baseUrl = options.baseUrl;
    this.lang = options.lang;
    this.pendingView = options.view ?? null;
    const start = this.sceneOrStart(options.sceneId);
    this.currentScene = null;
    this.loadingScene = start;
    const nodes = this.acceptedNodes(this.nodes());
    try {
      this.port.setNodes(nodes, start);
    } catch (error) {
      // A port that cannot say which node is bad: the tour cannot open; say so, not "loading".
      this.refused.set(start, String(error));
      this.handleFailure(start);
    }
  }

  /**
   * The nodes with every one the tour plugin refuses (a self-link, a link without position…)
   * swapped for a bare node of the same id: the plugin throws for the whole tour when one node
   * is bad, so each is checked beside bare stand-ins for the others. A swapped scene still
   * opens (its own panorama when it has one), but as an error with the plugin's reason.
   */
  private acceptedNodes(nodes: VirtualTourNode[]): VirtualTourNode[] {
    this.refused = new Map();
    const check = this.port.checkNodes?.bind(this.port);
    if (!check) return nodes;
    try {
      check(nodes);
      return nodes;
    } catch {
      // Found below, node by node.
    }
    const spare = nodes.find((node) => node.panorama)?.panorama;
    const bare = nodes.map((node): VirtualTourNode => ({
      id: node.id,
      panorama: node.panorama || spare,
      name: node.name ?? '',
      links: [],
      markers: [],
      data: node.data,
    }));
    return nodes.map((node, i) => {
      try {
        check(bare.map((stand, j) => (j === i ? node : stand)));
        return node;
      } catch (error) {
        this.refused.set(node.id, error instanceof Error ? error.message : String(error));
        return bare[i]!;
      }
    });
  }

  /**
   * Goes to a scene (by the address bar, the scene list…); `view` overrides its start view.
   * Returns false when that scene is already on screen (then only the view changes).
   */
  goTo(sceneId: string, view?: LinkView): boolean {
    if (!this.tour) return false;
    const target = this.sceneOrStart(sceneId);
    if (target === this.loadingScene) {
      if (view) this.pendingView = view;
      return true;
    }
    if (target === this.currentScene) {
      if (view) this.lookAt(view);
      return false;
    }
    this.pendingView = view ?? null;
    this.loadingScene = target;
    this.afterSwitchPreview(target, view, () => void this.port.setCurrentNode(target));
    return true;
  }

  /**
   * The target's arrival view from its decoded preview at once, then `load`. PSV's first steps
   * of a switch keep the main thread for a long while on a slow phone, and nothing is painted
   * meanwhile: with a preview shown, loading starts only once its frame is on screen.
   */
  private afterSwitchPreview(
    sceneId: string,
    view: LinkView | View | undefined,
    load: () => void,
  ): void {
    const scene = this.tour?.scenes.find((s) => s.id === sceneId);
    const url = this.previewUrl(scene);
    const arrival = view ?? scene?.startView ?? { yaw: 0, pitch: 0 };
    if (url && this.switchPreview.show(url, arrival)) {
      requestAnimationFrame(() => setTimeout(load, 0));
      return;
    }
    this.switchPreview.drop();
    load();
  }

  /** The small equirectangular preview of a tiled scene (cube scenes have none to sample). */
  private previewUrl(scene: Scene | undefined): string | undefined {
    const panorama = scene?.panorama;
    if (!panorama?.tiles || !panorama.preview) return undefined;
    return new URL(panorama.preview, this.baseUrl).href;
  }

  /**
   * Resolves once the view on screen is as sharp as its tiles make it, or after `capMs`
   * whatever happens (a tile that never comes must not hold the caller forever).
   */
  whenViewDrawn(capMs: number): Promise<void> {
    const cap = new Promise<void>((resolve) => setTimeout(resolve, capMs));
    return Promise.race([this.port.tilesDrawn(), cap]);
  }

  autorotate(on: boolean): void {
    this.port.autorotate(on && !this.options.reducedMotion);
  }

  lookAt(view: LinkView): void {
    this.port.rotate(positionToRadians(view));
    if (view.zoom !== undefined) this.port.zoom(view.zoom);
  }

  currentView(): LinkView {
    const { yaw, pitch, zoom } = this.port.position();
    return viewFromRadians(yaw, pitch, zoom);
  }

  /** Re-labels everything in place: no reload, the panorama stays. */
  setLanguage(lang: string, psvLang: Record<string, string>, labels: NodeLabels): void {
    this.lang = lang;
    this.options.labels = labels;
    this.options.psvLang = psvLang;
    this.port.setLang(psvLang);
    if (!this.tour) return;
    for (const scene of this.tour.scenes) {
      // The plugin checks updates as it checks nodes: a refused scene keeps its bare node.
      if (this.refused.has(scene.id)) continue;
      const node = this.node(scene);
      const update: Partial<VirtualTourNode> & { id: string } = {
        id: node.id,
        name: node.name ?? '',
        links: node.links ?? [],
        markers: node.markers ?? [],
      };
      this.port.updateNode(update);
    }
  }

  destroy(): void {
    clearTimeout(this.viewTimer);
    this.port.destroy();
  }

  private nodes(): VirtualTourNode[] {
    return buildNodes(this.nodeContext());
  }

  private node(scene: Scene): VirtualTourNode {
    return buildNode(this.nodeContext(), scene);
  }

  private nodeContext() {
    const tour = this.tour!;
    return {
      tour,
      lang: this.lang,
      labels: this.options.labels,
      adapter: this.options.adapter.kind,
      assetUrl: (path: string) => new URL(path, this.baseUrl).href,
      hideExternalLinks: this.options.hideExternalLinks ?? false,
      onActivate: (scene: Scene, hotspot: Hotspot) => this.activate(scene, hotspot),
    };
  }

  private sceneOrStart(sceneId: string | undefined): string {
    const tour = this.tour!;
    if (sceneId && tour.scenes.some((scene) => scene.id === sceneId)) return sceneId;
    return tour.startScene ?? tour.scenes[0]!.id;
  }

  /** Where the camera looks on arrival: deep-link view, else hotspot arrival, else start view. */
  private readonly transitionFor = (
    toNode: VirtualTourNode,
    fromNode?: VirtualTourNode,
    fromLink?: VirtualTourLink,
  ): VirtualTourTransitionOptions => {
    const scene = this.tour?.scenes.find((s) => s.id === toNode.id);
    const arrival = (fromLink?.data as HotspotData | undefined)?.hotspot;
    const view: View | LinkView | undefined =
      this.pendingView ??
      (arrival?.type === 'scene' ? arrival.arrival : undefined) ??
      scene?.startView;
    this.pendingView = null;
    const animate = Boolean(fromNode) && !this.options.reducedMotion;
    return {
      showLoader: true,
      effect: animate ? 'fade' : 'none',
      speed: 600,
      rotation: false,
      rotateTo: view ? positionToRadians(view) : { yaw: 0, pitch: 0 },
      zoomTo: view?.zoom ?? 50,
    };
  };

  /** Activates a hotspot of the current scene as a click would (keyboard and screen readers). */
  activateHotspot(hotspotId: string): void {
    const scene = this.tour?.scenes.find((s) => s.id === this.currentScene);
    const hotspot = scene?.hotspots.find((h) => h.id === hotspotId);
    if (scene && hotspot) this.activate(scene, hotspot);
  }

  private activate(scene: Scene, hotspot: Hotspot): void {
    if (hotspot.type === 'scene') {
      const link = this.port.currentLinks().find((l) => l.data?.hotspot === hotspot);
      const load = () => void this.port.setCurrentNode(hotspot.target, link);
      if (hotspot.target === this.currentScene) return load();
      return this.afterSwitchPreview(hotspot.target, hotspot.arrival, load);
    }
    this.emit('hotspot', { sceneId: scene.id, hotspot });
  }

  private arrived(nodeId: string): void {
    if (this.refused.has(nodeId)) {
      this.handleFailure(nodeId);
      return;
    }
    this.currentScene = nodeId;
    this.switchPreview.hide();
    this.schedulePrefetch(nodeId);
    this.loadingScene = null;
    // A view asked for while the scene was already loading arrives after its transition.
    if (this.pendingView) this.lookAt(this.pendingView);
    this.pendingView = null;
    this.emit('scene-change', { sceneId: nodeId });
  }

  /**
   * Once the scene's view has its tiles drawn and the page is idle, fetches what the
   * scenes it links to show first: their previews (decoded for the switch's first frame)
   * and first tiles, so arriving there looks sharp at once. Not before: on a slow line they
   * would share it with the tiles the visitor is waiting for.
   */
  private schedulePrefetch(sceneId: string): void {
    if (prefersSavingData() || !this.tour) return;
    const idle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 1000));
    void this.whenViewDrawn(NEIGHBOUR_WAIT_CAP_MS).then(() =>
      idle(() => {
        if (this.currentScene !== sceneId || !this.tour) return;
        for (const target of this.linkedScenes(sceneId)) {
          const url = this.previewUrl(target);
          if (!url) continue;
          this.prefetch(url, 'auto');
          this.switchPreview.prepare(url);
        }
        const { width, height } = this.port.size();
        for (const path of neighbourTiles(this.tour, sceneId, { width, height }))
          this.prefetch(new URL(path, this.baseUrl).href, 'low');
      }),
    );
  }

  private readonly prefetched = new Set<string>();

  private prefetch(url: string, priority: 'auto' | 'low'): void {
    if (this.prefetched.has(url)) return;
    this.prefetched.add(url);
    // Into the HTTP cache only; a failure here costs nothing (the viewer will retry).
    void fetch(url, { priority } as RequestInit).catch(() => this.prefetched.delete(url));
  }

  private linkedScenes(sceneId: string): Scene[] {
    const tour = this.tour;
    const scene = tour?.scenes.find((s) => s.id === sceneId);
    const targets = new Set(scene?.hotspots.flatMap((h) => (h.type === 'scene' ? [h.target] : [])));
    return tour?.scenes.filter((s) => targets.has(s.id)) ?? [];
  }

  private handleFailure(sceneId: string): void {
    this.switchPreview.drop();
    // PSV's own overlay is generic and English; the shell shows a translated one instead.
    this.port.hideError();
    this.currentScene = sceneId;
    this.loadingScene = null;
    const reason = this.refused.get(sceneId);
    this.emit('scene-error', reason ? { sceneId, reason } : { sceneId });
  }

  private scheduleViewEvent(): void {
    clearTimeout(this.viewTimer);
    this.viewTimer = setTimeout(() => {
      if (this.currentScene) this.emit('view-change', { view: this.currentView() });
    }, VIEW_EVENT_DELAY_MS);
  }

  private emit<K extends keyof TourViewerEvents>(
    type: K,
    detail: TourViewerEvents[K]['detail'],
  ): void {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
