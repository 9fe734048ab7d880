/**
 * Pure edits of a tour manifest: each returns a new manifest, sharing what did not change.
 * The editor's UI only calls these, so every change can be undone.
 */
import type { JsonPath } from '../core/manifest/problems.ts';
import type { Hotspot, LangMap, Position, Scene, Tour, View } from '../core/manifest/schema.ts';
import { slugify } from '../core/manifest/slug.ts';

export type HotspotType = Hotspot['type'];

/** The hotspot of one kind: `HotspotOf<'info'>` has `body` and `image`, no `target`. */
export type HotspotOf<K extends HotspotType> = Extract<Hotspot, { type: K }>;

/** What the side panel shows. */
export type Selection =
  | { kind: 'tour'; field?: string }
  | { kind: 'scene'; sceneId: string; field?: string }
  | { kind: 'hotspot'; sceneId: string; hotspotId: string; field?: string };

const round1 = (value: number): number => Math.round(value * 10) / 10;

export const roundPosition = (position: Position): Position => ({
  yaw: round1(position.yaw),
  pitch: round1(position.pitch),
});

export function sceneOf(tour: Tour, sceneId: string): Scene | undefined {
  return tour.scenes.find((scene) => scene.id === sceneId);
}

function mapScene(tour: Tour, sceneId: string, change: (scene: Scene) => Scene): Tour {
  return {
    ...tour,
    scenes: tour.scenes.map((scene) => (scene.id === sceneId ? change(scene) : scene)),
  };
}

function mapHotspot(
  tour: Tour,
  sceneId: string,
  hotspotId: string,
  change: (hotspot: Hotspot) => Hotspot,
): Tour {
  return mapScene(tour, sceneId, (scene) => ({
    ...scene,
    hotspots: (scene.hotspots ?? []).map((h) => (h.id === hotspotId ? change(h) : h)),
  }));
}

/** `base`, or `base-2`, `base-3`… whichever is not taken; at most 20 characters. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  // 16, not 20: room for a `-2` suffix (slugify never starts with a separator).
  const start = slugify(base, 16) || 'x';
  if (!used.has(start)) return start;
  for (let n = 2; ; n++) {
    const candidate = `${start}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

export function addScene(tour: Tour, scene: { id: string; title: LangMap; source: string }): Tour {
  const next: Scene = {
    id: scene.id,
    title: scene.title,
    panorama: { source: scene.source },
    hotspots: [],
  };
  return { ...tour, scenes: [...tour.scenes, next] };
}

export function deleteScene(tour: Tour, sceneId: string): Tour {
  const scenes = tour.scenes
    .filter((scene) => scene.id !== sceneId)
    .map((scene) => ({
      ...scene,
      // Links to the deleted scene would point nowhere.
      hotspots: (scene.hotspots ?? []).filter((h) => !(h.type === 'scene' && h.target === sceneId)),
    }));
  const next: Tour = { ...tour, scenes };
  if (tour.startScene === sceneId) delete next.startScene;
  return next;
}

/**
 * Deletes a scene as `deleteScene` does; with `heir`, the scene's code and former codes become
 * aliases of that scene, so QR codes printed for the deleted one open it rather than the start.
 */
export function deleteSceneKeepingCode(tour: Tour, sceneId: string, heir?: string): Tour {
  const gone = sceneOf(tour, sceneId);
  const next = deleteScene(tour, sceneId);
  if (!gone || !heir || heir === sceneId || !sceneOf(next, heir)) return next;
  const codes = [gone.id, ...(gone.aliases ?? [])];
  return updateScene(next, heir, (scene) => ({
    ...scene,
    aliases: [...new Set([...(scene.aliases ?? []), ...codes])],
  }));
}

function allHotspotIds(scene: Scene): string[] {
  return (scene.hotspots ?? []).map((h) => h.id);
}

/** A new hotspot of `type` at `position`; its id is returned with the tour. */
export function addHotspot(
  tour: Tour,
  sceneId: string,
  type: HotspotType,
  position: Position,
  target?: string,
): { tour: Tour; hotspotId: string } {
  const scene = sceneOf(tour, sceneId);
  if (!scene) return { tour, hotspotId: '' };
  const lang = tour.defaultLanguage;
  const id = uniqueId(type === 'scene' && target ? `to-${target}` : type, allHotspotIds(scene));
  const at = roundPosition(position);
  let hotspot: Hotspot;
  switch (type) {
    case 'scene':
      hotspot = { id, type, position: at, target: target ?? '' };
      break;
    case 'info':
      hotspot = { id, type, position: at, title: { [lang]: '' } };
      break;
    case 'audio':
      hotspot = { id, type, position: at, title: { [lang]: '' }, audio: { [lang]: '' } };
      break;
    case 'link':
      hotspot = { id, type, position: at, title: { [lang]: '' }, url: 'https://' };
      break;
  }
  const next = mapScene(tour, sceneId, (s) => ({
    ...s,
    hotspots: [...(s.hotspots ?? []), hotspot],
  }));
  return { tour: next, hotspotId: id };
}

export function moveHotspot(tour: Tour, sceneId: string, hotspotId: string, position: Position) {
  return mapHotspot(tour, sceneId, hotspotId, (h) => ({ ...h, position: roundPosition(position) }));
}

export function deleteHotspot(tour: Tour, sceneId: string, hotspotId: string): Tour {
  return mapScene(tour, sceneId, (scene) => ({
    ...scene,
    hotspots: (scene.hotspots ?? []).filter((h) => h.id !== hotspotId),
  }));
}

export function updateHotspot(
  tour: Tour,
  sceneId: string,
  hotspotId: string,
  change: (hotspot: Hotspot) => Hotspot,
): Tour {
  return mapHotspot(tour, sceneId, hotspotId, change);
}

const isKind = <K extends HotspotType>(hotspot: Hotspot, kind: K): hotspot is HotspotOf<K> =>
  hotspot.type === kind;

/**
 * Changes a hotspot only if it is of `kind`, so `change` sees (and must return) that kind's
 * fields: a scene link cannot be given a `body`, nor an info hotspot lose its `title`. A hotspot
 * of another kind (or none with that id) leaves the tour as it was, shared.
 */
export function updateHotspotOfKind<K extends HotspotType>(
  tour: Tour,
  sceneId: string,
  hotspotId: string,
  kind: K,
  change: (hotspot: HotspotOf<K>) => HotspotOf<K>,
): Tour {
  const current = sceneOf(tour, sceneId)?.hotspots?.find((h) => h.id === hotspotId);
  if (!current || !isKind(current, kind)) return tour;
  return mapHotspot(tour, sceneId, hotspotId, (h) => (isKind(h, kind) ? change(h) : h));
}

type Change<K extends HotspotType> = (hotspot: HotspotOf<K>) => HotspotOf<K>;

export const updateSceneHotspot = (t: Tour, s: string, h: string, change: Change<'scene'>) =>
  updateHotspotOfKind(t, s, h, 'scene', change);
export const updateInfoHotspot = (t: Tour, s: string, h: string, change: Change<'info'>) =>
  updateHotspotOfKind(t, s, h, 'info', change);
export const updateAudioHotspot = (t: Tour, s: string, h: string, change: Change<'audio'>) =>
  updateHotspotOfKind(t, s, h, 'audio', change);
export const updateLinkHotspot = (t: Tour, s: string, h: string, change: Change<'link'>) =>
  updateHotspotOfKind(t, s, h, 'link', change);

/** Every kind has a title (optional for scene links): one setter for all of them. */
export function setHotspotTitle(tour: Tour, sceneId: string, hotspotId: string, title: LangMap) {
  return mapHotspot(tour, sceneId, hotspotId, (h) => ({ ...h, title }));
}

/** The view on arriving through a scene link; undefined goes back to the target's start view. */
export function setArrival(tour: Tour, sceneId: string, hotspotId: string, view?: View): Tour {
  return updateSceneHotspot(tour, sceneId, hotspotId, ({ arrival: _old, ...link }) => {
    if (!view) return link;
    const arrival: View = { yaw: round1(view.yaw), pitch: round1(view.pitch) };
    if (view.zoom !== undefined) arrival.zoom = Math.round(view.zoom);
    return { ...link, arrival };
  });
}

/** The picture of an info hotspot; undefined removes it. */
export function setInfoImage(tour: Tour, sceneId: string, hotspotId: string, image?: string) {
  return updateInfoHotspot(tour, sceneId, hotspotId, ({ image: _old, ...info }) =>
    image ? { ...info, image } : info,
  );
}

/** The text fields a hotspot of any kind may have, read without knowing its kind. */
export function hotspotText(hotspot: Hotspot, field: 'title' | 'body'): LangMap | undefined {
  if (field === 'title') return hotspot.title;
  return hotspot.type === 'info' ? hotspot.body : undefined;
}

export function updateScene(tour: Tour, sceneId: string, change: (scene: Scene) => Scene): Tour {
  return mapScene(tour, sceneId, change);
}

export function setStartView(tour: Tour, sceneId: string, view: View): Tour {
  const startView: View = { yaw: round1(view.yaw), pitch: round1(view.pitch) };
  if (view.zoom !== undefined) startView.zoom = Math.round(view.zoom);
  return mapScene(tour, sceneId, (scene) => ({ ...scene, startView }));
}

/** A language map with one language changed; an emptied optional text keeps an empty string. */
export function setText(map: LangMap | undefined, lang: string, text: string): LangMap {
  return { ...(map ?? {}), [lang]: text };
}

/**
 * Links `a` and `b` both ways: a scene hotspot in each, unless one already leads there. The
 * second hotspot is placed at `positionInB` when given (where the author will look: see
 * link-both.ts), else opposite the first (looking back where one came from).
 */
export function linkBothWays(
  tour: Tour,
  a: string,
  b: string,
  positionInA: Position = { yaw: 0, pitch: -10 },
  positionInB?: Position,
): Tour {
  return linkScenes(tour, a, b, positionInA, positionInB).tour;
}

/** `linkBothWays`, also naming the return hotspot it added in `b` (none when one was there). */
export function linkScenes(
  tour: Tour,
  a: string,
  b: string,
  positionInA: Position,
  positionInB?: Position,
): { tour: Tour; returnId: string | undefined } {
  if (a === b || !sceneOf(tour, a) || !sceneOf(tour, b)) return { tour, returnId: undefined };
  let next = tour;
  let returnId: string | undefined;
  const hasLink = (from: string, to: string) =>
    (sceneOf(next, from)?.hotspots ?? []).some((h) => h.type === 'scene' && h.target === to);
  if (!hasLink(a, b)) next = addHotspot(next, a, 'scene', positionInA, b).tour;
  if (!hasLink(b, a)) {
    const back = positionInB ?? {
      yaw: ((positionInA.yaw + 360) % 360) - 180,
      pitch: positionInA.pitch,
    };
    ({ tour: next, hotspotId: returnId } = addHotspot(next, b, 'scene', back, a));
  }
  return { tour: next, returnId };
}

/** Which part of the editor a validation problem points at, from its JSON path. */
export function selectionForPath(tour: Tour, path: JsonPath): Selection {
  if (path[0] === 'scenes' && typeof path[1] === 'number') {
    const scene = tour.scenes[path[1]];
    if (scene) {
      if (path[2] === 'hotspots' && typeof path[3] === 'number') {
        const hotspot = (scene.hotspots ?? [])[path[3]];
        if (hotspot) {
          return {
            kind: 'hotspot',
            sceneId: scene.id,
            hotspotId: hotspot.id,
            field: path[4] === undefined ? undefined : String(path[4]),
          };
        }
      }
      return {
        kind: 'scene',
        sceneId: scene.id,
        field: path[2] === undefined ? undefined : String(path[2]),
      };
    }
  }
  return { kind: 'tour', field: path[0] === undefined ? undefined : String(path[0]) };
}

/** Languages of the tour missing (or blank) in a map. */
export function missingLanguages(tour: Tour, map: LangMap | undefined): string[] {
  return tour.languages.filter((lang) => !map?.[lang]?.trim());
}

/** JSON with sorted keys: two manifests with the same content give the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1)))
      : item,
  );
}

/**
 * Renames a scene and updates every reference (scene links, start scene). The old id becomes an
 * alias, so printed QR codes and shared links that name it keep working — unless `keepAlias`
 * is false: an id never saved was never printed either (rename.ts asks the last saved file).
 * Returns the tour unchanged when the new id is taken (as an id or an alias of another scene)
 * or is the same.
 */
export function renameScene(tour: Tour, oldId: string, newId: string, keepAlias = true): Tour {
  if (oldId === newId || !sceneOf(tour, oldId)) return tour;
  const taken = tour.scenes.some(
    (scene) => scene.id !== oldId && (scene.id === newId || (scene.aliases ?? []).includes(newId)),
  );
  if (taken) return tour;
  const scenes = tour.scenes.map((scene) => {
    const hotspots = (scene.hotspots ?? []).map((h) =>
      h.type === 'scene' && h.target === oldId ? { ...h, target: newId } : h,
    );
    if (scene.id !== oldId) return { ...scene, hotspots };
    // Going back to a former id removes it from the aliases instead of listing it twice.
    const { aliases: former = [], ...rest } = scene;
    const aliases = [...former.filter((a) => a !== newId), ...(keepAlias ? [oldId] : [])];
    return aliases.length > 0
      ? { ...rest, id: newId, aliases, hotspots }
      : { ...rest, id: newId, hotspots };
  });
  const next: Tour = { ...tour, scenes };
  if (tour.startScene === oldId) next.startScene = newId;
  return next;
}

/** Moves a scene one place up (-1) or down (+1) in the list; order is the gallery's order. */
export function moveScene(tour: Tour, sceneId: string, step: -1 | 1): Tour {
  const from = tour.scenes.findIndex((scene) => scene.id === sceneId);
  const to = from + step;
  if (from < 0 || to < 0 || to >= tour.scenes.length) return tour;
  const scenes = [...tour.scenes];
  scenes.splice(to, 0, ...scenes.splice(from, 1));
  return { ...tour, scenes };
}
