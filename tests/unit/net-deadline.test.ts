import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DeadlineError,
  fetchBytesWithStall,
  fetchWithDeadline,
  settleWithin,
} from '../../src/web/net/deadline.ts';
import { fetchJson } from '../../src/web/net/fetch-json.ts';

/** A fetch that never answers until aborted, as a link with no uplink behind it. */
const hangingFetch = vi.fn(
  (_url: string, init?: RequestInit) =>
    new Promise<Response>((_resolve, reject) => {
      init?.signal?.addEventListener('abort', () =>
        reject(new DOMException('aborted', 'AbortError')),
      );
    }),
);

/**
 * A body that sends a byte after each of `gapsMs`, then ends (or stalls); aborting the request
 * errors it, as a real fetch's body does.
 */
function trickle(gapsMs: number[], endAfter = true, signal?: AbortSignal | null): Response {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (i >= gapsMs.length) {
        if (endAfter) controller.close();
        else
          await new Promise<void>((resolve) =>
            signal?.addEventListener('abort', () => {
              controller.error(new DOMException('aborted', 'AbortError'));
              resolve();
            }),
          );
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, gapsMs[i++]));
      controller.enqueue(new Uint8Array([i]));
    },
  });
  return new Response(body);
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a request with a deadline', () => {
  it('gives up a request that never answers after 10 s, as no network', async () => {
    vi.stubGlobal('fetch', hangingFetch);
    const result = fetchJson('https://site.test/kiosk/hall.json');
    let settled = false;
    void result.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(9_900);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    const value = await result;
    expect(value.ok).toBe(false);
    expect(value.problems[0]).toMatchObject({ file: 'https://site.test/kiosk/hall.json' });
    expect(JSON.stringify(value.problems[0])).toContain('DeadlineError');
  });

  it('counts a body that stops after the headers against the same deadline', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => trickle([100], false, init?.signal)),
    );
    const read = fetchWithDeadline(
      'https://site.test/tours/index.json',
      { timeoutMs: 2_000 },
      (r) => r.text(),
    );
    const failure = expect(read).rejects.toBeInstanceOf(DeadlineError);
    await vi.advanceTimersByTimeAsync(2_001);
    await failure;
  });

  it('answers in time are returned, and the timer is cleared', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"tours":[]}')),
    );
    const result = await fetchJson('https://site.test/tours/index.json');
    expect(result).toMatchObject({ ok: true, value: { tours: [] } });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a caller abort is an abort, not a timeout', async () => {
    vi.stubGlobal('fetch', hangingFetch);
    const controller = new AbortController();
    const read = fetchWithDeadline('u', { signal: controller.signal }, (r) => r.text());
    controller.abort();
    await expect(read).rejects.not.toBeInstanceOf(DeadlineError);
  });
});

describe('a big download with a stall timeout', () => {
  it('keeps a slow download that keeps moving, however long it takes', async () => {
    // Ten chunks 15 s apart: 150 s in all, never 20 s of silence.
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => trickle(Array(10).fill(15_000))),
    );
    const body = fetchBytesWithStall('https://site.test/tours/demo/p.jpg', { stallMs: 20_000 });
    await vi.advanceTimersByTimeAsync(151_000);
    expect((await body).byteLength).toBe(10);
  });

  it('gives up once no byte came for the stall time', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) =>
        trickle([1_000, 1_000], false, init?.signal),
      ),
    );
    const body = fetchBytesWithStall('https://site.test/tours/demo/p.jpg', { stallMs: 20_000 });
    const failure = expect(body).rejects.toMatchObject({ kind: 'stall' });
    await vi.advanceTimersByTimeAsync(2_000 + 19_000);
    await vi.advanceTimersByTimeAsync(1_100);
    await failure;
  });

  it('gives up when the headers never come', async () => {
    vi.stubGlobal('fetch', hangingFetch);
    const body = fetchBytesWithStall('https://site.test/tours/demo/p.jpg', { stallMs: 5_000 });
    const failure = expect(body).rejects.toMatchObject({ kind: 'stall' });
    await vi.advanceTimersByTimeAsync(5_001);
    await failure;
  });

  it('rejects an error answer with its status', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('no', { status: 500 })),
    );
    await expect(fetchBytesWithStall('u')).rejects.toThrow('HTTP 500');
  });
});

describe('settling within a time', () => {
  it('gives the fallback when the promise takes too long, or fails', async () => {
    const slow = settleWithin(new Promise(() => undefined), 10_000, 'late');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await slow).toBe('late');
    expect(await settleWithin(Promise.reject(new Error('x')), 10, 'failed')).toBe('failed');
    expect(await settleWithin(Promise.resolve('now'), 10, 'late')).toBe('now');
  });
});
