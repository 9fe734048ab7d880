/**
 * The tourist's first download stays small: the JavaScript that index.html loads (its entry
 * script and anything it preloads), gzipped, is at most 200 KB. The 360° viewer, the tiles and
 * cubemap adapters, the manifest schema and the kiosk code are separate chunks loaded on demand.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const BUDGET_BYTES = 200 * 1024;
const dist = process.env.E2E_DIST
  ? `${process.env.E2E_DIST.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../dist/', import.meta.url));

/** Script and modulepreload URLs of the built index.html. */
function entryScripts(html: string): string[] {
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  return [...scripts, ...preloads];
}

const gzipSize = async (file: string) => gzipSync(await readFile(file), { level: 9 }).length;

describe('bundle budget', () => {
  it('keeps the entry JavaScript at or under 200 KB gzipped', async () => {
    const html = await readFile(`${dist}index.html`, 'utf8');
    const scripts = entryScripts(html);
    expect(scripts.length).toBeGreaterThan(0);
    let total = 0;
    for (const script of scripts) total += await gzipSize(`${dist}${script.replace(/^\.\//, '')}`);
    console.info(
      `entry JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (${scripts.join(', ')})`,
    );
    expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('does not put Photo Sphere Viewer or three.js in the entry', async () => {
    const html = await readFile(`${dist}index.html`, 'utf8');
    for (const script of entryScripts(html)) {
      const code = await readFile(`${dist}${script.replace(/^\.\//, '')}`, 'utf8');
      expect(code).not.toMatch(/WebGLRenderer|PSVError/);
    }
  });
});
