/**
 * What the editor e2e files share: a temporary copy of tours (nothing real is written), Vite's
 * dev server with the editor on it (support/dev-server.ts), a browser, a page at the size and
 * language of a volunteer's laptop, and the accessibility check they all make.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { ViteDevServer } from 'vite';
import { launchBrowser } from '../../support/browser.ts';
import { projectRoot, startDevServer } from './dev-server.ts';

export interface EditorSession {
  tempDir: string;
  /** The temporary tours folder the dev server serves and the editor writes. */
  toursDir: string;
  server: ViteDevServer;
  /** The dev server's address, without a trailing `/`. */
  baseUrl: string;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors of `page`, in order: assert `toEqual([])`. */
  errors: string[];
  close(): Promise<void>;
}

export interface EditorSessionOptions {
  /** The tours copied from `tours/` (default: `demo`). */
  tours?: readonly string[];
  /** Changes the copy before the server starts. */
  prepare?: (toursDir: string) => Promise<void>;
  /** More options of the browser context (viewport 1366×768, vi-VN unless given). */
  context?: BrowserContextOptions;
  /** The site's settings file, written in the temporary folder the editor then keeps them in. */
  siteConfig?: string;
  /** False: the dev server watches no file (support/dev-server.ts). */
  watch?: boolean;
}

export async function openEditorSession(
  name: string,
  options: EditorSessionOptions = {},
): Promise<EditorSession> {
  const tempDir = await mkdtemp(path.join(tmpdir(), `${name}-`));
  const toursDir = path.join(tempDir, 'tours');
  let server: ViteDevServer | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.close();
    await rm(tempDir, { recursive: true, force: true });
  };
  try {
    for (const tour of options.tours ?? ['demo']) {
      await cp(path.join(projectRoot, 'tours', tour), path.join(toursDir, tour), {
        recursive: true,
      });
    }
    await options.prepare?.(toursDir);
    if (options.siteConfig !== undefined)
      await writeFile(path.join(tempDir, 'site.config.json'), options.siteConfig);
    const started = await startDevServer(toursDir, {
      ...(options.siteConfig !== undefined ? { siteDir: tempDir } : {}),
      ...(options.watch === false ? { watch: false } : {}),
    });
    server = started.server;
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'vi-VN',
      ...options.context,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    return {
      tempDir,
      toursDir,
      server,
      baseUrl: started.baseUrl,
      browser,
      context,
      page,
      errors,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Serious and critical WCAG 2.1 AA violations on `page` (within `include` if given). */
export async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let axe = new AxeBuilder({ page });
  if (include) axe = axe.include(include);
  const results = await axe.withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(', ')}`,
    );
}
