/**
 * Accessibility of the tour editor with axe: no serious or critical violation on the start
 * screen, with the sample tour open, and with the "new tour" dialog open. The editor runs on
 * Vite's dev server only, here on a temporary copy of `tours/` (nothing is written).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { projectRoot, startDevServer } from './support/dev-server.ts';

let tempDir: string;
let server: ViteDevServer;
let baseUrl: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  tempDir = await mkdtemp(path.join(tmpdir(), 'editor-a11y-'));
  const toursDir = path.join(tempDir, 'tours');
  await cp(path.join(projectRoot, 'tours/demo'), path.join(toursDir, 'demo'), { recursive: true });
  ({ server, baseUrl } = await startDevServer(toursDir));
  browser = await launchBrowser();
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 },
    locale: 'vi-VN',
  });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

async function seriousViolations(): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`,
    );
}

describe('axe on the editor', () => {
  it('finds nothing serious on the start screen and in the "new tour" dialog', async () => {
    await page.goto(`${baseUrl}/editor/`);
    const create = page.getByRole('button', { name: 'Tour mới' });
    await create.waitFor();
    expect(await seriousViolations()).toEqual([]);
    await create.click();
    await page.locator('dialog input[name=id]').waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('finds nothing serious with the sample tour open', async () => {
    await page.goto(`${baseUrl}/editor/?tour=demo`);
    await page.getByTestId('panorama-input').waitFor();
    expect(await seriousViolations()).toEqual([]);
  });
});
