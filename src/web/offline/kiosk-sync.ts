/**
 * Keeping a kiosk's saved tours current and whole, in the background. A check downloads any
 * newer version beside the one in use (unchanged files copied, not downloaded); the new
 * version is swapped in — pointer moved, page reloaded — only while nobody is using the
 * kiosk (`idle()`, i.e. the attract screen is up); if a visitor is there, the swap waits for
 * the next idle reset. A failed check or download is tried again with backoff (seconds at
 * first, at most hourly) until the copy is whole. Storage, network and page are injected so
 * the rules are unit-tested without a browser.
 */
import { backoffDelay } from '../../core/retry.ts';
import type { KioskStatus } from './kiosk-status.ts';
import type { PreparedTour, Progress, SaveOptions, TourPointer } from './tour-store.ts';

/** Progress of tour `index` (0-based) of the kiosk's tours. */
export type SyncProgress = (progress: Progress, index: number) => void;

export interface SyncDeps {
  prepareTour(tourId: string, options: SaveOptions): Promise<PreparedTour>;
  savedVersion(tourId: string): Promise<TourPointer | undefined>;
  online(): boolean;
  /** Checks for a new app version (with a deadline); resolves whether one is waiting. */
  checkApp(): Promise<boolean>;
  /** Swaps in the waiting app version (the page reloads). */
  applyApp(): void;
  reload(): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): Date;
}

/** Tries per file within one download: beyond them, the backoff takes over. */
const FILE_TRIES = 1;

export class KioskSync {
  private idle: () => boolean = () => false;
  private running: Promise<void> | undefined;
  private again = false;
  private readonly prepared = new Map<string, PreparedTour>();
  private retryTimer: unknown;
  private failures = 0;
  private swapped = false;
  /** Swapped in without a reload (a touch came during the swap): reload at the next idle. */
  private reloadPending = false;

  constructor(
    private readonly tours: readonly string[],
    private readonly languages: readonly string[],
    private readonly status: KioskStatus,
    private readonly deps: SyncDeps,
  ) {}

  /** Fills the status from what is saved (before any network). */
  async load(): Promise<void> {
    for (const tourId of this.tours) {
      const pointer = await this.deps.savedVersion(tourId).catch(() => undefined);
      const before = this.status.tour(tourId);
      this.status.update(tourId, {
        version: pointer?.version ?? null,
        savedBytes: pointer?.bytes ?? 0,
        lastSuccess: before?.lastSuccess ?? pointer?.savedAt ?? null,
        state: pointer ? (before?.retries ? 'retrying' : 'saved') : 'missing',
      });
    }
  }

  /**
   * An idle reset: the attract screen is up. Swaps in what is ready, else checks for updates
   * in the background. Never awaited by the reset: the attract screen does not wait on it.
   */
  refresh(idle: () => boolean): Promise<void> {
    this.idle = idle;
    if (this.swapIfIdle()) return Promise.resolve();
    return this.check();
  }

  /** Checks every tour now (staff's "check now", a retry, the first start). */
  check(onProgress?: SyncProgress): Promise<void> {
    this.deps.clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (this.running) {
      // One run at a time; a request during it runs once more after it.
      this.again = true;
      return this.running;
    }
    this.running = this.run(onProgress).finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.check();
      }
    });
    return this.running;
  }

  private async run(onProgress?: SyncProgress): Promise<void> {
    if (!this.deps.online()) {
      this.scheduleRetry();
      return;
    }
    let failed = false;
    for (const [index, tourId] of this.tours.entries()) {
      const before = this.status.tour(tourId);
      this.status.update(tourId, { state: 'updating', lastCheck: this.deps.now().toISOString() });
      try {
        const prepared = await this.deps.prepareTour(tourId, {
          languages: this.languages,
          retries: FILE_TRIES,
          ...(onProgress
            ? { onProgress: (progress: Progress) => onProgress(progress, index) }
            : {}),
        });
        if (!prepared.changed) {
          this.prepared.delete(tourId);
          this.status.update(tourId, {
            state: 'saved',
            version: prepared.pointer.version,
            savedBytes: prepared.pointer.bytes,
            retries: 0,
            nextRetryAt: null,
            pendingVersion: null,
          });
        } else if (before?.version === null || before === undefined) {
          // A first copy changes nothing on screen (the same version came from the network):
          // it is kept at once, no reload needed.
          await prepared.commit();
          this.succeeded(tourId, prepared.pointer);
        } else {
          this.prepared.set(tourId, prepared);
          this.status.update(tourId, {
            state: 'pending',
            pendingVersion: prepared.pointer.version,
            retries: 0,
            nextRetryAt: null,
          });
        }
      } catch (error) {
        failed = true;
        this.status.update(tourId, {
          state: 'retrying',
          retries: (before?.retries ?? 0) + 1,
          pendingVersion: null,
        });
        this.status.recordError(tourId, describe(error), this.deps.now());
      }
    }
    const appWaiting = await this.deps.checkApp().catch(() => false);
    this.status.setAppUpdateWaiting(appWaiting);
    if (failed) this.scheduleRetry();
    else this.failures = 0;
    this.swapIfIdle();
  }

  private succeeded(tourId: string, pointer: TourPointer): void {
    this.status.update(tourId, {
      state: 'saved',
      version: pointer.version,
      savedBytes: pointer.bytes,
      pendingVersion: null,
      lastSuccess: this.deps.now().toISOString(),
      retries: 0,
      nextRetryAt: null,
    });
  }

  private scheduleRetry(): void {
    this.failures++;
    const delay = backoffDelay(this.failures, { jitter: 0.2 });
    const at = new Date(this.deps.now().getTime() + delay).toISOString();
    for (const tourId of this.tours)
      if (this.status.tour(tourId)?.state === 'retrying')
        this.status.update(tourId, { nextRetryAt: at });
    this.deps.clearTimeout(this.retryTimer);
    this.retryTimer = this.deps.setTimeout(() => void this.check(), delay);
  }

  /** Swaps in what is ready if nobody is using the kiosk; true when the page reloads. */
  private swapIfIdle(): boolean {
    if (this.swapped) return true;
    const appWaiting = this.status.snapshot().appUpdateWaiting;
    const work = this.prepared.size > 0 || appWaiting || this.reloadPending;
    if (!work || !this.idle()) return false;
    this.swapped = true;
    void this.swap(appWaiting);
    return true;
  }

  private async swap(appWaiting: boolean): Promise<void> {
    for (const [tourId, prepared] of this.prepared) {
      await prepared.commit();
      this.succeeded(tourId, prepared.pointer);
    }
    this.prepared.clear();
    // A touch during the commit: the reload waits for the next idle reset.
    if (!this.idle()) {
      this.swapped = false;
      this.reloadPending = true;
      return;
    }
    if (appWaiting) this.deps.applyApp();
    else this.deps.reload();
  }
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
