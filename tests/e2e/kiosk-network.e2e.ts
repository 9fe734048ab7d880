/**
 * A kiosk on the networks a cultural house really has, with a server that misbehaves on
 * purpose: a link that accepts connections and never answers, a file that fails three times
 * and then heals, an update sent slowly while a visitor arrives, a title-only update whose
 * bytes are counted at the server, and two copies of the app on one origin.
 */
import { createHash } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Tour } from '../../src/core/manifest/schema.ts';
import {
  pointerCacheName,
  pointerKey,
  scopeTag,
  tourCacheName,
  type TourFileList,
} from '../../src/core/publish/tour-files.ts';
import type { KioskStatusSnapshot } from '../../src/web/offline/kiosk-status.ts';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';
import { createMisbehavingServer, type MisbehavingServer } from '../support/misbehaving-server.ts';

const dist = process.env.E2E_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const IDLE_SECONDS = 3;
/**
 * How late an idle reset may show the attract screen: the idle time plus a margin for a
 * software-rendered reset on a busy machine — far less than any request's deadline, so a
 * reset that waited on the network (the bug: more than 65 s) fails it.
 */
const RESET_WITHIN_MS = (IDLE_SECONDS + 8) * 1000;
const profile = {
  tours: ['demo'],
  languages: ['vi', 'en'],
  idleSeconds: IDLE_SECONDS,
  attract: { sceneSeconds: 60, languageSeconds: 2 },
};

let browser: Browser;
let site: string;
let server: MisbehavingServer;

/** A copy of the build in `dir` (under `site`), with the test's kiosk profile. */
async function copySite(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await cp(dist, dir, { recursive: true });
  await writeFile(path.join(dir, 'kiosk/net.json'), JSON.stringify(profile));
}

beforeAll(async () => {
  browser = await launchBrowser();
  site = await mkdtemp(path.join(tmpdir(), 'kiosk-net-'));
  await copySite(site);
  await copySite(path.join(site, 'a'));
  await copySite(path.join(site, 'b'));
  server = await createMisbehavingServer(site);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) await rm(site, { recursive: true, force: true });
});

const attract = (page: Page) => page.getByTestId('attract');
const attractDrawn = (page: Page) => waitForCanvasDrawn(page, { stableWithin: 60 });
const controlled = (page: Page) =>
  page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });

/** The saved copy of `demo` of the app at `scope`, as the page's caches hold it. */
async function saved(page: Page, scope: string) {
  return page.evaluate(
    async ({ pointers, key, scope: s }) => {
      const response = await (await caches.open(pointers)).match(key);
      if (!response) return null;
      const pointer = (await response.json()) as { version: string; files: number };
      const names = await caches.keys();
      const name = names.find((n) => n.endsWith(`:demo:${pointer.version}`) && n.includes(s));
      const files = name ? (await (await caches.open(name)).keys()).length : 0;
      return { version: pointer.version, files, expected: pointer.files };
    },
    { pointers: pointerCacheName(scope), key: pointerKey('demo'), scope: scopeTag(scope) },
  );
}

/** What the kiosk tells staff (kiosk-status.ts keeps it in localStorage). */
async function kioskStatus(page: Page, scope: string): Promise<KioskStatusSnapshot['tours']> {
  const text = await page.evaluate(
    (key) => localStorage.getItem(key),
    `kiosk-status:${scopeTag(scope)}`,
  );
  return text ? (JSON.parse(text) as KioskStatusSnapshot['tours']) : [];
}

const filesJson = () => path.join(site, 'tours/demo/files.json');
const readList = async () => JSON.parse(await readFile(filesJson(), 'utf8')) as TourFileList;
const sha = (body: Buffer | string) => createHash('sha256').update(body).digest('hex');

/** Publishes a new version: `change` edits files of the tour; the file list follows. */
async function publish(version: string, change: (list: TourFileList) => Promise<string[]>) {
  const list = await readList();
  const changed = await change(list);
  for (const file of list.files) {
    if (!changed.includes(file.path)) continue;
    const body = await readFile(path.join(site, 'tours/demo', file.path));
    file.bytes = body.byteLength;
    file.sha256 = sha(body);
  }
  list.version = version;
  await writeFile(filesJson(), JSON.stringify(list));
  return changed;
}

async function setStartTitle(title: string): Promise<string[]> {
  const file = path.join(site, 'tours/demo/tour.json');
  const manifest = JSON.parse(await readFile(file, 'utf8')) as Tour;
  manifest.scenes.find((scene) => scene.id === manifest.startScene)!.title.vi = title;
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return ['tour.json'];
}

describe('a kiosk on a bad network', () => {
  let page: Page;
  const scope = () => server.url;

  it('retries a first download that fails part-way until the saved copy is whole, untouched', async () => {
    const opened = await newPage(browser, { viewport: 'kiosk', serviceWorkers: 'allow' });
    page = opened.page;
    await page.addInitScript(() => {
      // Every state the mark shows, in order: the test checks the failure was not hidden.
      const seen: string[] = [];
      new MutationObserver(() => {
        const state = document.querySelector<HTMLElement>('[data-testid="kiosk-offline-mark"]')
          ?.dataset.state;
        if (state && seen.at(-1) !== state) {
          seen.push(state);
          sessionStorage.setItem('markStates', JSON.stringify(seen));
        }
      }).observe(document, { subtree: true, attributes: true, childList: true });
    });
    const list = await readList();
    const victim = list.files.find((file) => file.lang === 'en')!.path;
    server.failures.set(`tours/demo/${victim}`, 3);
    await page.goto(`${server.url}?kiosk=net`);
    await attract(page).waitFor({ timeout: 60_000 });
    // No touch: the retries alone complete it.
    await expect.poll(() => saved(page, scope()), { timeout: 90_000 }).not.toBe(null);
    const copy = (await saved(page, scope()))!;
    expect(copy.files).toBe(copy.expected);
    expect(server.failures.get(`tours/demo/${victim}`)).toBe(0);
    const status = (await kioskStatus(page, scope()))[0]!;
    expect(status).toMatchObject({ state: 'saved', version: list.version, retries: 0 });
    expect(status.errors.length).toBeGreaterThanOrEqual(1);
    expect(status.errors[0]!.message).toContain(victim);
    // Until then the mark said the copy was not whole (never "all is well").
    const states = JSON.parse(
      (await page.evaluate(() => sessionStorage.getItem('markStates'))) ?? '[]',
    ) as string[];
    expect(states[0]).toBe('incomplete');
    expect(states.at(-1)).toBe('saved');
    await expect
      .poll(() => page.getByTestId('kiosk-offline-mark').getAttribute('data-state'))
      .toBe('saved');
    await controlled(page);
  });

  it('shows the attract screen at once when an idle reset starts a slow update, and never reloads under a visitor', async () => {
    const changed = await publish('v2slow', async (list) => {
      // Eighty panorama files change (a byte after the JPEG's end: still a valid picture).
      const jpgs = list.files.filter((file) => file.path.endsWith('.jpg')).slice(0, 80);
      for (const file of jpgs) {
        const at = path.join(site, 'tours/demo', file.path);
        await writeFile(at, Buffer.concat([await readFile(at), Buffer.from([0])]));
      }
      return [...jpgs.map((file) => file.path), ...(await setStartTitle('Phiên bản chậm'))];
    });
    // 200 ms a file, and none before the visitor is there: the download is surely still
    // running when the touch comes, however busy the machine.
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    server.slow = { match: '/tours/demo/', ms: 200, gate };
    onTestFinished(() => {
      server.slow = null;
      openGate();
    });
    const v1Title = await page.getByTestId('scene-title').textContent();
    await page.evaluate(
      () => ((window as unknown as { sameDocument: boolean }).sameDocument = true),
    );

    // A visitor comes and goes; the idle reset must not wait for the update it starts.
    await attract(page).click();
    await attract(page).waitFor({ state: 'hidden' });
    const left = Date.now();
    await attract(page).waitFor({ state: 'visible', timeout: RESET_WITHIN_MS });
    console.info(`idle reset with an update starting: attract after ${Date.now() - left} ms`);
    // The update is under way behind the attract screen (its files asked for, and held).
    await expect
      .poll(() => server.requests.some((r) => changed.some((c) => r.endsWith(c))))
      .toBe(true);
    await expect
      .poll(() => page.getByTestId('kiosk-offline-mark').getAttribute('data-state'))
      .toBe('updating');
    // Looked at by people, asserted by nothing: a screenshot slow on a loaded machine (software
    // WebGL at full HD) must not fail the test.
    await screenshot(page, 'kiosk-network-attract-during-update').catch(() => undefined);

    // A new visitor touches the screen while it downloads, and keeps using it (a pointer move
    // at each poll, well within the idle time) until the download is complete.
    await attract(page).click();
    await attract(page).waitFor({ state: 'hidden' });
    openGate();
    let x = 400;
    await expect
      .poll(
        async () => {
          x = x === 400 ? 600 : 400;
          await page.mouse.move(x, 500);
          return (await kioskStatus(page, scope()))[0]?.state;
        },
        { timeout: 60_000, interval: 250 },
      )
      .toBe('pending');
    // Downloaded whole, not swapped in: same page, same tour, visitor undisturbed.
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
    expect(await attract(page).isHidden()).toBe(true);
    expect(await page.getByTestId('scene-title').textContent()).toBe(v1Title);
    expect((await saved(page, scope()))!.version).not.toBe('v2slow');

    // The visitor leaves: at the idle reset the update is swapped in.
    server.slow = null;
    await page.waitForEvent('load', { timeout: 60_000 });
    await attract(page).waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('scene-title').textContent()).toBe('Phiên bản chậm');
    expect(await saved(page, scope())).toMatchObject({ version: 'v2slow' });
  });

  it(
    'moves only what changed: a title-only update costs at most 50 KB',
    { timeout: 180_000 },
    async () => {
      await attract(page).waitFor();
      await publish('v3title', () => setStartTitle('Chỉ đổi tên'));
      server.resetBytes();
      // The copy of the unchanged files is local, but a few hundred storage writes on a busy
      // test machine.
      const reloaded = page.waitForEvent('load', { timeout: 110_000 });
      await attract(page).click();
      await attract(page).waitFor({ state: 'hidden' });
      await reloaded;
      await expect
        .poll(() => saved(page, scope()), { timeout: 30_000 })
        .toMatchObject({
          version: 'v3title',
        });
      await attract(page).waitFor({ timeout: 60_000 });
      await expect.poll(() => page.getByTestId('scene-title').textContent()).toBe('Chỉ đổi tên');
      const bytes = server.bytesSent();
      console.info(`title-only update: ${bytes} bytes sent by the server`);
      expect(bytes).toBeLessThanOrEqual(50_000);
      const copy = (await saved(page, scope()))!;
      expect(copy.files).toBe(copy.expected);
    },
  );

  it('starts from its saved copy within 15 s when the link accepts and never answers', async () => {
    server.stall = true;
    onTestFinished(() => {
      server.stall = false;
    });
    const started = Date.now();
    await page.reload({ waitUntil: 'commit' });
    await attract(page).waitFor({ state: 'visible', timeout: 15_000 });
    const tookMs = Date.now() - started;
    console.info(`stalled link: attract screen ${tookMs} ms after the load`);
    expect(tookMs).toBeLessThan(15_000);
    await attractDrawn(page);
    // A visitor, then the idle reset: on time, though every request hangs.
    await attract(page).click();
    await attract(page).waitFor({ state: 'hidden' });
    expect(await page.getByTestId('scene-title').textContent()).toBe('Chỉ đổi tên');
    const left = Date.now();
    await attract(page).waitFor({ state: 'visible', timeout: RESET_WITHIN_MS });
    console.info(`idle reset on a stalled link: attract after ${Date.now() - left} ms`);
    // The check it started at the reset is given up as "offline", kept for staff.
    await expect
      .poll(async () => (await kioskStatus(page, scope()))[0]?.state, { timeout: 40_000 })
      .toBe('retrying');
    expect((await kioskStatus(page, scope()))[0]!.version).toBe('v3title');
    await page.close();
  });
});

describe('two copies of the app on one origin', () => {
  it('keep their own saved tours offline', { timeout: 300_000 }, async () => {
    const { page, context } = await newPage(browser, {
      viewport: 'kiosk',
      serviceWorkers: 'allow',
    });
    const other = await context.newPage();
    // Both copies save "demo", same id and version: neither may take or delete the other's.
    for (const [tab, dir] of [
      [page, 'a'],
      [other, 'b'],
    ] as const) {
      await tab.goto(`${server.url}${dir}/?kiosk=net`);
      await attract(tab).waitFor({ timeout: 60_000 });
      await expect
        .poll(() => saved(tab, `${server.url}${dir}/`), { timeout: 60_000 })
        .not.toBe(null);
      await controlled(tab);
    }
    for (const [tab, dir] of [
      [page, 'a'],
      [other, 'b'],
    ] as const) {
      const copy = (await saved(tab, `${server.url}${dir}/`))!;
      expect(copy.files).toBe(copy.expected);
    }
    const names = await page.evaluate(async () => caches.keys());
    const version = (
      JSON.parse(await readFile(path.join(site, 'a/tours/demo/files.json'), 'utf8')) as TourFileList
    ).version;
    expect(names).toEqual(
      expect.arrayContaining([
        tourCacheName(`${server.url}a/`, 'demo', version),
        tourCacheName(`${server.url}b/`, 'demo', version),
      ]),
    );
    await context.setOffline(true);
    for (const tab of [page, other]) {
      await tab.reload();
      await attract(tab).waitFor({ timeout: 30_000 });
      await attractDrawn(tab);
    }
    await context.setOffline(false);
    await page.close();
  });
});
