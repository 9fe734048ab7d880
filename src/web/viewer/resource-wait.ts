/**
 * Waiting for downloads the page did not start itself (Photo Sphere Viewer's tile requests):
 * resource timing lists every request once its response has ended, whoever made it, from the
 * network or the HTTP cache.
 */

/**
 * Resolves once each of `urls` (absolute) has finished downloading `times` times (a URL the
 * page fetched ahead itself counts the viewer's own request for it as the second), or after
 * `capMs` whatever happens: a tile that never comes must not hold the caller forever.
 * `cancel` stops waiting, never resolving.
 */
export function whenFetched(
  urls: Iterable<string>,
  capMs: number,
  times: (url: string) => number = () => 1,
): { done: Promise<void>; cancel: () => void } {
  const needed = new Map([...urls].map((url) => [url, times(url)]));
  let cancel = (): void => undefined;
  const done = new Promise<void>((resolve) => {
    if (needed.size === 0) return resolve();
    // Buffered: the entries of requests that ended before this call are delivered first.
    const observer = new PerformanceObserver((list) => {
      for (const { name } of list.getEntries()) {
        const left = needed.get(name);
        if (left === undefined) continue;
        if (left <= 1) needed.delete(name);
        else needed.set(name, left - 1);
      }
      if (needed.size > 0) return;
      cancel();
      resolve();
    });
    const timer = setTimeout(() => {
      cancel();
      resolve();
    }, capMs);
    cancel = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe({ type: 'resource', buffered: true });
  });
  return { done, cancel };
}
