import { describe, expect, it, vi } from 'vitest';
import { KioskStatus } from '../../src/web/offline/kiosk-status.ts';
import { KioskSync, type SyncDeps } from '../../src/web/offline/kiosk-sync.ts';
import type { PreparedTour, TourPointer } from '../../src/web/offline/tour-store.ts';

const pointer = (version: string): TourPointer => ({
  version,
  bytes: 100,
  files: 3,
  languages: ['vi'],
  savedAt: '2026-01-01T00:00:00.000Z',
});

/** A published tour whose version and failures the test sets; timers run when it says. */
function setup(saved: string | undefined) {
  const state = { published: 'v1', failing: 0, saved, reloads: 0, appliedApp: 0 };
  const timers: Array<{ fn: () => void; ms: number }> = [];
  const deps: SyncDeps = {
    prepareTour: vi.fn(async (): Promise<PreparedTour> => {
      if (state.failing > 0) {
        state.failing--;
        throw new Error('network: audio/en/a.mp3');
      }
      const changed = state.saved !== state.published;
      const version = state.published;
      return {
        pointer: pointer(version),
        changed,
        downloadedBytes: 0,
        commit: async () => {
          state.saved = version;
        },
      };
    }),
    savedVersion: async () => (state.saved ? pointer(state.saved) : undefined),
    online: () => true,
    checkApp: async () => false,
    applyApp: () => state.appliedApp++,
    reload: () => state.reloads++,
    setTimeout: (fn, ms) => timers.push({ fn, ms }),
    clearTimeout: () => undefined,
    now: () => new Date('2026-06-01T10:00:00.000Z'),
  };
  const status = new KioskStatus(['demo']);
  const sync = new KioskSync(['demo'], ['vi'], status, deps);
  return { state, timers, status, sync };
}

describe('keeping a kiosk current', () => {
  it('swaps an update in at once when nobody is using the kiosk', async () => {
    const { state, sync, status } = setup('v1');
    await sync.load();
    state.published = 'v2';
    await sync.refresh(() => true);
    await vi.waitFor(() => expect(state.reloads).toBe(1));
    expect(state.saved).toBe('v2');
    expect(status.tour('demo')).toMatchObject({ version: 'v2', state: 'saved', retries: 0 });
  });

  it('never reloads under a visitor: the swap waits for the next idle reset', async () => {
    const { state, sync, status } = setup('v1');
    await sync.load();
    state.published = 'v2';
    let idle = true;
    const running = sync.refresh(() => idle);
    idle = false; // a touch during the download
    await running;
    expect(state.reloads).toBe(0);
    expect(state.saved).toBe('v1');
    expect(status.tour('demo')).toMatchObject({ state: 'pending', pendingVersion: 'v2' });
    idle = true; // the next idle reset
    await sync.refresh(() => idle);
    await vi.waitFor(() => expect(state.reloads).toBe(1));
    expect(state.saved).toBe('v2');
  });

  it('retries a failed first download with growing delays until the copy is whole', async () => {
    const { state, sync, status, timers } = setup(undefined);
    await sync.load();
    expect(status.healthy).toBe(false);
    state.failing = 3;
    await sync.check();
    for (let turn = 1; turn <= 3; turn++) {
      // Down, with the next try scheduled: the kiosk works online meanwhile.
      expect(timers).toHaveLength(turn);
      expect(status.tour('demo')).toMatchObject({
        state: 'retrying',
        version: null,
        retries: turn,
      });
      timers[turn - 1]!.fn();
      if (turn < 3) await vi.waitFor(() => expect(timers).toHaveLength(turn + 1));
    }
    await vi.waitFor(() => expect(status.tour('demo')?.state).toBe('saved'));
    expect(state.saved).toBe('v1');
    expect(status.healthy).toBe(true);
    // A first copy is kept at once: nothing on screen changes, so no reload.
    expect(state.reloads).toBe(0);
    const delays = timers.map((timer) => timer.ms);
    expect(delays).toHaveLength(3);
    expect(delays[0]).toBeGreaterThanOrEqual(4_000);
    expect(delays[0]).toBeLessThanOrEqual(5_000);
    expect(delays[2]!).toBeGreaterThan(delays[0]!);
    const tour = status.tour('demo')!;
    expect(tour.errors).toHaveLength(3);
    expect(tour.errors[0]!.message).toContain('audio/en/a.mp3');
    expect(tour.lastSuccess).toBe('2026-06-01T10:00:00.000Z');
  });
});
