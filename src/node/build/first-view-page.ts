/**
 * The static page of one scene (`<base>/<tour>/<scene>/index.html`), made from the built
 * `index.html`: same scripts, same CSP, but it names the scene's poster, so the browser
 * fetches the picture together with the scripts and paints it as soon as the HTML and CSS are
 * in — long before the 3D viewer's code has arrived. Pure text in, text out (tested alone).
 */
import type { EquirectTiles } from '../../core/manifest/schema.ts';
import type { StartView } from '../../core/first-view/view-geometry.ts';
import { TOUR_POSTERS_ID } from '../../core/first-view/poster-layout.ts';

/** Two folders down from the site's root: every relative URL of `index.html` gains this. */
export const PAGE_PREFIX = '../../';

export interface ScenePageInfo {
  tourId: string;
  sceneId: string;
  /** Language of the titles below (the tour's default): the page's `lang`. */
  lang: string;
  /** `Scene — Tour`, for <title> and og:title. */
  title: string;
  description: string;
  /** Site-relative paths of the two posters and their pixel sizes. */
  posters: { portrait: PosterRef; landscape: PosterRef };
  /** Tiny blurred pictures shown while the posters load (data URIs). */
  placeholders: { portrait: string; landscape: string };
  /** `(max-aspect-ratio: 540/960)`: when the portrait poster is the one. */
  portraitMedia: string;
  /** Absolute URLs for Open Graph, when the site's public address is known. */
  shareImage?: { url: string; width: number; height: number } | undefined;
  pageUrl?: string | undefined;
  /** Site-relative paths of the modules the live viewer needs, fetched early. */
  modulePreloads: readonly string[];
  /** Site-relative paths of JSON the app fetches first (tour.json). */
  fetchPreloads: readonly string[];
  /** What the poster shows: the viewer hands over when it shows the same, sharp. */
  view: StartView;
  tiles?: EquirectTiles | undefined;
  /** Tour-relative path of the scene's low-resolution preview (what PSV draws first). */
  preview?: string | undefined;
}

export interface PosterRef {
  path: string;
  width: number;
  height: number;
}

export const escapeHtml = (text: string): string =>
  text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');

const attrs = (values: Record<string, string | number | undefined>): string =>
  Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');

/** The built index.html turned into the page of one scene. */
export function scenePageHtml(indexHtml: string, info: ScenePageInfo): string {
  const url = (path: string) => PAGE_PREFIX + path;
  let html = indexHtml.replace(/(\s(?:href|src))="\.\//g, `$1="${PAGE_PREFIX}`);
  html = html.replace(/<html lang="[^"]*"/, `<html lang="${escapeHtml(info.lang)}"`);
  html = html.replace(
    /<meta name="description"[^>]*>/,
    `<meta${attrs({ name: 'description', content: info.description })} />`,
  );
  // The posters come first in the head: in document order ahead of every script.
  const head = [
    `<title>${escapeHtml(info.title)}</title>`,
    ...shareTags(info).map((tag) => `    ${tag}`),
    ...(['portrait', 'landscape'] as const).map(
      (orientation) =>
        `    <link${attrs({
          rel: 'preload',
          as: 'image',
          href: url(info.posters[orientation].path),
          media:
            orientation === 'portrait' ? info.portraitMedia : `not all and ${info.portraitMedia}`,
          fetchpriority: 'high',
        })}>`,
    ),
    ...info.fetchPreloads.map(
      (path) =>
        `    <link${attrs({ rel: 'preload', as: 'fetch', crossorigin: '', href: url(path) })}>`,
    ),
  ].join('\n');
  html = html.replace(/<title>[\s\S]*?<\/title>/, () => head);
  html = html.replace(
    /<div id="app" class="app">[\s\S]*?<\/div>/,
    () => `<div id="app" class="app">${posterMarkup(info)}</div>`,
  );
  // The viewer's code after the poster: it is needed next, but not before the picture.
  const preloads = modulePreloads(info, PAGE_PREFIX, '    ');
  return html.replace('</body>', () => `${preloads}\n  </body>`);
}

function shareTags(info: ScenePageInfo): string[] {
  const meta = (key: 'property' | 'name', name: string, content: string | number) =>
    `<meta${attrs({ [key]: name, content })}>`;
  const tags = [
    meta('property', 'og:type', 'website'),
    meta('property', 'og:title', info.title),
    meta('property', 'og:description', info.description),
    meta('name', 'twitter:title', info.title),
    meta('name', 'twitter:description', info.description),
  ];
  if (info.pageUrl) tags.push(meta('property', 'og:url', info.pageUrl));
  if (info.shareImage) {
    tags.push(
      meta('property', 'og:image', info.shareImage.url),
      meta('property', 'og:image:width', info.shareImage.width),
      meta('property', 'og:image:height', info.shareImage.height),
      meta('name', 'twitter:card', 'summary_large_image'),
      meta('name', 'twitter:image', info.shareImage.url),
    );
  } else {
    tags.push(meta('name', 'twitter:card', 'summary'));
  }
  return tags;
}

/**
 * The placeholder under the poster (both fill the viewer's box, `object-fit: cover`, as PSV
 * frames the view); data attributes tell the app what the poster shows, for the handover.
 */
function posterMarkup(info: ScenePageInfo, prefix = PAGE_PREFIX, inTemplate = false): string {
  const { portrait, landscape } = info.posters;
  const picture = (cls: string, portraitSrc: string, landscapeImg: string) =>
    `<picture class="${cls}"><source${attrs({
      media: info.portraitMedia,
      srcset: portraitSrc,
    })}>${landscapeImg}</picture>`;
  const placeholder = picture(
    'first-view__placeholder',
    info.placeholders.portrait,
    `<img${attrs({ src: info.placeholders.landscape, alt: '' })}>`,
  );
  const poster = picture(
    'first-view__poster',
    prefix + portrait.path,
    `<img${attrs({
      src: prefix + landscape.path,
      width: landscape.width,
      height: landscape.height,
      alt: info.title,
      fetchpriority: 'high',
      // Element Timing: when the poster was painted (the bench's first visible panorama).
      elementtiming: 'first-view',
      'data-testid': 'first-view-poster',
    })}>`,
  );
  return `<div${attrs({
    class: 'first-view',
    'data-testid': 'first-view',
    'data-tour': info.tourId,
    'data-scene': info.sceneId,
    'data-view': JSON.stringify(info.view),
    'data-tiles': info.tiles ? JSON.stringify(info.tiles) : undefined,
    'data-preview': info.preview,
  })}>${inTemplate ? '' : placeholder}${poster}${inTemplate ? modulePreloads(info, prefix) : ''}</div>`;
}

/**
 * The viewer's code, asked for once the poster is: in a scene page at the end of the body,
 * in index.html's template inside each poster (cloning it starts the downloads). The app
 * waits for these to arrive before it fetches the start view's tiles (first-view.ts).
 */
function modulePreloads(info: ScenePageInfo, prefix: string, indent = ''): string {
  return info.modulePreloads
    .map(
      (path) =>
        `${indent}<link${attrs({ rel: 'modulepreload', crossorigin: '', href: prefix + path })}>`,
    )
    .join(indent ? '\n' : '');
}

/**
 * `index.html` with the poster of each tour's start scene in an inert `<template>` (nothing
 * in it is fetched until the app clones it): a `#/<tour>` link or a tap in the tour list then
 * shows the poster as soon as the entry script runs, without waiting for tour.json or the 3D
 * viewer. No placeholders here (their data URIs would weigh on every page of the site): the
 * template stays a few hundred bytes per tour.
 */
export function withTourPosters(indexHtml: string, starts: readonly ScenePageInfo[]): string {
  if (starts.length === 0) return indexHtml;
  const markup = starts.map((info) => posterMarkup(info, '', true)).join('');
  return indexHtml.replace(
    '</body>',
    () => `  <template id="${TOUR_POSTERS_ID}">${markup}</template>\n  </body>`,
  );
}
