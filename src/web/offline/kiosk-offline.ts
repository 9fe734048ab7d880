/**
 * Kiosks keep their tours on the device. On first start they download every tour of their
 * profile behind a full-screen progress display, then run with no network at all; at each
 * idle reset, when online, they fetch newer tour versions beside the old ones and swap them
 * in, and apply a waiting app update — a visitor never sees either happen.
 */
import { createTranslator, type Translator } from '../i18n/i18n.ts';
import { h } from '../ui/dom.ts';
import { registerServiceWorker } from './app-update.ts';
import { keepCopy, offlineSupported, type Progress, savedVersion, saveTour } from './tour-store.ts';

export interface KioskOffline {
  /** Called at each idle reset: resolves true when the page is about to reload. */
  refresh(): Promise<boolean>;
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

export async function prepareKioskOffline(
  profile: string,
  tours: readonly string[],
  languages: readonly string[],
): Promise<KioskOffline> {
  if (!offlineSupported()) return { refresh: async () => false };
  const updates = registerServiceWorker(() => undefined);
  if (!(await updates?.registered)) return { refresh: async () => false };
  // The profile itself must load with no network at the next start.
  if (navigator.onLine) await keepCopy(`kiosk/${profile}.json`).catch(() => undefined);
  const missing = [];
  for (const tour of tours)
    if (!(await savedVersion(tour).catch(() => undefined))) missing.push(tour);
  if (missing.length > 0 && navigator.onLine) await firstDownload(missing, languages);
  return {
    async refresh() {
      if (!navigator.onLine) return false;
      let changed = false;
      for (const tour of tours) {
        const before = (await savedVersion(tour).catch(() => undefined))?.version;
        // A failed update leaves the saved version as it was: try again at the next reset.
        const after = await saveTour(tour, { languages }).catch(() => undefined);
        if (after && after.version !== before) changed = true;
      }
      if (updates?.waiting) {
        updates.apply();
        return true;
      }
      if (changed) location.reload();
      return changed;
    },
  };
}

async function firstDownload(
  tours: readonly string[],
  languages: readonly string[],
): Promise<void> {
  const t = await createTranslator(languages[0] ?? 'vi');
  const screen = downloadScreen(t);
  document.body.append(screen.element);
  try {
    for (const [index, tour] of tours.entries()) {
      await saveTour(tour, {
        languages,
        onProgress: (progress) => screen.show(progress, index + 1, tours.length),
      }).catch(() => screen.failed());
    }
  } finally {
    screen.element.remove();
  }
}

function downloadScreen(t: Translator) {
  const bar = h('progress', { max: '1', value: '0', 'aria-label': t.t('offline.kioskTitle') });
  const status = h('p', {
    class: 'kiosk-download__status',
    'data-testid': 'kiosk-download-status',
  });
  const element = h(
    'div',
    { class: 'kiosk-download', role: 'status', 'data-testid': 'kiosk-download' },
    h('h1', {}, t.t('offline.kioskTitle')),
    bar,
    status,
  );
  return {
    element,
    show(progress: Progress, tour: number, tours: number) {
      bar.max = Math.max(1, progress.totalBytes);
      bar.value = progress.bytes;
      status.textContent = t.t('offline.kioskProgress', {
        tour,
        tours,
        files: progress.files,
        totalFiles: progress.totalFiles,
        mb: mb(progress.bytes),
        totalMb: mb(progress.totalBytes),
      });
    },
    failed() {
      status.textContent = t.t('offline.error.network');
    },
  };
}
