/**
 * Offline on a visitor's phone: the service worker (so saved tours and the app open with no
 * signal), a "new version — reload" prompt, and saved tours kept current: when a saved tour is
 * opened online and a newer version is published, it is downloaded beside the old one and
 * swapped in.
 *
 * It knows the app only through `PhoneOfflineHost` (given by the entry, src/web/main.ts), so
 * the offline code does not import the app shell.
 */
import { h } from '../ui/dom.ts';
import { registerServiceWorker } from './app-update.ts';
import { savedVersion, saveTour, type SaveOptions, type TourPointer } from './tour-store.ts';

/** What phone offline needs from the app. */
export interface PhoneOfflineHost {
  /** The tour on screen, if any. */
  currentTourId(): string | null;
  /** A UI string in the visitor's language. */
  translate(key: 'offline.reload' | 'offline.newVersion' | 'offline.updated'): string;
  /** A short message that goes away by itself. */
  notify(text: string): void;
}

/** The tour store, injectable so the refresh rules are tested without Cache Storage. */
export interface SavedTours {
  savedVersion(tourId: string): Promise<TourPointer | undefined>;
  saveTour(tourId: string, options?: SaveOptions): Promise<TourPointer>;
  online(): boolean;
}

const browserStore: SavedTours = {
  savedVersion,
  saveTour,
  online: () => navigator.onLine,
};

/** Keeps the saved copy of the tour on screen current; one refresh at a time. */
export class SavedTourRefresher {
  private refreshing = false;

  constructor(
    private readonly host: PhoneOfflineHost,
    private readonly store: SavedTours = browserStore,
  ) {}

  async refresh(): Promise<void> {
    const tourId = this.host.currentTourId();
    if (!tourId || this.refreshing || !this.store.online()) return;
    this.refreshing = true;
    try {
      const saved = await this.store.savedVersion(tourId).catch(() => undefined);
      if (!saved) return;
      const now = await this.store.saveTour(tourId, { languages: saved.languages });
      if (now.version !== saved.version) this.host.notify(this.host.translate('offline.updated'));
    } catch {
      // The saved version stays in use; the next visit tries again.
    } finally {
      this.refreshing = false;
    }
  }
}

export function startPhoneOffline(host: PhoneOfflineHost): SavedTourRefresher {
  registerServiceWorker((updates) => {
    const reload = h(
      'button',
      { type: 'button', class: 'button', 'data-testid': 'app-update-reload' },
      host.translate('offline.reload'),
    );
    reload.addEventListener('click', () => updates.apply());
    const prompt = h(
      'div',
      { class: 'update-prompt', role: 'status', 'data-testid': 'app-update' },
      h('span', {}, host.translate('offline.newVersion')),
      reload,
    );
    document.body.append(prompt);
  });
  const refresher = new SavedTourRefresher(host);
  const refresh = () => void refresher.refresh();
  window.addEventListener('popstate', refresh);
  window.addEventListener('online', refresh);
  refresh();
  return refresher;
}
