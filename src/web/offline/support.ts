/**
 * Whether this page can keep tours offline. Tiny and DOM-only on purpose: the about panel
 * asks it before loading any offline code, and the tour store asks it too.
 */

/** The dev server has no service worker and no file lists: offline is a built-site feature. */
export const offlineSupported = (): boolean =>
  !import.meta.env.DEV && 'caches' in window && 'serviceWorker' in navigator;
