/**
 * The tourist's first download holds no 360° viewer: the JavaScript that index.html loads (its
 * entry script and anything it preloads) has neither Photo Sphere Viewer nor three.js. The
 * viewer, the tiles and cubemap adapters, the manifest schema and the kiosk code are separate
 * chunks loaded on demand. Its size (at most 200 KB gzipped) is checked by `vite build` itself:
 * src/node/build/budget-plugin.ts, with the budget in vite.config.ts.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = process.env.E2E_DIST
  ? `${process.env.E2E_DIST.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * Script and modulepreload URLs of the built index.html, leaving out the viewer's preloads
 * inside its template of tour posters: inert, cloned only on a link to a tour, once its
 * poster is in.
 */
function entryScripts(page: string): string[] {
  const html = page.replace(/<template\b[\s\S]*?<\/template>/g, '');
  expect(html.length).toBeLessThan(page.length);
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  return [...scripts, ...preloads];
}

describe('bundle budget', () => {
  it('does not put Photo Sphere Viewer or three.js in the entry', async () => {
    const html = await readFile(`${dist}index.html`, 'utf8');
    const scripts = entryScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      const code = await readFile(`${dist}${script.replace(/^\.\//, '')}`, 'utf8');
      expect(code).not.toMatch(/WebGLRenderer|PSVError/);
    }
  });
});
