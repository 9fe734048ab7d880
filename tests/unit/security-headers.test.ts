/**
 * Issue 21, finding 5 (build part): framing was not refused (a meta CSP cannot say
 * `frame-ancestors`), there was no `nosniff`, and source maps were published. Every build now
 * writes `_headers` for hosts that read it (Netlify, Cloudflare Pages), with the one
 * implementation `tour publish` uses, and publishes no source map.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plugin, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { headersFile, hostHeadersPlugin } from '../../src/node/build/host-headers.ts';
import { headersFile as publishHeadersFile } from '../../src/node/publish/host-files.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/node/build/vite-plugin-csp.ts';
import viteConfig from '../../vite.config.ts';

/** Runs the plugin's build hooks as Vite would, and returns what it emitted. */
async function emitted(plugin: Plugin, root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const configResolved = plugin.configResolved as (config: { root: string }) => void;
  configResolved({ root });
  const context = {
    emitFile: (file: { fileName: string; source: string }) => files.set(file.fileName, file.source),
  };
  await (plugin.generateBundle as unknown as (this: typeof context) => Promise<void>).call(context);
  return files;
}

/** The header lines of the `/*` block of a `_headers` text. */
const siteWide = (text: string): string[] =>
  text
    .split('\n\n')[0]!
    .split('\n')
    .slice(1)
    .map((line) => line.trim());

describe('the build writes _headers', () => {
  it('with the meta tag CSP plus frame-ancestors, nosniff and the Referrer-Policy', async () => {
    const root = await mkdtemp(join(tmpdir(), 'security-headers-'));
    try {
      const text = (await emitted(hostHeadersPlugin(), root)).get('_headers') ?? '';
      expect(siteWide(text)).toEqual([
        `Content-Security-Policy: ${CONTENT_SECURITY_POLICY}; frame-ancestors 'self'`,
        'X-Content-Type-Options: nosniff',
        'Referrer-Policy: strict-origin-when-cross-origin',
      ]);
      // The cache rules of DESIGN.md, and tour files sandboxed should one be opened as a page.
      expect(text).toContain('/assets/*\n  Cache-Control: public, max-age=31536000, immutable');
      expect(text).toContain('/sw.js\n  Cache-Control: no-cache');
      expect(text).toContain("/tours/*\n  Content-Security-Policy: default-src 'none'; sandbox");
      // One implementation: `tour publish` writes the very same text.
      expect(text).toBe(publishHeadersFile([]));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("takes frame-ancestors from site.config.json, or from the plugin's option", async () => {
    const root = await mkdtemp(join(tmpdir(), 'security-headers-'));
    try {
      const config = {
        version: 1,
        name: { vi: 'Di tích', en: 'Heritage' },
        publicUrl: '',
        frameAncestors: ['https://cong-thong-tin.example.vn/trang'],
        targets: {},
      };
      await writeFile(join(root, 'site.config.json'), JSON.stringify(config));
      const fromConfig = (await emitted(hostHeadersPlugin(), root)).get('_headers') ?? '';
      expect(fromConfig).toContain("frame-ancestors 'self' https://cong-thong-tin.example.vn\n");
      const option = hostHeadersPlugin({ frameAncestors: ['https://museum.example.org'] });
      const fromOption = (await emitted(option, root)).get('_headers') ?? '';
      expect(fromOption).toBe(headersFile(['https://museum.example.org']));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('the site build', () => {
  const config = viteConfig as UserConfig;
  const names = (config.plugins ?? []).flat(3).map((p) => (p as Plugin | null)?.name);

  it('publishes no source maps (the service worker build inherits this)', () => {
    expect(config.build?.sourcemap ?? false).toBe(false);
  });

  it('writes the host headers', () => {
    expect(names).toContain('heritage-host-headers');
  });
});
