/**
 * Undo/redo on immutable snapshots: every change produces a new manifest object, the stack
 * keeps references (cheap: unchanged parts are shared).
 */
export class History<T> {
  private past: T[] = [];
  private future: T[] = [];
  private lastKey: string | undefined;

  constructor(
    private current: T,
    private readonly limit = 200,
  ) {}

  get value(): T {
    return this.current;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /**
   * Records a change (a no-op when `next` is the current snapshot). Changes with the same
   * `mergeKey` in a row (typing in one field) make a single undo step.
   */
  push(next: T, mergeKey?: string): void {
    if (next === this.current) return;
    if (mergeKey !== undefined && mergeKey === this.lastKey && this.past.length > 0) {
      this.current = next;
      this.future = [];
      return;
    }
    this.lastKey = mergeKey;
    this.past.push(this.current);
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    this.current = next;
  }

  undo(): T {
    this.lastKey = undefined;
    const previous = this.past.pop();
    if (previous !== undefined) {
      this.future.push(this.current);
      this.current = previous;
    }
    return this.current;
  }

  redo(): T {
    this.lastKey = undefined;
    const next = this.future.pop();
    if (next !== undefined) {
      this.past.push(this.current);
      this.current = next;
    }
    return this.current;
  }

  /** Everything, to carry the history over a page reload. */
  toJSON(): { past: T[]; current: T; future: T[] } {
    return { past: [...this.past], current: this.current, future: [...this.future] };
  }

  static fromJSON<T>(state: { past: T[]; current: T; future: T[] }): History<T> {
    const history = new History(state.current);
    history.past = [...state.past];
    history.future = [...state.future];
    return history;
  }

  /** Starts over from `value` (after opening another tour). */
  reset(value: T): void {
    this.past = [];
    this.future = [];
    this.lastKey = undefined;
    this.current = value;
  }
}
