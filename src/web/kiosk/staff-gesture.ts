/**
 * The staff gesture: five taps in the top-left corner of the screen within three seconds.
 * A visitor touching the screen does not do that by chance; staff learn it from the README.
 * The counting is plain logic over (position, time), so tests drive it with fake times.
 */
export interface GestureOptions {
  taps?: number;
  withinMs?: number;
  /** Size of the corner square, in CSS pixels. */
  cornerPx?: number;
}

export class CornerTaps {
  private readonly taps: number;
  private readonly withinMs: number;
  private readonly cornerPx: number;
  private times: number[] = [];

  constructor({ taps = 5, withinMs = 3000, cornerPx = 96 }: GestureOptions = {}) {
    this.taps = taps;
    this.withinMs = withinMs;
    this.cornerPx = cornerPx;
  }

  /** Records a tap; true when it completes the gesture (the count then starts again). */
  tap(x: number, y: number, now: number): boolean {
    // A tap anywhere else breaks the sequence: the five must come one after another.
    if (x > this.cornerPx || y > this.cornerPx) {
      this.times = [];
      return false;
    }
    this.times = [...this.times.filter((time) => now - time <= this.withinMs), now];
    if (this.times.length < this.taps) return false;
    this.times = [];
    return true;
  }
}

/** Listens for the gesture on `target`; returns a function that stops listening. */
export function onStaffGesture(
  onGesture: () => void,
  target: EventTarget = document,
  options?: GestureOptions,
  now: () => number = () => performance.now(),
): () => void {
  const taps = new CornerTaps(options);
  const listener = (event: Event) => {
    const { clientX, clientY } = event as PointerEvent;
    if (taps.tap(clientX, clientY, now())) onGesture();
  };
  target.addEventListener('pointerdown', listener, { capture: true, passive: true });
  return () => target.removeEventListener('pointerdown', listener, { capture: true });
}
