/**
 * Kiosks keep their tours on the device. On first start they download every tour of their
 * profile behind a full-screen progress display, then run with no network at all. Every
 * request has a deadline, so a link that never answers counts as no link. At each idle reset
 * — after the attract screen is up, never before — they check for newer versions in the
 * background and swap them in only while nobody is using the kiosk (kiosk-sync.ts); failed
 * downloads are retried with backoff, and their state is kept for staff (kiosk-status.ts)
 * and shown as a small mark on the attract screen.
 */
import { createTranslator, type Translator } from '../i18n/i18n.ts';
import { h } from '../ui/dom.ts';
import { registerServiceWorker } from './app-update.ts';
import { KioskStatus } from './kiosk-status.ts';
import { KioskSync } from './kiosk-sync.ts';
import {
  appScope,
  keepCopy,
  offlineSupported,
  prepareTour,
  type Progress,
  savedVersion,
} from './tour-store.ts';

export type { KioskStatus };

export interface KioskOffline {
  /** What staff see: per tour version, size, checks, retries, errors; fires `change`. */
  readonly status: KioskStatus;
  /** The small mark for the attract screen (a dot; its `data-state` says what is going on). */
  readonly mark: HTMLElement;
  /**
   * Called at each idle reset once the attract screen is shown: swaps in a downloaded update
   * if `idle()` still holds, else checks in the background. Never to be awaited by the reset.
   */
  refresh(idle: () => boolean): void;
  /** Staff: check for updates now (retrying what failed). */
  checkNow(): Promise<void>;
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

function inert(tours: readonly string[]): KioskOffline {
  const status = new KioskStatus(tours);
  return {
    status,
    mark: statusMark(status),
    refresh: () => undefined,
    checkNow: async () => undefined,
  };
}

export async function prepareKioskOffline(
  profile: string,
  tours: readonly string[],
  languages: readonly string[],
): Promise<KioskOffline> {
  if (!offlineSupported()) return inert(tours);
  const updates = registerServiceWorker(() => undefined);
  if (!updates || !(await updates.registered)) return inert(tours);
  // The profile itself must load with no network at the next start; the kiosk does not wait
  // on it (a stalled link would hold the start for the request's deadline).
  if (navigator.onLine) void keepCopy(`kiosk/${profile}.json`).catch(() => undefined);
  const status = new KioskStatus(tours, appScope());
  const sync = new KioskSync(tours, languages, status, {
    prepareTour,
    savedVersion,
    online: () => navigator.onLine,
    checkApp: () => updates.check(),
    applyApp: () => updates.apply(),
    reload: () => location.reload(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    now: () => new Date(),
  });
  await sync.load();
  // Back online after a cut: no need to wait for the next scheduled try.
  window.addEventListener('online', () => {
    if (!status.healthy) void sync.check();
  });
  const missing = status.snapshot().tours.some((tour) => tour.version === null);
  if (missing && navigator.onLine) await firstDownload(sync, tours.length, languages);
  return {
    status,
    mark: statusMark(status),
    refresh: (idle) => void sync.refresh(idle),
    checkNow: () => sync.check(),
  };
}

/**
 * The first download, behind its progress display. If it fails part-way the kiosk starts
 * anyway (online), with the mark showing the copy is not whole, and retries by itself.
 */
async function firstDownload(
  sync: KioskSync,
  tours: number,
  languages: readonly string[],
): Promise<void> {
  const t = await createTranslator(languages[0] ?? 'vi');
  const screen = downloadScreen(t);
  document.body.append(screen.element);
  try {
    await sync.check((progress, index) => screen.show(progress, index + 1, tours));
  } finally {
    screen.element.remove();
  }
}

/**
 * A small dot in a corner of the attract screen, for staff walking by: nothing when all is
 * saved, amber while the copy is not whole and retries run, a soft pulse while updating.
 * Never text or an alarm: visitors have nothing to do about it.
 */
function statusMark(status: KioskStatus): HTMLElement {
  const mark = h('span', {
    class: 'kiosk-mark',
    'aria-hidden': 'true',
    'data-testid': 'kiosk-offline-mark',
  });
  const render = () => {
    const tours = status.snapshot().tours;
    // Not whole (never saved, or failing) outranks everything: it must never look fine.
    const incomplete = tours.some((tour) => tour.version === null || tour.state === 'retrying');
    const busy = tours.find((tour) => tour.state === 'updating' || tour.state === 'pending');
    mark.dataset.state = incomplete ? 'incomplete' : (busy?.state ?? 'saved');
    mark.dataset.retries = String(Math.max(0, ...tours.map((tour) => tour.retries)));
  };
  status.addEventListener('change', render);
  render();
  return mark;
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
  };
}
