/**
 * The deep-link scheme: what the address bar and every QR code hold.
 *
 *   <base>#/<tour>/<scene>[/<hotspot>][?v=<yaw>,<pitch>[,<zoom>]][&l=<lang>]
 *
 * The route lives in the fragment so that any static host serves it without rewrites, and
 * old links stay valid: unknown parameters are ignored, malformed parts are dropped rather
 * than failing the whole link. Angles are degrees, rounded to 0.1°.
 * Pure module: no DOM, used by the viewer, the CLI and the QR generator alike.
 */
import { isId, isLanguageCode } from '../manifest/ids.ts';

export interface LinkView {
  yaw: number;
  pitch: number;
  zoom?: number;
}

export interface DeepLink {
  tour?: string;
  scene?: string;
  hotspot?: string;
  view?: LinkView;
  lang?: string;
}

const VIEW_PARAM = 'v';
const LANG_PARAM = 'l';

/** Parses a fragment (`#/tour/scene?…`, with or without `#`) or a full URL. Never throws. */
export function parseDeepLink(input: string): DeepLink {
  const fragment = extractFragment(input);
  const queryStart = fragment.indexOf('?');
  const route = queryStart >= 0 ? fragment.slice(0, queryStart) : fragment;
  const query = queryStart >= 0 ? fragment.slice(queryStart + 1) : '';

  const link: DeepLink = {};
  const [tour, scene, hotspot] = route.split('/').filter(Boolean).map(safeDecode);
  if (tour && isId(tour)) {
    link.tour = tour;
    if (scene && isId(scene)) {
      link.scene = scene;
      if (hotspot && isId(hotspot)) link.hotspot = hotspot;
    }
  }
  const params = new URLSearchParams(query);
  const view = parseView(params.get(VIEW_PARAM));
  if (view) link.view = view;
  const lang = params.get(LANG_PARAM);
  if (lang && isLanguageCode(lang)) link.lang = lang;
  return link;
}

/** Formats a link as a fragment, `#/tour/scene?v=…&l=…`; parts without a tour are dropped. */
export function formatDeepLink(link: DeepLink): string {
  let route = '#/';
  if (link.tour) {
    route += link.tour;
    if (link.scene) {
      route += `/${link.scene}`;
      if (link.hotspot) route += `/${link.hotspot}`;
    }
  }
  const params: string[] = [];
  if (link.view) params.push(`${VIEW_PARAM}=${formatView(link.view)}`);
  if (link.lang) params.push(`${LANG_PARAM}=${link.lang}`);
  return params.length > 0 ? `${route}?${params.join('&')}` : route;
}

/** A full, shareable URL: `base` is the address of the published site (its index page). */
export function deepLinkUrl(base: string, link: DeepLink): string {
  const withoutFragment = base.split('#')[0] ?? base;
  return `${withoutFragment}${formatDeepLink(link)}`;
}

/** Rounds angles to what a link can carry, so a formatted view parses back identically. */
export function normalizeView(view: LinkView): LinkView {
  const yaw = round1(((view.yaw % 360) + 360) % 360);
  const pitch = round1(Math.max(-90, Math.min(90, view.pitch)));
  const normalized: LinkView = { yaw: yaw === 360 ? 0 : yaw, pitch };
  if (view.zoom !== undefined) normalized.zoom = Math.round(Math.max(0, Math.min(100, view.zoom)));
  return normalized;
}

function formatView(view: LinkView): string {
  const { yaw, pitch, zoom } = normalizeView(view);
  const parts = [yaw, pitch].map(String);
  if (zoom !== undefined) parts.push(String(zoom));
  return parts.join(',');
}

function parseView(value: string | null): LinkView | undefined {
  if (!value) return undefined;
  const numbers = value.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  if (numbers.length < 2 || numbers.length > 3 || numbers.some((n) => !Number.isFinite(n))) {
    return undefined;
  }
  const [yaw, pitch, zoom] = numbers as [number, number, number | undefined];
  return normalizeView(zoom === undefined ? { yaw, pitch } : { yaw, pitch, zoom });
}

function extractFragment(input: string): string {
  const hash = input.indexOf('#');
  // A URL without a fragment names no tour; a bare string is taken as the fragment itself.
  if (hash < 0 && input.includes('://')) return '';
  const fragment = hash >= 0 ? input.slice(hash + 1) : input;
  return fragment.startsWith('/') ? fragment.slice(1) : fragment;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return '';
  }
}

function round1(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? 0 : rounded;
}
