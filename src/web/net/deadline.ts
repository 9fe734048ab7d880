/**
 * Requests with a deadline. A link that connects but never answers (a 3G modem with no signal
 * behind it, a router whose uplink is down) must count as offline, not hang the kiosk: small
 * files get a total deadline, big downloads a stall timeout (no bytes for a while) so a slow
 * but moving download is never cut.
 */

/** A small file (manifest, catalogue, profile, file list) gets this long, answer and body. */
export const SMALL_FILE_MS = 10_000;
/** A big file may take minutes on 3G, but not this long without a single byte. */
export const STALL_MS = 20_000;

/** Why a request was given up: no answer in time, or bytes stopped coming. */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
  constructor(
    readonly kind: 'timeout' | 'stall',
    readonly url: string,
    readonly ms: number,
  ) {
    super(`${kind === 'timeout' ? 'no answer' : 'no bytes'} in ${ms} ms: ${url}`);
  }
}

export interface DeadlineInit extends RequestInit {
  /** Total time for the answer and its body, ms. */
  timeoutMs?: number;
}

/**
 * Runs `work` with a signal that aborts after `ms` (or when `outer` aborts); the deadline
 * covers everything `work` awaits, body included, and the timer is cleared when it settles.
 */
export async function withDeadline<T>(
  url: string,
  ms: number,
  outer: AbortSignal | null | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, ms);
  const forward = () => controller.abort();
  if (outer?.aborted) controller.abort();
  outer?.addEventListener('abort', forward);
  try {
    return await work(controller.signal);
  } catch (error) {
    throw timedOut ? new DeadlineError('timeout', url, ms) : error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}

/** `fetch` and `read(response)` within one total deadline (default `SMALL_FILE_MS`). */
export function fetchWithDeadline<T>(
  url: string,
  init: DeadlineInit,
  read: (response: Response) => Promise<T>,
): Promise<T> {
  const { timeoutMs = SMALL_FILE_MS, signal, ...rest } = init;
  return withDeadline(url, timeoutMs, signal, async (inner) =>
    read(await fetch(url, { ...rest, signal: inner })),
  );
}

export interface StallInit extends RequestInit {
  /** Longest wait for the answer's headers, or between two chunks of its body, ms. */
  stallMs?: number;
}

/**
 * The body of a big file. There is no total deadline: only a stall (no headers, or no new
 * bytes, for `stallMs`) gives up. Rejects with the HTTP status on an error answer.
 */
export async function fetchBytesWithStall(url: string, init: StallInit = {}): Promise<ArrayBuffer> {
  const { stallMs = STALL_MS, signal: outer, ...rest } = init;
  const controller = new AbortController();
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallMs);
  };
  const forward = () => controller.abort();
  if (outer?.aborted) controller.abort();
  outer?.addEventListener('abort', forward);
  arm();
  try {
    const response = await fetch(url, { ...rest, signal: controller.signal });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (!response.body) return await response.arrayBuffer();
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      arm();
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.byteLength;
    }
    const body = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      body.set(chunk, at);
      at += chunk.byteLength;
    }
    return body.buffer;
  } catch (error) {
    throw stalled ? new DeadlineError('stall', url, stallMs) : error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', forward);
  }
}

/** Resolves with `promise`'s value, or `fallback` once `ms` have passed without one. */
export function settleWithin<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}
