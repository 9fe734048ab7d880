/** How scenes, hotspots and problems are named in the lists and the viewer. */
import type { Problem } from '../core/manifest/problems.ts';
import type { Hotspot, Scene, Tour } from '../core/manifest/schema.ts';
import { textOf } from '../core/manifest/text.ts';
import { sceneOf, selectionForPath } from './model.ts';

/** A scene's title in the editor's language, else its id. */
export const sceneName = (tour: Tour, scene: Scene, lang: string): string =>
  textOf(scene.title, lang, tour.defaultLanguage) || scene.id;

/**
 * A hotspot's title; a scene link without one is named after its target, as visitors see it;
 * any other without one is `untitled` (translated: "chưa có tiêu đề"), not its code, which
 * means nothing to an author.
 */
export function hotspotLabel(tour: Tour, hotspot: Hotspot, lang: string, untitled: string): string {
  const own = textOf(hotspot.title, lang, tour.defaultLanguage);
  if (own) return own;
  if (hotspot.type === 'scene') {
    const target = sceneOf(tour, hotspot.target);
    if (target) return sceneName(tour, target, lang);
  }
  return untitled;
}

/**
 * `Bảo tàng Louvre › Kim tự tháp` or the tour: where a problem is, before its message, named
 * as the scene list and the viewer name things (not by id).
 */
export function problemPlace(
  tour: Tour,
  problem: Problem,
  labels: { tour: string; untitled: string },
  lang: string,
): string {
  const place = selectionForPath(tour, problem.path);
  if (place.kind === 'tour') return labels.tour;
  const scene = sceneOf(tour, place.sceneId);
  const sceneLabel = scene ? sceneName(tour, scene, lang) : place.sceneId;
  if (place.kind === 'scene') return sceneLabel;
  const hotspot = scene?.hotspots?.find((hs) => hs.id === place.hotspotId);
  return `${sceneLabel} › ${hotspot ? hotspotLabel(tour, hotspot, lang, labels.untitled) : place.hotspotId}`;
}
