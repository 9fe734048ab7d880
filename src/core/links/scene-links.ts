/**
 * The printed links of a tour: one per scene (and per hotspot when asked), each with the title
 * a volunteer recognises. Pure: `tour links`, `tour qr` and the tests share it.
 */
import type { Tour } from '../manifest/schema.ts';
import { textOf } from '../manifest/text.ts';
import { deepLinkUrl } from './deep-link.ts';

export interface PrintedLink {
  sceneId: string;
  hotspotId?: string;
  /** `scene` or `scene/hotspot`: unique within the tour, used for file names. */
  key: string;
  /** Title in the tour's default language. */
  title: string;
  url: string;
}

export class BaseUrlError extends Error {}

/**
 * The published site's address as links need it: http(s), no fragment, and a folder address
 * ending in "/" (`https://host/tours` → `https://host/tours/`) so `#/…` lands on its index page.
 */
export function normalizeBase(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new BaseUrlError(
      `"${input}" is not a web address (expected e.g. https://di-tich.example.vn/)`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BaseUrlError(`"${input}" must start with https:// (or http://)`);
  }
  url.hash = '';
  const last = url.pathname.split('/').at(-1) ?? '';
  if (last !== '' && !last.includes('.')) url.pathname += '/';
  return url.href;
}

export function printedLinks(
  tour: Tour,
  base: string,
  options: { hotspots?: boolean } = {},
): PrintedLink[] {
  const root = normalizeBase(base);
  const lang = tour.defaultLanguage;
  return tour.scenes.flatMap((scene) => {
    const title = textOf(scene.title, lang, lang) || scene.id;
    const sceneLink: PrintedLink = {
      sceneId: scene.id,
      key: scene.id,
      title,
      url: deepLinkUrl(root, { tour: tour.id, scene: scene.id }),
    };
    if (!options.hotspots) return [sceneLink];
    const hotspotLinks = scene.hotspots.map((hotspot) => ({
      sceneId: scene.id,
      hotspotId: hotspot.id,
      key: `${scene.id}/${hotspot.id}`,
      title: hotspotTitle(tour, hotspot, lang) || hotspot.id,
      url: deepLinkUrl(root, { tour: tour.id, scene: scene.id, hotspot: hotspot.id }),
    }));
    return [sceneLink, ...hotspotLinks];
  });
}

function hotspotTitle(
  tour: Tour,
  hotspot: Tour['scenes'][number]['hotspots'][number],
  lang: string,
) {
  if (hotspot.type !== 'scene') return textOf(hotspot.title, lang, lang);
  const target = tour.scenes.find((s) => s.id === hotspot.target);
  return textOf(hotspot.title, lang, lang) || textOf(target?.title, lang, lang);
}

/** The scene an id or a former id (alias) names, if any. */
export function resolveSceneId(tour: Tour, id: string): string | undefined {
  return tour.scenes.find((scene) => scene.id === id || scene.aliases?.includes(id))?.id;
}

/** `tour links` output: id, title, URL, tab-separated, one line each. */
export const formatLinkLines = (links: readonly PrintedLink[]): string =>
  links
    .map((link) => `${link.key}\t${link.title.replace(/[\t\n]+/g, ' ')}\t${link.url}\n`)
    .join('');
