/**
 * Offline on a visitor's phone: the service worker (so saved tours and the app open with no
 * signal), a "new version — reload" prompt, and saved tours kept current: when a saved tour is
 * opened online and a newer version is published, it is downloaded beside the old one and
 * swapped in.
 */
import type { App } from '../app/app.ts';
import { h } from '../ui/dom.ts';
import { registerServiceWorker } from './app-update.ts';
import { savedVersion, saveTour } from './tour-store.ts';

export function startPhoneOffline(app: App): void {
  registerServiceWorker((updates) => {
    const reload = h(
      'button',
      { type: 'button', class: 'button', 'data-testid': 'app-update-reload' },
      app.translator.t('offline.reload'),
    );
    reload.addEventListener('click', () => updates.apply());
    const prompt = h(
      'div',
      { class: 'update-prompt', role: 'status', 'data-testid': 'app-update' },
      h('span', {}, app.translator.t('offline.newVersion')),
      reload,
    );
    document.body.append(prompt);
  });
  const refresh = () => void refreshSavedTour(app);
  window.addEventListener('popstate', refresh);
  window.addEventListener('online', refresh);
  refresh();
}

let refreshing = false;

async function refreshSavedTour(app: App): Promise<void> {
  const tourId = app.tourPage.currentTourId;
  if (!tourId || refreshing || !navigator.onLine) return;
  const saved = await savedVersion(tourId).catch(() => undefined);
  if (!saved) return;
  refreshing = true;
  try {
    const now = await saveTour(tourId, { languages: saved.languages });
    if (now.version !== saved.version) app.tourPage.notify(app.translator.t('offline.updated'));
  } catch {
    // The saved version stays in use; the next visit tries again.
  } finally {
    refreshing = false;
  }
}
