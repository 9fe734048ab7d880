/**
 * The printed links of a tour: one per scene (and per hotspot when asked), each with the label
 * a volunteer recognises and that says what the link opens. A hotspot link opens its scene
 * facing the hotspot, so its label names that scene first: "Louvre — arrow to Machu Picchu",
 * "Louvre — The glass pyramid". Pure: `tour links`, `tour qr` and the tests share it.
 */
import type { Hotspot, Scene, Tour } from '../manifest/schema.ts';
import { textOf } from '../manifest/text.ts';
import { deepLinkUrl } from './deep-link.ts';

export interface PrintedLink {
  sceneId: string;
  hotspotId?: string;
  /** `scene` or `scene/hotspot`: unique within the tour, used for file names. */
  key: string;
  /** Label in the tour's default language. */
  title: string;
  /** The label in each of the tour's languages, the default language first. */
  titles: Array<{ lang: string; text: string }>;
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
  const langs = [lang, ...tour.languages.filter((l) => l !== lang)];
  const labels = (label: (lang: string) => string) => {
    const titles = langs.flatMap((l) => {
      const text = label(l);
      return text ? [{ lang: l, text }] : [];
    });
    return { title: label(lang), titles };
  };
  return tour.scenes.flatMap((scene) => {
    const sceneLink: PrintedLink = {
      sceneId: scene.id,
      key: scene.id,
      ...labels((l) => (l === lang ? sceneTitle(tour, scene, l) : (scene.title[l] ?? ''))),
      url: deepLinkUrl(root, { tour: tour.id, scene: scene.id }),
    };
    if (!options.hotspots) return [sceneLink];
    const hotspotLinks = scene.hotspots.map((hotspot) => ({
      sceneId: scene.id,
      hotspotId: hotspot.id,
      key: `${scene.id}/${hotspot.id}`,
      ...labels((l) => (l === lang || scene.title[l] ? hotspotLabel(tour, scene, hotspot, l) : '')),
      url: deepLinkUrl(root, { tour: tour.id, scene: scene.id, hotspot: hotspot.id }),
    }));
    return [sceneLink, ...hotspotLinks];
  });
}

/** How a label names what a hotspot opens, per language; English for languages not listed. */
const HOTSPOT_LABEL: Readonly<
  Record<string, { arrow: (target: string) => string; link: (title: string) => string }>
> = {
  vi: { arrow: (t) => `mũi tên tới ${t}`, link: (t) => `liên kết: ${t}` },
  en: { arrow: (t) => `arrow to ${t}`, link: (t) => `link: ${t}` },
  fr: { arrow: (t) => `flèche vers ${t}`, link: (t) => `lien : ${t}` },
  zh: { arrow: (t) => `前往${t}的箭头`, link: (t) => `链接：${t}` },
  'zh-Hant': { arrow: (t) => `前往${t}的箭頭`, link: (t) => `連結：${t}` },
  ko: { arrow: (t) => `${t} 방향 화살표`, link: (t) => `링크: ${t}` },
  ja: { arrow: (t) => `${t}への矢印`, link: (t) => `リンク：${t}` },
};

const TRADITIONAL = /^zh-(hant|tw|hk|mo)\b/i;

function hotspotPhrases(lang: string) {
  const base = lang.split('-')[0]!.toLowerCase();
  if (base === 'zh' && TRADITIONAL.test(lang)) return HOTSPOT_LABEL['zh-Hant']!;
  return HOTSPOT_LABEL[lang] ?? HOTSPOT_LABEL[base] ?? HOTSPOT_LABEL.en!;
}

const sceneTitle = (tour: Tour, scene: Scene, lang: string): string =>
  textOf(scene.title, lang, tour.defaultLanguage) || scene.id;

/**
 * What a hotspot's link opens, in one language: its scene, facing the hotspot. A scene hotspot
 * is the arrow to its target ("Louvre — arrow to Machu Picchu"); info and audio hotspots are
 * named by their title ("Louvre — The glass pyramid"); a link hotspot by its title as a link.
 * A text missing in `lang` falls back to the tour's default language, then to the id.
 */
export function hotspotLabel(tour: Tour, scene: Scene, hotspot: Hotspot, lang: string): string {
  const fallback = tour.defaultLanguage;
  const where = sceneTitle(tour, scene, lang);
  const phrases = hotspotPhrases(lang);
  const own = textOf(hotspot.title, lang, fallback);
  switch (hotspot.type) {
    case 'scene': {
      const target = tour.scenes.find((s) => s.id === hotspot.target);
      const name = (target && textOf(target.title, lang, fallback)) || own || hotspot.target;
      return `${where} — ${phrases.arrow(name)}`;
    }
    case 'link':
      return `${where} — ${phrases.link(own || hotspot.id)}`;
    default:
      return `${where} — ${own || hotspot.id}`;
  }
}

/** The scene an id or a former id (alias) names, if any. */
export function resolveSceneId(tour: Tour, id: string): string | undefined {
  return tour.scenes.find((scene) => scene.id === id || scene.aliases?.includes(id))?.id;
}

/**
 * One cell of tab-separated output, safe to open in a spreadsheet: control characters (tab,
 * CR, LF, NUL, DEL, C1) and line separators become one space, so a title cannot add columns
 * or rows; a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first, e.g.
 * `=HYPERLINK(…)`) gets a leading `'`, which spreadsheets read as "this is text" (OWASP).
 */
export function spreadsheetCell(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return /^[=+\-@]/.test(clean) ? `'${clean}` : clean;
}

/** `tour links` output: id, title, URL, tab-separated, one line each, every cell escaped. */
export const formatLinkLines = (links: readonly PrintedLink[]): string =>
  links
    .map((link) => `${[link.key, link.title, link.url].map(spreadsheetCell).join('\t')}\n`)
    .join('');
