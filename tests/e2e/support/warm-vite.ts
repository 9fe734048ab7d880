/**
 * Vite's dependency optimisation, done once before any e2e file starts.
 *
 * Every editor e2e file starts its own dev server (support/dev-server.ts) and the files run two
 * at a time. In a fresh checkout there is no `node_modules/.vite/deps` yet: two servers would
 * each scan and optimise the dependencies at once, or find one while a page runs, and reload
 * their pages mid-test ("optimized dependencies changed. reloading"). Here one server with the
 * same options (so the same optimiser hash) transforms every browser module of the editor and
 * the viewer, and a browser opens both pages, until a pass finds no dependency the cache lacks.
 * The servers of the tests then load the cache and never optimise again.
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ViteDevServer } from 'vite';
import { launchBrowser } from '../../support/browser.ts';
import { projectRoot, startDevServer } from './dev-server.ts';

/** The folders whose modules reach a browser (the editor, the viewer, the service worker). */
const BROWSER_SOURCES = ['src/web', 'src/editor', 'src/core'];

/** The pages the editor files open on their dev servers. */
const PAGES = ['/editor/?tour=demo', '/#/demo/louvre'];

const METADATA = path.join(projectRoot, 'node_modules/.vite/deps/_metadata.json');

async function sourceFiles(): Promise<string[]> {
  const files: string[] = [];
  for (const folder of BROWSER_SOURCES) {
    const entries = await readdir(path.join(projectRoot, folder), {
      recursive: true,
      withFileTypes: true,
    });
    for (const entry of entries) {
      if (entry.isFile() && /\.(ts|css)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push(path.join(entry.parentPath, entry.name));
      }
    }
  }
  return files.sort();
}

/** The dependencies in the optimiser's cache on disk (none before the first optimisation). */
async function cachedDeps(): Promise<string[]> {
  try {
    const metadata = JSON.parse(await readFile(METADATA, 'utf8')) as {
      optimized?: Record<string, unknown>;
    };
    return Object.keys(metadata.optimized ?? {}).sort();
  } catch {
    return [];
  }
}

/** Resolves when the optimiser has committed everything it has discovered so far. */
async function optimiserSettled(server: ViteDevServer): Promise<void> {
  const client = server.environments.client;
  const optimizer = client.depsOptimizer;
  if (!optimizer) return;
  for (;;) {
    await client.waitForRequestsIdle();
    await optimizer.scanProcessing;
    const pending = Object.values(optimizer.metadata.discovered);
    if (pending.length === 0) {
      // Committed in memory: wait until the same list is on disk for the next servers.
      const onDisk = await cachedDeps();
      const inMemory = Object.keys(optimizer.metadata.optimized).sort();
      if (inMemory.every((dep) => onDisk.includes(dep))) return;
    } else {
      await Promise.all(pending.map((dep) => dep.processing));
    }
    // The optimiser commits on its own timers: look again on the next turn of the loop.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** One dev server's visit: every browser module transformed, both pages opened. */
async function warmPass(toursDir: string, files: readonly string[]): Promise<void> {
  const { server, baseUrl } = await startDevServer(toursDir, { logLevel: 'error' });
  const browser = await launchBrowser();
  try {
    const client = server.environments.client;
    for (const file of files) {
      const url = `/${path.relative(projectRoot, file).split(path.sep).join('/')}`;
      // A module that does not transform for the browser is never loaded by one.
      await client.transformRequest(url).catch(() => undefined);
    }
    const page = await browser.newPage();
    for (const url of PAGES) {
      // A ceiling for a first compile on a loaded machine; the wait is for the network to rest.
      await page.goto(`${baseUrl}${url}`, { waitUntil: 'networkidle', timeout: 120_000 });
    }
    await optimiserSettled(server);
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function warmViteDeps(): Promise<void> {
  const tempDir = await mkdtemp(path.join(tmpdir(), 'e2e-warm-vite-'));
  try {
    const toursDir = path.join(tempDir, 'tours');
    await cp(path.join(projectRoot, 'tours/demo'), path.join(toursDir, 'demo'), {
      recursive: true,
    });
    const files = await sourceFiles();
    let before = await cachedDeps();
    for (let pass = 1; pass <= 3; pass++) {
      await warmPass(toursDir, files);
      const after = await cachedDeps();
      if (after.length > 0 && after.join('\n') === before.join('\n')) return;
      before = after;
    }
    throw new Error(
      `Vite's dependency cache still changed after 3 passes: ${before.join(', ') || 'empty'}`,
    );
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}
