/**
 * `npx tsx bench/offline-download.ts`: how long "save for offline" takes for the sample tour
 * on the benchmark's slow-4G profile (no CPU throttling), median of 3 runs, and its size.
 * Uses the site the benchmark built (bench/tmp/site: run `npm run bench` first) or dist/.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createStaticServer } from '../src/node/serve/static-server.ts';
import type { TourFileList } from '../src/core/publish/tour-files.ts';
import { launchBrowser } from '../tests/support/browser.ts';
import { SLOW_4G } from './measure.ts';
import { SITE } from './prepare.ts';
import { summarize } from './stats.ts';

const root = existsSync(`${SITE}/index.html`) ? SITE : 'dist';
const list = JSON.parse(await readFile(`${root}/tours/demo/files.json`, 'utf8')) as TourFileList;
const bytes = list.files.reduce((sum, file) => sum + file.bytes, 0);
const server = await createStaticServer({ root, host: '127.0.0.1', port: 0 });
const browser = await launchBrowser();
const times: number[] = [];
try {
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({
      viewport: { width: 360, height: 640 },
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(`${server.url}#/demo`);
    await page.getByTestId('about').click();
    await page.getByTestId('offline-save').waitFor();
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    const start = Date.now();
    await page.getByTestId('offline-save').click();
    await page.getByTestId('offline-status').waitFor({ timeout: 300_000 });
    times.push(Date.now() - start);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const time = summarize(times);
console.log(
  `sample tour offline: ${list.files.length} files, ${(bytes / 1e6).toFixed(1)} MB; ` +
    `download on slow 4G: median ${(time.median / 1000).toFixed(1)} s (${(time.min / 1000).toFixed(1)}–${(time.max / 1000).toFixed(1)} s, ${time.runs} runs)`,
);
