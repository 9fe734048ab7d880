/**
 * The side panel for a hotspot: its position, then the fields of its kind. Each edit goes
 * through the model's helper for that kind, so a field can only set what the kind has.
 */
import type {
  Hotspot,
  LinkHotspot,
  Scene,
  SceneHotspot,
  Tour,
} from '../../core/manifest/schema.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { arrivalField } from '../fields/arrival.ts';
import { audioField } from '../fields/audio.ts';
import { directionNumbers, directionThumb, panoramaImage } from '../fields/direction-thumb.ts';
import { imageField } from '../fields/image.ts';
import { bodyTextField } from '../fields/body-text.ts';
import { languageTextField, MAX_TITLE } from '../fields/language-text.ts';
import { hotspotLabel, sceneName } from '../labels.ts';
import {
  deleteHotspot,
  hotspotText,
  sceneOf,
  setHotspotTitle,
  setInfoImage,
  updateAudioHotspot,
  updateInfoHotspot,
  updateLinkHotspot,
  updateSceneHotspot,
} from '../model.ts';

export function renderHotspotPanel(
  ctx: EditorContext,
  panel: HTMLElement,
  scene: Scene,
  hotspot: Hotspot,
): void {
  const { store } = ctx;
  const t = store.t;
  const sceneId = scene.id;
  const hotspotId = hotspot.id;
  const live = (tour: Tour) => sceneOf(tour, sceneId)?.hotspots?.find((hs) => hs.id === hotspotId);
  const parts: Array<Node | false> = [
    h(
      'h2',
      {},
      t('panelHotspot', {
        type: t(`type_${hotspot.type}`),
        name: hotspotLabel(store.tour, hotspot, store.lang, t('untitledPoint')),
      }),
    ),
    positionField(ctx, scene, hotspot),
  ];
  if (hotspot.type === 'scene') parts.push(...sceneLinkFields(ctx, sceneId, hotspot));
  // A scene link's title is optional: by default it shows the target scene's title.
  parts.push(
    languageTextField(ctx, {
      field: 'title',
      map: hotspot.title,
      max: MAX_TITLE,
      read: (tour) => live(tour)?.title,
      change: (tour, title) => setHotspotTitle(tour, sceneId, hotspotId, title),
      mergeKey: `${hotspotId}.title`,
      optional: hotspot.type === 'scene',
    }),
  );
  if (hotspot.type === 'info') {
    parts.push(
      bodyTextField(ctx, {
        map: hotspot.body,
        read: (tour) => {
          const current = live(tour);
          return current && hotspotText(current, 'body');
        },
        change: (tour, body) =>
          updateInfoHotspot(tour, sceneId, hotspotId, (hs) => ({ ...hs, body })),
        mergeKey: `${hotspotId}.body`,
      }),
      imageField(ctx, hotspot, (image) =>
        store.commit(setInfoImage(store.tour, sceneId, hotspotId, image)),
      ),
    );
  }
  if (hotspot.type === 'audio') {
    parts.push(
      audioField(ctx, hotspot, (audio) =>
        store.commit(
          updateAudioHotspot(store.tour, sceneId, hotspotId, (hs) => ({ ...hs, audio })),
        ),
      ),
    );
  }
  if (hotspot.type === 'link') parts.push(urlField(ctx, sceneId, hotspot));
  const remove = h(
    'button',
    { type: 'button', class: 'danger', 'data-action': 'delete-hotspot' },
    t('delete'),
  );
  remove.addEventListener('click', () => {
    const name = hotspotLabel(store.tour, hotspot, store.lang, t('untitledPoint'));
    if (!confirm(t('confirmDeleteHotspot', { name }))) return;
    store.commit(deleteHotspot(store.tour, sceneId, hotspotId), {
      select: { kind: 'scene', sceneId },
    });
  });
  parts.push(remove);
  replaceChildren(panel, ...parts);
}

/** Where the hotspot sits, as a small picture around it; the numbers folded away. */
function positionField({ store, view }: EditorContext, scene: Scene, hotspot: Hotspot): Node {
  const t = store.t;
  const position = hotspot.position;
  return h(
    'fieldset',
    { 'data-field': 'position' },
    h('legend', {}, t('field_position')),
    directionThumb({
      imageUrl: panoramaImage(scene.panorama, (path) => store.fileUrl(path)),
      view: position,
      point: true,
      label: t('dirPositionLabel', {
        name: hotspotLabel(store.tour, hotspot, store.lang, t('untitledPoint')),
      }),
      look: () => view.lookAt(position),
      lookLabel: t('dirLook'),
      advancedLabel: t('dirAdvanced'),
      numbers: directionNumbers(position, t),
    }),
    h('p', { class: 'ed-hint' }, t('dirPositionHint')),
  );
}

/** Where a scene link leads, and the view on arriving there. */
function sceneLinkFields(ctx: EditorContext, sceneId: string, link: SceneHotspot): Node[] {
  const { store } = ctx;
  const tour = store.tour;
  const target = h(
    'select',
    { 'data-field': 'target', 'data-testid': 'hotspot-target' },
    h('option', { value: '' }, '—'),
    ...tour.scenes
      .filter((s) => s.id !== sceneId)
      .map((s) =>
        h(
          'option',
          { value: s.id, selected: s.id === link.target },
          sceneName(tour, s, store.lang),
        ),
      ),
  );
  target.addEventListener('change', () =>
    store.commit(
      updateSceneHotspot(store.tour, sceneId, link.id, (hs) => ({ ...hs, target: target.value })),
    ),
  );
  return [
    h('label', { class: 'ed-field' }, store.t('field_target'), target),
    arrivalField(ctx, sceneId, link),
  ];
}

function urlField({ store }: EditorContext, sceneId: string, link: LinkHotspot): Node {
  const url = h('input', { type: 'url', value: link.url, 'data-field': 'url' });
  url.addEventListener('input', () =>
    store.commit(
      updateLinkHotspot(store.tour, sceneId, link.id, (hs) => ({ ...hs, url: url.value })),
      { mergeKey: `${link.id}.url`, keepPanel: true },
    ),
  );
  return h('label', { class: 'ed-field' }, store.t('field_url'), url);
}
