/**
 * Turns a manifest into Virtual Tour plugin nodes for one language.
 * Scene hotspots become the plugin's links (so it preloads their targets and handles the
 * transition); the other kinds become markers. Author text reaching PSV is HTML-escaped.
 */
import type { VirtualTourLink, VirtualTourNode } from '@photo-sphere-viewer/virtual-tour-plugin';
import type { Hotspot, Scene, SceneHotspot, Tour } from '../../core/manifest/schema.ts';
import { contentText } from '../../core/language/content-fallback.ts';
import { positionToRadians } from '../../core/angles.ts';
import { createHotspotElement } from './hotspot-element.ts';
import { escapeHtml } from './html.ts';
import { type AdapterKind, panoramaConfig } from './panorama-config.ts';

export const HOTSPOT_SIZE = 44;

export interface NodeLabels {
  goTo: (scene: string) => string;
  info: (title: string) => string;
  audio: (title: string) => string;
  link: (title: string) => string;
}

export interface NodeContext {
  tour: Tour;
  lang: string;
  labels: NodeLabels;
  /** The viewer's adapter: it decides the shape of each node's panorama. */
  adapter: AdapterKind;
  /** Absolute URL of a file of the tour. */
  assetUrl: (path: string) => string;
  /** Hides external-link hotspots (kiosks). */
  hideExternalLinks?: boolean;
  /** Keyboard activation of a hotspot (pointer clicks come from the plugins' events). */
  onActivate: (scene: Scene, hotspot: Hotspot) => void;
}

/** Data attached to every link and marker, so event handlers find the manifest objects. */
export interface HotspotData {
  sceneId: string;
  hotspot: Hotspot;
}

export function buildNodes(context: NodeContext): VirtualTourNode[] {
  return context.tour.scenes.map((scene) => buildNode(context, scene));
}

export function buildNode(context: NodeContext, scene: Scene): VirtualTourNode {
  const { tour, lang } = context;
  const node: VirtualTourNode = {
    id: scene.id,
    panorama: panoramaConfig(scene.panorama, context.adapter, context.assetUrl),
    name: escapeHtml(textIn(scene.title, lang, tour)),
    links: scene.hotspots
      .filter((hotspot): hotspot is SceneHotspot => hotspot.type === 'scene')
      .filter((hotspot) => tour.scenes.some((s) => s.id === hotspot.target))
      .map((hotspot) => buildLink(context, scene, hotspot)),
    markers: scene.hotspots
      .filter((hotspot) => hotspot.type !== 'scene')
      .filter((hotspot) => !(context.hideExternalLinks && hotspot.type === 'link'))
      .map((hotspot) => buildMarker(context, scene, hotspot)),
    data: { sceneId: scene.id },
  };
  if (scene.panorama.thumbnail) node.thumbnail = context.assetUrl(scene.panorama.thumbnail);
  return node;
}

function buildLink(context: NodeContext, scene: Scene, hotspot: SceneHotspot): VirtualTourLink {
  const target = context.tour.scenes.find((s) => s.id === hotspot.target);
  const label =
    textIn(hotspot.title, context.lang, context.tour) ||
    textIn(target?.title, context.lang, context.tour);
  const element = createHotspotElement({
    kind: 'scene',
    id: hotspot.id,
    target: hotspot.target,
    label,
    accessibleName: context.labels.goTo(label),
    onActivate: () => context.onActivate(scene, hotspot),
  });
  const data: HotspotData = { sceneId: scene.id, hotspot };
  return {
    nodeId: hotspot.target,
    position: positionToRadians(hotspot.position),
    arrowStyle: { element, size: { width: HOTSPOT_SIZE, height: HOTSPOT_SIZE } },
    data,
  };
}

function buildMarker(context: NodeContext, scene: Scene, hotspot: Exclude<Hotspot, SceneHotspot>) {
  const title = textIn(hotspot.title, context.lang, context.tour);
  const element = createHotspotElement({
    kind: hotspot.type,
    id: hotspot.id,
    label: title,
    accessibleName: context.labels[hotspot.type](title),
    onActivate: () => context.onActivate(scene, hotspot),
  });
  const data: HotspotData = { sceneId: scene.id, hotspot };
  return {
    id: hotspot.id,
    element,
    position: positionToRadians(hotspot.position),
    size: { width: HOTSPOT_SIZE, height: HOTSPOT_SIZE },
    anchor: 'center center',
    data,
  };
}

/** A label in the visitor's language, falling back as every tour text does (English first). */
function textIn(
  map: Readonly<Record<string, string>> | undefined,
  lang: string,
  tour: Tour,
): string {
  return contentText(map, lang, tour)?.text ?? '';
}
