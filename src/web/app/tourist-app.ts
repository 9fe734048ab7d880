/**
 * The tourist's app, loaded by the entry (main.ts) once it has put up the poster: the tour
 * list, tour pages, languages, and offline support after the first paint. index.html
 * preloads this chunk (app-preload-plugin.ts), so splitting it off costs no round trip.
 */
import { App } from './app.ts';

export async function startTouristApp(root: HTMLElement): Promise<void> {
  const app = await App.start(root);
  // Offline support and app updates load after the first paint.
  const { startPhoneOffline } = await import('../offline/phone-offline.ts');
  startPhoneOffline({
    currentTourId: () => app.tourPage.currentTourId,
    translate: (key) => app.translator.t(key),
    notify: (text) => app.tourPage.notify(text),
  });
}
