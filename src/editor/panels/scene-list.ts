/**
 * The left column: tour settings, the scenes in gallery order (with up/down buttons), and the
 * drop zone where panoramas become new scenes.
 */
import type { Scene } from '../../core/manifest/schema.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import { icon } from '../../web/ui/icons.ts';
import type { EditorContext } from '../context.ts';
import { sceneName } from '../labels.ts';
import { moveScene } from '../model.ts';
import type { EditorStore } from '../store.ts';
import { addPanoramas } from '../tour-files.ts';

export function renderSceneList({ store }: EditorContext, sidebar: HTMLElement): void {
  const t = store.t;
  if (!store.open) return replaceChildren(sidebar, h('p', { class: 'ed-hint' }, t('noTour')));
  const tour = store.tour;
  const items = tour.scenes.map((scene, index) => {
    const isStart = tour.startScene === scene.id || (!tour.startScene && scene === tour.scenes[0]);
    const item = h(
      'button',
      {
        type: 'button',
        class: 'ed-scene',
        'aria-current': scene.id === store.sceneId ? 'true' : undefined,
        'data-scene': scene.id,
      },
      h('span', { class: 'ed-scene-title' }, sceneName(tour, scene, store.lang)),
      h(
        'small',
        {},
        scene.id,
        isStart &&
          h(
            'span',
            { class: 'ed-start-mark', role: 'img', 'aria-label': t('up_startScene') },
            icon('star'),
          ),
      ),
    );
    item.addEventListener('click', () => store.selectScene(scene.id));
    return h('li', { class: 'ed-scene-row' }, item, ...moveButtons(store, scene, index));
  });
  const settings = h(
    'button',
    {
      type: 'button',
      class: 'ed-scene',
      'aria-current': store.selection.kind === 'tour' ? 'true' : undefined,
      'data-action': 'tour-settings',
    },
    t('tourSettings'),
  );
  settings.addEventListener('click', () => store.selectTour());
  replaceChildren(
    sidebar,
    settings,
    h('h2', {}, t('scenes')),
    h('ol', {}, ...items),
    panoramaDrop(store),
  );
}

/** Up/down buttons of a scene in the list: the order is the gallery's and the attract loop's. */
function moveButtons(store: EditorStore, scene: Scene, index: number): Node[] {
  const t = store.t;
  const count = store.tour.scenes.length;
  const name = sceneName(store.tour, scene, store.lang);
  const button = (step: -1 | 1, symbol: 'arrowUp' | 'arrowDown', label: string) => {
    const disabled = step === -1 ? index === 0 : index === count - 1;
    const b = h(
      'button',
      {
        type: 'button',
        class: 'ed-move',
        disabled,
        'aria-label': `${label}: ${name}`,
        title: label,
        'data-action': step === -1 ? 'scene-up' : 'scene-down',
      },
      icon(symbol),
    );
    b.addEventListener('click', () => store.commit(moveScene(store.tour, scene.id, step)));
    return b;
  };
  return [button(-1, 'arrowUp', t('moveUp')), button(1, 'arrowDown', t('moveDown'))];
}

/** Choose or drop panoramas: each becomes a scene. */
function panoramaDrop(store: EditorStore): Node {
  const input = h('input', {
    type: 'file',
    accept: 'image/jpeg,image/png,image/webp',
    multiple: true,
    class: 'ed-drop-input',
    'data-testid': 'panorama-input',
  });
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    void addPanoramas(store, files);
  });
  const drop = h('label', { class: 'ed-drop' }, store.t('addScene'), input);
  drop.addEventListener('dragover', (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    void addPanoramas(store, [...(event.dataTransfer?.files ?? [])]);
  });
  return drop;
}
