/**
 * Waiting on requests instead of on time. Playwright reports a page's requests in the order the
 * page makes them, so once a request the page makes now has been reported, so has every earlier
 * one: a test can then assert on what was (or was not) asked for so far.
 */
import type { Page } from 'playwright-core';

/**
 * Resolves once every request `page` has started so far has reached the test's `request`
 * listeners. The marker is an image (as panoramas, previews and tiles are), so it queues behind
 * them in the browser's loader; it fetches the site's favicon, which every build has.
 */
export async function requestsSoFar(page: Page): Promise<void> {
  const marker = `requests-so-far=${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const seen = page.waitForRequest((request) => request.url().includes(marker));
  await page.evaluate((query) => {
    new Image().src = new URL(`favicon.svg?${query}`, document.baseURI).href;
  }, marker);
  await seen;
}
