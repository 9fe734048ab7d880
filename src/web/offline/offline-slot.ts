/**
 * Where the "save for offline" section goes in the about panel. The section and the download
 * code load only when the panel is opened, so they stay out of the tourist's first download.
 */
import type { Translator } from '../i18n/i18n.ts';
import { h } from '../ui/dom.ts';
import { offlineSupported } from './support.ts';

export function offlineSlot(tourId: string, t: Translator): HTMLElement | null {
  if (!offlineSupported()) return null;
  const slot = h('div', { class: 'offline-slot' });
  void import('./offline-section.ts').then(({ offlineSection }) =>
    slot.append(offlineSection(tourId, t)),
  );
  return slot;
}
