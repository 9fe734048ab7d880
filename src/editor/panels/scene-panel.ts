/**
 * The side panel for a scene: id, texts, narration, credit, start scene, links both ways and
 * deletion.
 */
import type { LangMap, Scene, Tour } from '../../core/manifest/schema.ts';
import { h, replaceChildren } from '../../web/ui/dom.ts';
import type { EditorContext } from '../context.ts';
import { creditField } from '../fields/credit.ts';
import { directionNumbers, directionThumb, panoramaImage } from '../fields/direction-thumb.ts';
import { languageTextField, MAX_TEXT, MAX_TITLE } from '../fields/language-text.ts';
import { narrationAudioField } from '../fields/narration-audio.ts';
import { renameField } from '../fields/rename.ts';
import { sceneName } from '../labels.ts';
import { linkBothFromHere } from '../link-both.ts';
import { sceneOf, updateScene } from '../model.ts';
import { confirmDeleteScene } from './delete-scene-dialog.ts';

/** The narration texts of a scene as one language map (the field edits only the text). */
const narrationText = (scene: Scene | undefined): LangMap =>
  Object.fromEntries(
    Object.entries(scene?.narration ?? {}).map(([lang, track]) => [lang, track.text ?? '']),
  );

function setNarrationText(tour: Tour, sceneId: string, map: LangMap): Tour {
  return updateScene(tour, sceneId, (s) => {
    const narration = { ...(s.narration ?? {}) };
    for (const [lang, text] of Object.entries(map))
      narration[lang] = { ...(narration[lang] ?? {}), text };
    return { ...s, narration };
  });
}

export function renderScenePanel(ctx: EditorContext, panel: HTMLElement, scene: Scene): void {
  const { store } = ctx;
  const t = store.t;
  const tour = store.tour;
  const sceneId = scene.id;
  const live = (of: Tour) => sceneOf(of, sceneId);
  const isStart =
    tour.startScene === sceneId || (!tour.startScene && tour.scenes[0]?.id === sceneId);
  const startButton = h(
    'button',
    { type: 'button', disabled: isStart, 'data-action': 'start-scene' },
    isStart ? t('isStartScene') : t('startScene'),
  );
  startButton.addEventListener('click', () => store.commit({ ...store.tour, startScene: sceneId }));
  const others = tour.scenes.filter((other) => other.id !== sceneId);
  const linkSelect = h(
    'select',
    { 'data-testid': 'link-both-target' },
    ...others.map((o) => h('option', { value: o.id }, sceneName(tour, o, store.lang))),
  );
  const linkButton = h(
    'button',
    { type: 'button', 'data-action': 'link-both' },
    t('linkBothButton'),
  );
  linkButton.addEventListener('click', () => {
    if (linkSelect.value) linkBothFromHere(ctx, sceneId, linkSelect.value);
  });
  const remove = h(
    'button',
    { type: 'button', class: 'danger', 'data-action': 'delete-scene' },
    t('delete'),
  );
  remove.addEventListener('click', () => confirmDeleteScene(store, sceneId));
  replaceChildren(
    panel,
    h('h2', {}, t('panelScene', { name: sceneName(tour, scene, store.lang) })),
    renameField(ctx, scene),
    languageTextField(ctx, {
      field: 'title',
      map: scene.title,
      max: MAX_TITLE,
      read: (of) => live(of)?.title,
      change: (of, title) => updateScene(of, sceneId, (s) => ({ ...s, title })),
      mergeKey: `${sceneId}.title`,
    }),
    languageTextField(ctx, {
      field: 'description',
      map: scene.description,
      max: MAX_TEXT,
      read: (of) => live(of)?.description,
      change: (of, description) => updateScene(of, sceneId, (s) => ({ ...s, description })),
      mergeKey: `${sceneId}.description`,
      optional: true,
    }),
    languageTextField(ctx, {
      field: 'narration',
      map: narrationText(scene),
      max: MAX_TEXT * 2,
      read: (of) => {
        const current = live(of);
        return current ? narrationText(current) : undefined;
      },
      change: (of, map) => setNarrationText(of, sceneId, map),
      mergeKey: `${sceneId}.narration`,
      optional: true,
    }),
    startViewField(ctx, scene),
    narrationAudioField(ctx, scene),
    creditField(ctx, scene),
    startButton,
    others.length > 0 &&
      h('div', { class: 'ed-row' }, h('label', {}, t('linkBoth'), ' ', linkSelect), linkButton),
    h('p', { class: 'ed-hint' }, t('selectHint')),
    remove,
  );
}

/** The first view as a small picture, with "Xem" to turn the viewer back to it. */
function startViewField({ store, view }: EditorContext, scene: Scene): Node {
  const t = store.t;
  const start = scene.startView;
  // Unset, the viewer opens at the middle of the panorama at its default zoom.
  const shown = start ?? { yaw: 0, pitch: 0 };
  return h(
    'fieldset',
    { 'data-field': 'startView', 'data-testid': 'start-view' },
    h('legend', {}, t('field_startView')),
    directionThumb({
      imageUrl: panoramaImage(scene.panorama, (path) => store.fileUrl(path)),
      view: shown,
      label: t('dirStartLabel', { name: sceneName(store.tour, scene, store.lang) }),
      look: () => view.lookAt(shown),
      lookLabel: t('dirLook'),
      advancedLabel: t('dirAdvanced'),
      numbers: start ? directionNumbers(start, t) : [t('notSet')],
    }),
    start ? false : h('p', { class: 'ed-hint' }, t('dirStartUnset')),
  );
}
