/**
 * Where a visitor looks on arriving through a scene link: chosen by looking in the target,
 * shown as a small picture of that view (the numbers folded under "Nâng cao").
 */
import type { SceneHotspot } from '../../core/manifest/schema.ts';
import { h } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { sceneName } from '../labels.ts';
import { sceneOf, setArrival } from '../model.ts';
import { directionNumbers, directionThumb, panoramaImage } from './direction-thumb.ts';

export function arrivalField({ store }: EditorContext, sceneId: string, link: SceneHotspot): Node {
  const t = store.t;
  const arrival = link.arrival;
  const target = link.target ? sceneOf(store.tour, link.target) : undefined;
  const pick = () => {
    if (!target) return;
    store.startArrivalPick({ sceneId, hotspotId: link.id, target: target.id });
  };
  const choose = h(
    'button',
    { type: 'button', disabled: !target, 'data-action': 'arrival-pick' },
    t('arrivalPick'),
  );
  choose.addEventListener('click', pick);
  const clear = h('button', { type: 'button', 'data-action': 'arrival-clear' }, t('arrivalClear'));
  clear.addEventListener('click', () => store.commit(setArrival(store.tour, sceneId, link.id)));
  const shown =
    arrival && target
      ? directionThumb({
          // The viewer shows the target turned to the arrival while it is being chosen.
          imageUrl: panoramaImage(target.panorama, (path) => store.fileUrl(path)),
          view: arrival,
          label: t('dirArrivalLabel', { name: sceneName(store.tour, target, store.lang) }),
          look: pick,
          lookLabel: t('dirLook'),
          advancedLabel: t('dirAdvanced'),
          numbers: directionNumbers(arrival, t),
          testId: 'arrival-view',
        })
      : h('p', { class: 'ed-hint', 'data-testid': 'arrival-view' }, t('arrivalDefault'));
  return h(
    'fieldset',
    { 'data-field': 'arrival' },
    h('legend', {}, t('field_arrival')),
    shown,
    h('div', { class: 'ed-row' }, choose, arrival ? clear : false),
  );
}
