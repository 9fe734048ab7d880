/**
 * What the tour viewer needs from Photo Sphere Viewer, as a small interface. The real one
 * (psv-port.ts) wraps PSV and its plugins; unit tests give the viewer a fake that loads,
 * fails and moves on demand, so the scene rules are tested without WebGL.
 */
import type {
  VirtualTourLink,
  VirtualTourNode,
  VirtualTourTransitionOptions,
} from '@photo-sphere-viewer/virtual-tour-plugin';
import type { AdapterSetting } from './adapters.ts';

export type NodeUpdate = Partial<VirtualTourNode> & { id: string };

export interface ViewerPort {
  /**
   * Replaces every scene and loads `startId` (a first tour, or another tour later). Throws,
   * loading nothing, when the tour plugin refuses a node (e.g. one linking to itself).
   */
  setNodes(nodes: VirtualTourNode[], startId: string): void;
  /** Throws what `setNodes` would for these nodes, loading nothing (to find a bad one). */
  checkNodes?(nodes: VirtualTourNode[]): void;
  /** Goes to a scene; `fromLink` is the link followed (its arrival view). */
  setCurrentNode(nodeId: string, fromLink?: VirtualTourLink): Promise<boolean>;
  updateNode(node: NodeUpdate): void;
  /** Links of the scene on screen. */
  currentLinks(): VirtualTourLink[];
  rotate(position: { yaw: number; pitch: number }): void;
  zoom(level: number): void;
  /** Radians and zoom level. */
  position(): { yaw: number; pitch: number; zoom: number };
  size(): { width: number; height: number };
  /** Resolves once the tiles the view needs have been drawn (tiles-drawn.ts). */
  tilesDrawn(): Promise<void>;
  setLang(lang: Record<string, string>): void;
  /** Hides PSV's own error overlay and loader (the page shows a translated message). */
  hideError(): void;
  autorotate(on: boolean): void;
  destroy(): void;
}

/** What the port reports back, and asks, to the tour viewer. */
export interface ViewerPortEvents {
  nodeChanged(nodeId: string): void;
  nodeFailed(nodeId: string): void;
  markerSelected(data: unknown): void;
  viewMoved(): void;
  transitionFor(
    toNode: VirtualTourNode,
    fromNode?: VirtualTourNode,
    fromLink?: VirtualTourLink,
  ): VirtualTourTransitionOptions;
}

export interface ViewerPortSetup {
  container: HTMLElement;
  adapter: AdapterSetting;
  psvLang: Record<string, string>;
  reducedMotion: boolean;
  /** Offer looking around by moving the phone (see gyroscope.ts). */
  gyroscope: boolean;
  /** Whether PSV itself preloads a linked scene's picture (by scene id). */
  preload: (targetId: string) => boolean;
}

export type ViewerPortFactory = (setup: ViewerPortSetup, events: ViewerPortEvents) => ViewerPort;
