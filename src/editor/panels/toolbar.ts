/**
 * The bar above the viewer: what a click in the panorama places and "use this view"; while an
 * arrival view is chosen, the bar that confirms or cancels it. A click places nothing until a
 * kind is chosen (a stray click while looking around must not add an arrow); after one is
 * placed, or on Esc (editor-app.ts), the bar is back to looking.
 */
import { h, replaceChildren } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { type HotspotType, setArrival, setStartView } from '../model.ts';
import type { ArrivalPick } from '../store.ts';

const PLACE_TYPES = ['none', 'scene', 'info', 'audio', 'link'] as const satisfies ReadonlyArray<
  HotspotType | 'none'
>;

export function renderToolbar(ctx: EditorContext, toolbar: HTMLElement): void {
  const { store, view } = ctx;
  const t = store.t;
  if (!store.open || !store.sceneId) return replaceChildren(toolbar);
  if (store.arrivalPick) return renderArrivalBar(ctx, toolbar, store.arrivalPick);
  const select = h('select', { 'data-testid': 'place-type', 'aria-label': t('clickPlaces') });
  for (const type of PLACE_TYPES) {
    const label = type === 'none' ? t('placeNothing') : t(`type_${type}`);
    select.append(h('option', { value: type, selected: type === store.placeType }, label));
  }
  select.addEventListener('change', () => {
    store.setPlaceType(PLACE_TYPES.find((type) => type === select.value) ?? 'none');
  });
  const useView = h('button', { type: 'button', 'data-action': 'use-view' }, t('useView'));
  useView.addEventListener('click', () => {
    const sceneId = store.sceneId;
    if (!sceneId) return;
    store.commit(setStartView(store.tour, sceneId, view.currentView()));
  });
  // Redrawn on a change of the select itself: keyboard focus stays on it.
  const refocus = document.activeElement?.getAttribute('data-testid') === 'place-type';
  const placing = store.placeType !== 'none';
  const stop = h('button', { type: 'button', 'data-action': 'place-cancel' }, t('cancel'));
  stop.addEventListener('click', () => store.setPlaceType('none'));
  replaceChildren(
    toolbar,
    h('label', {}, t('clickPlaces'), ' ', select),
    placing && h('p', { class: 'ed-pick', role: 'status' }, t('place_hint')),
    placing && stop,
    !placing && useView,
  );
  if (refocus) select.focus();
}

/** Toolbar while choosing a link's arrival view inside its target scene. */
function renderArrivalBar(
  { store, view }: EditorContext,
  toolbar: HTMLElement,
  pick: ArrivalPick,
): void {
  const t = store.t;
  const use = h(
    'button',
    { type: 'button', class: 'primary', 'data-action': 'arrival-use' },
    t('arrivalUse'),
  );
  use.addEventListener('click', () => {
    const arrival = view.currentView();
    store.endArrivalPick(pick);
    store.commit(setArrival(store.tour, pick.sceneId, pick.hotspotId, arrival));
  });
  const cancel = h('button', { type: 'button', 'data-action': 'arrival-cancel' }, t('cancel'));
  cancel.addEventListener('click', () => {
    store.endArrivalPick(pick);
    store.refresh();
  });
  replaceChildren(
    toolbar,
    h('p', { class: 'ed-pick', role: 'status' }, t('arrivalPickHint')),
    use,
    cancel,
  );
}
