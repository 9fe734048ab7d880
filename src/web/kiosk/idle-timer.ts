/**
 * Calls `onIdle` after `timeoutMs` without any visitor input. Any touch, click, key or wheel
 * restarts the count. Owns no global state: `stop()` removes every listener.
 */
const INPUT_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;

export class IdleTimer {
  private readonly timeoutMs: number;
  private readonly onIdle: () => void;
  private readonly target: EventTarget;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly poke = () => this.restart();

  constructor(timeoutMs: number, onIdle: () => void, target: EventTarget = document) {
    this.timeoutMs = timeoutMs;
    this.onIdle = onIdle;
    this.target = target;
  }

  start(): void {
    for (const type of INPUT_EVENTS) {
      this.target.addEventListener(type, this.poke, { capture: true, passive: true });
    }
    this.restart();
  }

  stop(): void {
    clearTimeout(this.timer);
    for (const type of INPUT_EVENTS)
      this.target.removeEventListener(type, this.poke, { capture: true });
  }

  restart(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.onIdle, this.timeoutMs);
  }
}
