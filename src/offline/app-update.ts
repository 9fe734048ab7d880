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
}

export function registerServiceWorker(
  onWaiting: (updates: AppUpdates) => void,
): AppUpdates | undefined {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return undefined;
  const workbox = new Workbox(new URL('sw.js', document.baseURI).href, { scope: './' });
  let waiting = false;
  const updates: AppUpdates = {
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
  void workbox.register().catch(() => undefined);
  return updates;
}
