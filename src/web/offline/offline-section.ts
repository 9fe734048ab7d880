/**
 * "Save this tour for offline" in the tour's about panel: one button, then a progress bar
 * (files and megabytes), then "Saved · 6.5 MB · Remove". Errors say what happened and what to
 * do (connection lost: try again, it resumes; storage full: free some space).
 */
import type { Translator } from '../i18n/i18n.ts';
import { isKioskPage } from '../kiosk/kiosk-page.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import { DownloadError, type Progress, removeTour, savedVersion, saveTour } from './tour-store.ts';

const mb = (bytes: number): string => (bytes / 1e6).toFixed(1);

export function offlineSection(tourId: string, t: Translator): HTMLElement {
  const section = h('section', { class: 'offline', 'data-testid': 'offline' });
  void render(section, tourId, t);
  return section;
}

async function render(section: HTMLElement, tourId: string, t: Translator): Promise<void> {
  const saved = await savedVersion(tourId).catch(() => undefined);
  const heading = h('h3', {}, t.t('offline.title'));
  if (saved) {
    const remove = h(
      'button',
      { type: 'button', class: 'button button--quiet', 'data-testid': 'offline-remove' },
      t.t('offline.remove'),
    );
    remove.addEventListener(
      'click',
      () => void removeTour(tourId).then(() => render(section, tourId, t)),
    );
    replaceChildren(
      section,
      heading,
      h('p', { 'data-testid': 'offline-status' }, t.t('offline.saved', { mb: mb(saved.bytes) })),
      // A kiosk's visitors must not delete its copy: staff manage it on the staff screen.
      isKioskPage() ? null : remove,
      await storageLine(t),
    );
    return;
  }
  const save = h(
    'button',
    { type: 'button', class: 'button', 'data-testid': 'offline-save' },
    t.t('offline.save'),
  );
  save.addEventListener('click', () => void download(section, tourId, t));
  replaceChildren(section, heading, h('p', {}, t.t('offline.explain')), save);
}

async function download(section: HTMLElement, tourId: string, t: Translator): Promise<void> {
  const bar = h('progress', { max: '1', value: '0', 'aria-label': t.t('offline.title') });
  const status = h('p', { role: 'status', 'data-testid': 'offline-progress' });
  replaceChildren(section, h('h3', {}, t.t('offline.title')), bar, status);
  const show = (p: Progress) => {
    bar.max = Math.max(1, p.totalBytes);
    bar.value = p.bytes;
    status.textContent = t.t('offline.progress', {
      files: p.files,
      totalFiles: p.totalFiles,
      mb: mb(p.bytes),
      totalMb: mb(p.totalBytes),
    });
  };
  try {
    await saveTour(tourId, { onProgress: show });
    await render(section, tourId, t);
  } catch (error) {
    const reason = error instanceof DownloadError ? error.reason : 'network';
    const retry = h('button', { type: 'button', class: 'button' }, t.t('offline.retry'));
    retry.addEventListener('click', () => void download(section, tourId, t));
    replaceChildren(
      section,
      h('h3', {}, t.t('offline.title')),
      h('p', { role: 'alert' }, t.t(`offline.error.${reason}`)),
      retry,
    );
  }
}

/** The whole site's share of the device's storage, so a visitor can judge what to remove. */
async function storageLine(t: Translator): Promise<HTMLElement | null> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  if (!estimate?.usage || !estimate.quota) return null;
  return h(
    'p',
    { class: 'offline__storage', 'data-testid': 'offline-storage' },
    t.t('offline.storage', { used: mb(estimate.usage), quota: Math.round(estimate.quota / 1e6) }),
  );
}
