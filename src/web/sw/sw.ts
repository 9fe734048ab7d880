/// <reference lib="webworker" />
/**
 * The service worker: the app shell is precached by workbox; tours are served from the cache
 * of their saved version (see tour-store.ts), byte ranges included so narration can seek
 * offline; everything else goes to the network as usual.
 */
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { migrateUnscopedCaches } from './sw-migrate.ts';
import { respondFromTours } from './sw-tours.ts';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: Array<{ url: string; revision: string | null }>;
};

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
// Fetches wait for activation: saved tours are under their scoped names before any is served.
self.addEventListener('activate', (event) =>
  event.waitUntil(
    migrateUnscopedCaches(self.registration.scope)
      .catch(() => undefined)
      .then(() => self.clients.claim()),
  ),
);

// Tours first: their requests never reach the precache.
self.addEventListener('fetch', (event) => {
  const response = respondFromTours(event.request, self.registration.scope);
  if (response) event.respondWith(response);
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Any address of the app (`./`, `./?kiosk=hall`) opens the precached page when offline.
// Not addresses of files (`CREDITS.md`, `schema/tour.json`): those must fail honestly offline.
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), {
    denylist: [/\/[^/]+\.[a-z0-9]+$/i],
  }),
);
