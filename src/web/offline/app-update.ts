/**
 * The service worker's life on the page: registered once; when a new app version is waiting,
 * phones get a "new version — reload" prompt, and kiosks apply it at their next idle reset.
 */
import { Workbox } from 'workbox-window';

export interface AppUpdates {
  /** True once a new version is waiting to be applied. */
  readonly waiting: boolean;
  /** Activates the waiting version and reloads the page. */
  apply(): void;
  /**
   * Whether a worker is in place: without one, saved tours could not be served, so there is
   * no point downloading them (a browser may refuse workers, as test browsers do).
   */
  readonly registered: Promise<boolean>;
}

export function registerServiceWorker(
  onWaiting: (updates: AppUpdates) => void,
): AppUpdates | undefined {
  // The dev server serves no worker: registering would only log a 404.
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !window.isSecureContext)
    return undefined;
  const workbox = new Workbox(new URL('sw.js', document.baseURI).href, { scope: './' });
  let waiting = false;
  const registered = workbox.register().then(
    (registration) => registration !== undefined,
    () => false,
  );
  const updates: AppUpdates = {
    registered,
    get waiting() {
      return waiting;
    },
    apply() {
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    },
  };
  workbox.addEventListener('waiting', () => {
    waiting = true;
    onWaiting(updates);
  });
  return updates;
}
