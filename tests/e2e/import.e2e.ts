/**
 * Imported tours in the viewer: a Marzipano Tool export (cube tiles) and a Pannellum cubemap
 * are imported with `tour import` into a temporary tours folder, served by the dev server,
 * and must draw — and a Marzipano link hotspot must lead to its target scene.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/node/cli/command.ts';
import { main } from '../../src/node/cli/main.ts';
import {
  generatePyMultires,
  marzipanoZip,
  pannellumCube,
  pannellumMixed,
  pannellumPage,
} from '../support/import-fixtures.ts';
import { launchBrowser, newPage, screenshot, waitForCanvasDrawn } from '../support/browser.ts';
import { startDevServer } from './support/dev-server.ts';

let dir: string;
let browser: Browser;
let server: ViteDevServer;
let baseUrl: string;

async function importTour(source: string, id: string): Promise<void> {
  let output = '';
  const context: CommandContext = {
    cwd: dir,
    env: { LANG: 'C' },
    stdout: (text) => void (output += text),
    stderr: (text) => void (output += text),
  };
  const code = await main(['import', source, '--out', `tours/${id}`], context);
  if (code !== 0) throw new Error(`import of ${source} failed:\n${output}`);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-e2e-'));
  await importTour(await marzipanoZip(join(dir, 'src')), 'dinh');
  await importTour(await pannellumCube(join(dir, 'src')), 'san');
  // The shapes of real tours (issue 19): no level-0 tiles and Prettier's data.js, a
  // generate.py pyramid, a config inside a web page, a tour mixing cube and 2:1 pictures.
  await importTour(await marzipanoZip(join(dir, 'src-pretty'), { prettier: true }), 'pretty');
  await importTour((await generatePyMultires(join(dir, 'src-gp'), 2400)).config, 'gp');
  await importTour(await pannellumPage(join(dir, 'src-page')), 'page');
  await importTour(await pannellumMixed(join(dir, 'src-mixed')), 'mixed');
  ({ server, baseUrl } = await startDevServer(join(dir, 'tours')));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('imported tours', () => {
  it('a Marzipano cube-tiles scene draws, and its link opens the target scene', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'kiosk' });
    await page.goto(`${baseUrl}/#/dinh`);
    const stats = await waitForCanvasDrawn(page, { minColors: 500 });
    expect(stats.stddev).toBeGreaterThan(10);
    await screenshot(page, 'import-marzipano-kiosk');
    // Looking at the link hotspot (yaw -45°, pitch -5.73° after conversion), then following it.
    await page.goto(`${baseUrl}/#/dinh/0-san-dinh?v=-45,-5.73`);
    const link = page.locator('[data-hotspot="link-0"]');
    await link.waitFor({ state: 'visible' });
    await link.click();
    await page.waitForFunction(() => location.hash.startsWith('#/dinh/1-hau-cung'));
    await waitForCanvasDrawn(page, { minColors: 500 });
    await screenshot(page, 'import-marzipano-linked');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a Pannellum cubemap scene draws on a phone', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    await page.goto(`${baseUrl}/#/san`);
    await waitForCanvasDrawn(page, { minColors: 500 });
    await screenshot(page, 'import-pannellum-phone');
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const [id, scene, label] of [
    ['pretty', '0-san-dinh', 'a Marzipano export with no level-0 tiles and a Prettier data.js'],
    ['gp', 'scene', 'a generate.py pyramid with short last tiles, cut again'],
    ['page', 'san', 'a Pannellum tour read from a web page'],
    // Its faces are flat colours: looking at the corner of front, right and up shows three.
    ['mixed', 'pondcube?v=45,35', 'the cube scene of a mixed Pannellum tour, now 2:1'],
  ] as const)
    it(`${label} draws`, async () => {
      const { page, errors } = await newPage(browser, { viewport: 'phone' });
      await page.goto(`${baseUrl}/#/${id}/${scene}`);
      const stats = await waitForCanvasDrawn(page, { minColors: id === 'mixed' ? 3 : 50 });
      expect(stats.stddev).toBeGreaterThan(10);
      await screenshot(page, `import-${id}-phone`);
      expect(errors).toEqual([]);
      await page.close();
    });

  it('a long imported info label wraps inside a phone screen', async () => {
    const { page, errors } = await newPage(browser, { viewport: 'phone' });
    // The stele of the page tour (yaw -60°, pitch 1°) has a sentence for its label.
    await page.goto(`${baseUrl}/#/page/san?v=-60,1`);
    const label = page.locator('[data-hotspot="hotspot-2"] .hotspot__label');
    await label.waitFor({ state: 'visible' });
    const box = (await label.boundingBox())!;
    const width = page.viewportSize()!.width;
    const lineHeight = await label.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(box.height).toBeGreaterThan(1.5 * lineHeight);
    await screenshot(page, 'import-page-label-phone');
    expect(errors).toEqual([]);
    await page.close();
  });
});
