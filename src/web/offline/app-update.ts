/**
 * The service worker's life on the page: registered once; when a new app version is waiting,
 * phones get a "new version — reload" prompt, and kiosks apply it at their next idle reset.
 * Nothing here waits on the network unbounded: a page already controlled by a worker counts
 * as registered at once (the shell is served from precache), and an update check has a
 * deadline.
 */
import { Workbox } from 'workbox-window';
import { SMALL_FILE_MS, settleWithin } from '../net/deadline.ts';

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
  /**
   * Asks the server for a newer `sw.js` (`registration.update()`), giving up after a deadline;
   * resolves whether a new version is waiting.
   */
  check(): Promise<boolean>;
}

export function registerServiceWorker(
  onWaiting: (updates: AppUpdates) => void,
): AppUpdates | undefined {
  // The dev server serves no worker: registering would only log a 404.
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !window.isSecureContext)
    return undefined;
  const workbox = new Workbox(new URL('sw.js', document.baseURI).href, { scope: './' });
  let waiting = false;
  const registering = workbox.register().then(
    (registration) => registration !== undefined,
    () => false,
  );
  // A controlled page was served by its worker: no need to wait for `register()`, which may
  // sit on a `sw.js` request a stalled link never answers.
  const registered =
    navigator.serviceWorker.controller !== null ? Promise.resolve(true) : registering;
  const updates: AppUpdates = {
    registered,
    get waiting() {
      return waiting;
    },
    apply() {
      workbox.addEventListener('controlling', () => location.reload());
      workbox.messageSkipWaiting();
    },
    async check() {
      await settleWithin(
        workbox.update().then(() => true),
        SMALL_FILE_MS,
        false,
      );
      return waiting;
    },
  };
  workbox.addEventListener('waiting', () => {
    waiting = true;
    onWaiting(updates);
  });
  return updates;
}
