/**
 * How the service worker answers tour requests: from the cache of the tour's saved version
 * when there is one (with byte ranges for audio), else from the network. The catalogue
 * (`tours/index.json`) and kiosk profiles are network-first with the last good copy as
 * fallback.
 */
import { createPartialResponse } from 'workbox-range-requests';
import {
  INDEX_CACHE,
  readPointer,
  tourCacheName,
  tourOfUrl,
} from '../../core/publish/tour-files.ts';

export function respondFromTours(request: Request, scope: string): Promise<Response> | undefined {
  // Downloads of a new version ask for fresh bytes: they must not get the saved ones back.
  if (request.method !== 'GET' || request.cache === 'no-store' || request.cache === 'reload')
    return undefined;
  const url = new URL(request.url);
  // Kiosk profiles change on the server and must still load offline: like the catalogue.
  if (url.pathname.startsWith(new URL('kiosk/', scope).pathname)) return networkFirst(request);
  const target = tourOfUrl(url, scope);
  if (!target) return undefined;
  if (target.kind === 'index') return networkFirst(request);
  return fromSavedTour(request, target.tourId);
}

async function fromSavedTour(request: Request, tourId: string): Promise<Response> {
  const pointer = await readPointer(tourId);
  if (pointer) {
    const cache = await caches.open(tourCacheName(tourId, pointer.version));
    const cached = await cache.match(withoutSearch(request.url));
    if (cached)
      return request.headers.has('range') ? createPartialResponse(request, cached) : cached;
  }
  return fetch(request);
}

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(INDEX_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(withoutSearch(request.url), response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(withoutSearch(request.url));
    if (cached) return cached;
    throw error;
  }
}

const withoutSearch = (url: string): string => url.split(/[?#]/)[0]!;
