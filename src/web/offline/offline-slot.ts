/**
 * Where the "save for offline" section goes in the about panel. The section and the download
 * code load only when the panel is opened, so they stay out of the tourist's first download.
 */
import type { Translator } from '../i18n/i18n.ts';
import { h } from '../ui/dom.ts';

/** The dev server has no service worker and no file lists: offline is a built-site feature. */
export const offlineSupported = (): boolean =>
  !import.meta.env.DEV && 'caches' in window && 'serviceWorker' in navigator;

export function offlineSlot(tourId: string, t: Translator): HTMLElement | null {
  if (!offlineSupported()) return null;
  const slot = h('div', { class: 'offline-slot' });
  void import('./offline-section.ts').then(({ offlineSection }) =>
    slot.append(offlineSection(tourId, t)),
  );
  return slot;
}
