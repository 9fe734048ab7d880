/**
 * Unattended for months, a kiosk must recover by itself: it reloads after a lost WebGL
 * context that does not come back, or after a burst of uncaught errors.
 */
export interface WatchdogOptions {
  reload?: () => void;
  /** Uncaught errors within `windowMs` that trigger a reload. */
  maxErrors?: number;
  windowMs?: number;
  /** Grace period for a lost WebGL context to be restored. */
  contextGraceMs?: number;
}

export class Watchdog {
  private readonly reload: () => void;
  private readonly maxErrors: number;
  private readonly windowMs: number;
  private readonly contextGraceMs: number;
  private errors: number[] = [];
  private contextTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onError = () => this.recordError();
  private readonly onContextLost = (event: Event) => {
    event.preventDefault(); // lets the browser try to restore it
    clearTimeout(this.contextTimer);
    this.contextTimer = setTimeout(this.reload, this.contextGraceMs);
  };
  private readonly onContextRestored = () => clearTimeout(this.contextTimer);

  constructor(options: WatchdogOptions = {}) {
    this.reload = options.reload ?? (() => location.reload());
    this.maxErrors = options.maxErrors ?? 5;
    this.windowMs = options.windowMs ?? 60_000;
    this.contextGraceMs = options.contextGraceMs ?? 5_000;
  }

  start(): void {
    window.addEventListener('error', this.onError);
    window.addEventListener('unhandledrejection', this.onError);
    // WebGL context events do not bubble: listen in the capture phase on the document.
    document.addEventListener('webglcontextlost', this.onContextLost, true);
    document.addEventListener('webglcontextrestored', this.onContextRestored, true);
  }

  stop(): void {
    clearTimeout(this.contextTimer);
    window.removeEventListener('error', this.onError);
    window.removeEventListener('unhandledrejection', this.onError);
    document.removeEventListener('webglcontextlost', this.onContextLost, true);
    document.removeEventListener('webglcontextrestored', this.onContextRestored, true);
  }

  private recordError(): void {
    const now = Date.now();
    this.errors = [...this.errors.filter((time) => now - time < this.windowMs), now];
    if (this.errors.length >= this.maxErrors) {
      this.errors = [];
      this.reload();
    }
  }
}
