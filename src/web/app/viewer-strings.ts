/**
 * What Photo Sphere Viewer shows in words, translated: its own UI strings (navbar, loader,
 * errors) and the labels of the tour's hotspots (read by screen readers, shown on focus).
 */
import type { Translator } from '../i18n/i18n.ts';
import type { NodeLabels } from '../viewer/nodes.ts';

/** PSV's own keys that have a `viewer.<key>` string of the same name. */
const PSV_KEYS = [
  'zoom',
  'zoomIn',
  'zoomOut',
  'moveUp',
  'moveDown',
  'moveLeft',
  'moveRight',
  'fullscreen',
  'menu',
  'gyroscope',
  'twoFingers',
  'ctrlZoom',
  'webglError',
] as const;

export function psvStrings(i18n: Translator): Record<string, string> {
  const t = i18n.t.bind(i18n);
  return {
    ...Object.fromEntries(PSV_KEYS.map((key) => [key, t(`viewer.${key}`)])),
    loading: t('app.loading'),
    close: t('app.close'),
    loadError: t('viewer.panoramaError'),
    gallery: t('viewer.scenes'),
    autorotate: t('viewer.autorotate'),
  };
}

export function nodeLabels(i18n: Translator): NodeLabels {
  const t = i18n.t.bind(i18n);
  return {
    goTo: (scene) => t('viewer.goTo', { scene }),
    info: (title) => t('viewer.info', { title }),
    audio: (title) => t('viewer.audio', { title }),
    link: (title) => t('viewer.link', { title }),
  };
}
