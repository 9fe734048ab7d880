/**
 * Unattended for months, a kiosk must recover by itself: it reloads after a burst of uncaught
 * errors, or when a lost WebGL context is still lost after a grace period (the viewer first
 * tries to bring it back without a reload: viewer-host.ts). Reloads are bounded — at most
 * `maxReloads` within `reloadWindowMs`, the next one waiting for the window to pass — so a
 * fault that survives a reload cannot make the kiosk reload in a loop.
 */
export interface ReloadPolicy {
  maxReloads: number;
  reloadWindowMs: number;
}

export type ReloadDecision = { reload: true } | { reload: false; retryInMs: number };

/** Whether to reload now, given the times of the recent reloads (pure: tests drive it). */
export function reloadDecision(
  history: readonly number[],
  now: number,
  { maxReloads, reloadWindowMs }: ReloadPolicy,
): ReloadDecision {
  const recent = history.filter((time) => now - time < reloadWindowMs).sort((a, b) => a - b);
  if (recent.length < maxReloads) return { reload: true };
  return { reload: false, retryInMs: recent[recent.length - maxReloads]! + reloadWindowMs - now };
}

export interface ReloadRecord {
  at: number;
  reason: string;
}

/** Where the reload history survives the reload itself (the tab's session storage). */
export interface ReloadLog {
  read(): ReloadRecord[];
  write(records: ReloadRecord[]): void;
}

const LOG_KEY = 'kiosk-watchdog-reloads';

export const sessionReloadLog: ReloadLog = {
  read() {
    try {
      const records = JSON.parse(sessionStorage.getItem(LOG_KEY) ?? '[]') as unknown;
      return Array.isArray(records) ? (records as ReloadRecord[]) : [];
    } catch {
      return [];
    }
  },
  write(records) {
    try {
      sessionStorage.setItem(LOG_KEY, JSON.stringify(records));
    } catch {
      // No storage: the bound then holds for this page only.
    }
  },
};

export interface WatchdogOptions extends Partial<ReloadPolicy> {
  reload?: () => void;
  /** Uncaught errors within `windowMs` that trigger a reload. */
  maxErrors?: number;
  windowMs?: number;
  /** How long a lost WebGL context may stay lost before the page is reloaded. */
  contextGraceMs?: number;
  log?: ReloadLog;
  now?: () => number;
  /** Whether a canvas is still on the page with its context lost (tests replace it). */
  isLost?: (canvas: HTMLCanvasElement) => boolean;
}

/** Whether a canvas that lost its context is still on the page with the context still lost. */
function stillLost(canvas: HTMLCanvasElement): boolean {
  if (!canvas.isConnected) return false; // the viewer replaced it with a new one
  // Asking for the context type it already has returns that context, never a new one.
  const gl = (canvas.getContext('webgl2') ??
    canvas.getContext('webgl')) as WebGLRenderingContext | null;
  return gl?.isContextLost() ?? false;
}

export class Watchdog {
  private readonly reload: () => void;
  private readonly maxErrors: number;
  private readonly windowMs: number;
  private readonly contextGraceMs: number;
  private readonly policy: ReloadPolicy;
  private readonly log: ReloadLog;
  private readonly now: () => number;
  private readonly isLost: (canvas: HTMLCanvasElement) => boolean;
  private errors: number[] = [];
  private readonly lost = new Map<HTMLCanvasElement, ReturnType<typeof setTimeout>>();
  private pending: ReturnType<typeof setTimeout> | undefined;
  private readonly onError = () => this.recordError();
  private readonly onContextLost = (event: Event) => {
    event.preventDefault(); // lets the browser restore it (three.js asks for the same)
    const canvas = event.target as HTMLCanvasElement;
    clearTimeout(this.lost.get(canvas));
    this.lost.set(
      canvas,
      setTimeout(() => {
        this.lost.delete(canvas);
        if (this.isLost(canvas)) this.requestReload('webgl-context-lost');
      }, this.contextGraceMs),
    );
  };
  private readonly onContextRestored = (event: Event) => {
    const canvas = event.target as HTMLCanvasElement;
    clearTimeout(this.lost.get(canvas));
    this.lost.delete(canvas);
  };

  constructor(options: WatchdogOptions = {}) {
    this.reload = options.reload ?? (() => location.reload());
    this.maxErrors = options.maxErrors ?? 5;
    this.windowMs = options.windowMs ?? 60_000;
    this.contextGraceMs = options.contextGraceMs ?? 10_000;
    this.policy = {
      maxReloads: options.maxReloads ?? 3,
      reloadWindowMs: options.reloadWindowMs ?? 15 * 60_000,
    };
    this.log = options.log ?? sessionReloadLog;
    this.now = options.now ?? (() => Date.now());
    this.isLost = options.isLost ?? stillLost;
  }

  start(): void {
    window.addEventListener('error', this.onError);
    window.addEventListener('unhandledrejection', this.onError);
    // WebGL context events do not bubble: listen in the capture phase on the document.
    document.addEventListener('webglcontextlost', this.onContextLost, true);
    document.addEventListener('webglcontextrestored', this.onContextRestored, true);
  }

  stop(): void {
    for (const timer of this.lost.values()) clearTimeout(timer);
    this.lost.clear();
    clearTimeout(this.pending);
    this.pending = undefined;
    window.removeEventListener('error', this.onError);
    window.removeEventListener('unhandledrejection', this.onError);
    document.removeEventListener('webglcontextlost', this.onContextLost, true);
    document.removeEventListener('webglcontextrestored', this.onContextRestored, true);
  }

  /** Reloads now, or once the bound allows it; one reload at most is ever waiting. */
  requestReload(reason: string): void {
    if (this.pending !== undefined) return;
    const now = this.now();
    const records = this.log.read();
    const decision = reloadDecision(
      records.map((record) => record.at),
      now,
      this.policy,
    );
    if (!decision.reload) {
      this.pending = setTimeout(() => {
        this.pending = undefined;
        this.requestReload(reason);
      }, decision.retryInMs);
      return;
    }
    const kept = records.filter((record) => now - record.at < this.policy.reloadWindowMs);
    this.log.write([...kept, { at: now, reason }]);
    this.reload();
  }

  private recordError(): void {
    const now = this.now();
    this.errors = [...this.errors.filter((time) => now - time < this.windowMs), now];
    if (this.errors.length >= this.maxErrors) {
      this.errors = [];
      this.requestReload('errors');
    }
  }
}
