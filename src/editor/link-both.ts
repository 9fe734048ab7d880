/**
 * "Link both ways", as the author sees it: the link here is placed where they look, then the
 * editor turns to the other scene and puts the way back at the centre of the screen there,
 * selected and flashing, with a note saying so. Placed opposite (the old way), it landed
 * behind the author, who had to hunt for it in every scene.
 */
import type { EditorContext } from './context.ts';
import { linkScenes, sceneOf } from './model.ts';

export function linkBothFromHere({ store, view }: EditorContext, from: string, to: string): void {
  const tour = store.tour;
  const target = sceneOf(tour, to);
  if (!target) return;
  // A little below the horizon, where the visitor looks for the way on.
  const here = { yaw: view.currentView().yaw, pitch: -10 };
  // The viewer opens the other scene at its start view (panels/viewer.ts): the screen's centre.
  const there = target.startView ?? { yaw: 0, pitch: 0 };
  const linked = linkScenes(tour, from, to, here, { yaw: there.yaw, pitch: there.pitch });
  if (linked.tour === tour) return;
  if (!linked.returnId) return store.commit(linked.tour);
  store.commit(linked.tour, {
    select: { kind: 'hotspot', sceneId: to, hotspotId: linked.returnId },
  });
  store.flashHotspotId = linked.returnId;
  store.status = store.t('linkBack_placed');
  store.refresh('header', 'viewer');
}
