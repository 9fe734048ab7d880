/**
 * How the service worker answers tour requests: from the cache of the tour's saved version
 * when there is one (with byte ranges for audio), else from the network. The catalogue
 * (`tours/index.json`) and kiosk profiles are network-first with the last good copy as
 * fallback — and the network gets a deadline, so a link that never answers does not keep a
 * kiosk on "Loading…": the saved copy answers instead.
 */
import { createPartialResponse } from 'workbox-range-requests';
import {
  indexCacheName,
  readPointer,
  tourCacheName,
  tourOfUrl,
} from '../../core/publish/tour-files.ts';
import { SMALL_FILE_MS, withDeadline } from '../net/deadline.ts';

/**
 * With a saved copy to fall back on, the network gets this long: well under the page's own
 * deadline, so the page gets the copy rather than a failure of its own.
 */
export const NETWORK_FIRST_MS = 4_000;

export function respondFromTours(request: Request, scope: string): Promise<Response> | undefined {
  // Downloads of a new version ask for fresh bytes: they must not get the saved ones back.
  if (request.method !== 'GET' || request.cache === 'no-store' || request.cache === 'reload')
    return undefined;
  const url = new URL(request.url);
  // Kiosk profiles change on the server and must still load offline: like the catalogue.
  if (url.pathname.startsWith(new URL('kiosk/', scope).pathname))
    return networkFirst(request, scope);
  const target = tourOfUrl(url, scope);
  if (!target) return undefined;
  if (target.kind === 'index') return networkFirst(request, scope);
  return fromSavedTour(request, scope, target.tourId);
}

async function fromSavedTour(request: Request, scope: string, tourId: string): Promise<Response> {
  const pointer = await readPointer(scope, tourId);
  if (pointer) {
    const cache = await caches.open(tourCacheName(scope, tourId, pointer.version));
    const cached = await cache.match(withoutSearch(request.url));
    if (cached)
      return request.headers.has('range') ? createPartialResponse(request, cached) : cached;
  }
  return fetch(request);
}

async function networkFirst(request: Request, scope: string): Promise<Response> {
  const cache = await caches.open(indexCacheName(scope));
  const key = withoutSearch(request.url);
  const cached = await cache.match(key);
  try {
    return await withDeadline(
      request.url,
      cached ? NETWORK_FIRST_MS : SMALL_FILE_MS,
      request.signal,
      async (signal) => {
        const response = await fetch(request, { signal });
        if (!response.ok) return response;
        // Read whole within the deadline: headers then silence is no answer either.
        const body = await response.arrayBuffer();
        const copy = new Response(body, response);
        await cache.put(key, copy.clone());
        return copy;
      },
    );
  } catch (error) {
    if (cached) return cached;
    throw error;
  }
}

const withoutSearch = (url: string): string => url.split(/[?#]/)[0]!;
