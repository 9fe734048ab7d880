/**
 * The panorama of the current scene with its hotspots; while an arrival view is chosen, the
 * link's target, turned to the arrival already set.
 */
import type { EditorContext } from '../context.ts';
import { hotspotLabel } from '../labels.ts';
import { sceneOf } from '../model.ts';

export function renderViewer({ store, view }: EditorContext, box: HTMLElement): void {
  const open = store.open;
  const scene = open && store.sceneId ? sceneOf(store.tour, store.sceneId) : undefined;
  box.classList.toggle('empty', !scene);
  if (!open || !scene) {
    view.hide(open ? store.t('noScene') : store.t('noTour'));
    return;
  }
  const tour = store.tour;
  // Placing a hotspot: a crosshair says the next click adds one.
  box.classList.toggle('ed-placing', store.placeType !== 'none' && !store.arrivalPick);
  const selected = store.selection.kind === 'hotspot' ? store.selection.hotspotId : undefined;
  const pick = store.arrivalPick;
  const pickLink = pick
    ? sceneOf(tour, pick.sceneId)?.hotspots?.find((hs) => hs.id === pick.hotspotId)
    : undefined;
  const arrival = pickLink?.type === 'scene' ? pickLink.arrival : undefined;
  const source = scene.panorama.source ?? scene.panorama.preview ?? '';
  // A staged panorama (from an opened zip, not saved yet) shows from memory.
  const url = store.fileUrl(source);
  view.show({
    key: `${open.id}/${scene.id}/${url}`,
    url,
    startView: arrival ?? scene.startView,
    markers: (scene.hotspots ?? []).map((hotspot) => ({
      id: hotspot.id,
      type: hotspot.type,
      position: hotspot.position,
      label: hotspotLabel(tour, hotspot, store.lang, store.t('untitledPoint')),
      selected: hotspot.id === selected,
      flash: hotspot.id === store.flashHotspotId,
    })),
  });
}
