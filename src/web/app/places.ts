/**
 * Two plain lists beside the panorama: the scene's hotspots (reachable by keyboard and
 * screen readers, which cannot use the 3D markers), and, when a scene's panorama failed,
 * the other scenes to go to instead.
 */
import type { Translator } from '../i18n/i18n.ts';
import type { Scene } from '../../core/manifest/schema.ts';
import type { NodeLabels } from '../viewer/nodes.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import type { TourTexts } from './tour-texts.ts';

export interface PlacesContext {
  i18n: Translator;
  texts: TourTexts;
  labels: NodeLabels;
  hideExternalLinks: boolean;
  activate: (hotspotId: string) => void;
}

export function renderPlaces(nav: HTMLElement, scene: Scene | undefined, ctx: PlacesContext): void {
  const { texts, labels } = ctx;
  const items = (scene?.hotspots ?? [])
    .filter((hotspot) => !(ctx.hideExternalLinks && hotspot.type === 'link'))
    .map((hotspot) => {
      const title =
        hotspot.type === 'scene'
          ? texts.text(hotspot.title) || texts.text(texts.scene(hotspot.target)?.title)
          : texts.text(hotspot.title);
      const button = h(
        'button',
        { type: 'button', 'data-place': hotspot.id },
        hotspot.type === 'scene' ? labels.goTo(title) : labels[hotspot.type](title),
      );
      button.addEventListener('click', () => ctx.activate(hotspot.id));
      return h('li', {}, button);
    });
  replaceChildren(nav, h('h2', {}, ctx.i18n.t('viewer.places')), h('ul', {}, ...items));
  nav.setAttribute('aria-label', ctx.i18n.t('viewer.places'));
}

export function renderSceneError(
  box: HTMLElement,
  failedId: string,
  texts: TourTexts,
  i18n: Translator,
  goTo: (sceneId: string) => void,
): void {
  const others = (texts.tour?.scenes ?? []).filter((scene) => scene.id !== failedId);
  replaceChildren(
    box,
    h('p', { class: 'scene-error__title' }, i18n.t('viewer.panoramaError')),
    others.length > 0 ? h('p', {}, i18n.t('viewer.panoramaErrorHint')) : null,
    h(
      'ul',
      { class: 'scene-error__list' },
      ...others.map((scene) => {
        const button = h(
          'button',
          { type: 'button', 'data-scene': scene.id },
          texts.text(scene.title),
        );
        button.addEventListener('click', () => goTo(scene.id));
        return h('li', {}, button);
      }),
    ),
  );
}
