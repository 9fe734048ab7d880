/**
 * The tour without WebGL: every scene as a card with its picture, description and narration
 * (recording with controls, else the transcript), so an old phone still tells the story.
 */
import { representativeImage } from '../../core/manifest/panorama.ts';
import type { Translator } from '../i18n/i18n.ts';
import type { Scene, Tour } from '../../core/manifest/schema.ts';
import { contentText } from '../../core/language/content-fallback.ts';
import { planNarration } from '../../core/narration/narration-plan.ts';
import { h } from '../ui/dom.ts';
import { renderMarkdown } from '../ui/markdown.ts';

export function renderSceneList(
  tour: Tour,
  lang: string,
  t: Translator,
  assetUrl: (path: string) => string,
): HTMLElement {
  return h(
    'main',
    { class: 'scene-list', 'data-testid': 'scene-list' },
    h('p', { class: 'message message--error', role: 'alert' }, t.t('viewer.webglError')),
    h(
      'ol',
      { class: 'scene-list__items' },
      ...tour.scenes.map((scene) => renderScene(tour, scene, lang, assetUrl)),
    ),
  );
}

function renderScene(
  tour: Tour,
  scene: Scene,
  lang: string,
  assetUrl: (path: string) => string,
): HTMLElement {
  const title = contentText(scene.title, lang, tour);
  const description = contentText(scene.description, lang, tour);
  const picture = scene.panorama.thumbnail ?? representativeImage(scene.panorama);
  const plan = planNarration(scene, lang, tour);
  const narration =
    plan.kind === 'audio'
      ? h('audio', { controls: true, preload: 'none', src: assetUrl(plan.audio), lang: plan.lang })
      : null;
  const transcript =
    plan.kind !== 'none' && plan.text
      ? h('div', { lang: plan.lang }, renderMarkdown(plan.text))
      : null;
  return h(
    'li',
    { class: 'scene-list__item', 'data-scene': scene.id },
    picture
      ? h('img', { src: assetUrl(picture), alt: '', loading: 'lazy', class: 'scene-list__image' })
      : null,
    h('h2', { lang: title?.lang }, title?.text ?? scene.id),
    description ? h('p', { lang: description.lang }, description.text) : null,
    narration,
    transcript,
  );
}
