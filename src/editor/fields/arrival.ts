/** Where a visitor looks on arriving through a scene link: chosen by looking in the target. */
import type { SceneHotspot } from '../../core/manifest/schema.ts';
import { h } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { sceneOf, setArrival } from '../model.ts';
import { viewText } from '../util.ts';

export function arrivalField({ store }: EditorContext, sceneId: string, link: SceneHotspot): Node {
  const t = store.t;
  const arrival = link.arrival;
  const choose = h(
    'button',
    { type: 'button', disabled: !link.target, 'data-action': 'arrival-pick' },
    t('arrivalPick'),
  );
  choose.addEventListener('click', () => {
    if (!link.target || !sceneOf(store.tour, link.target)) return;
    store.startArrivalPick({ sceneId, hotspotId: link.id, target: link.target });
  });
  const clear = h('button', { type: 'button', 'data-action': 'arrival-clear' }, t('arrivalClear'));
  clear.addEventListener('click', () => store.commit(setArrival(store.tour, sceneId, link.id)));
  return h(
    'fieldset',
    { 'data-field': 'arrival' },
    h('legend', {}, t('field_arrival')),
    h('p', { 'data-testid': 'arrival-view' }, arrival ? viewText(arrival) : t('arrivalDefault')),
    h('div', { class: 'ed-row' }, choose, arrival ? clear : false),
  );
}
