/**
 * `_headers` (Netlify, Cloudflare Pages): what a static host should send with the built site —
 * the Content-Security-Policy of the meta tag plus `frame-ancestors` (which a meta tag cannot
 * set), `nosniff`, the Referrer-Policy, the cache rules of `publish/cache-rules.ts`, and a
 * sandbox for every tour file (media only; if one were ever opened as a page it could run
 * nothing). The build writes it (`hostHeadersPlugin`); `tour publish` writes the same text
 * with the site's settings, so there is one implementation.
 */
import type { Plugin } from 'vite';
import { loadSiteConfig } from '../publish/site-config.ts';
import { IMMUTABLE, REVALIDATE } from '../publish/cache-rules.ts';
import { CONTENT_SECURITY_POLICY } from './vite-plugin-csp.ts';

export const HEADERS_FILE = '_headers';
/** The site settings file, served with the others: revalidated like an entry point. */
const SITE_FILE = 'site.json';

/** The Content-Security-Policy sent as a header: the meta tag's, plus `frame-ancestors`. */
export function headerPolicy(frameAncestors: readonly string[] = []): string {
  const ancestors = ["'self'", ...frameAncestors.map((url) => new URL(url).origin)].join(' ');
  return `${CONTENT_SECURITY_POLICY}; frame-ancestors ${ancestors}`;
}

/** Tour files are pictures, sound and text: as a document, such a file may do nothing. */
export const TOUR_FILE_POLICY = "default-src 'none'; sandbox";

/** Netlify / Cloudflare Pages `_headers`: later rules add to earlier ones for a path. */
export function headersFile(frameAncestors: readonly string[] = []): string {
  const block = (pattern: string, lines: string[]) =>
    `${pattern}\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
  return [
    block('/*', [
      `Content-Security-Policy: ${headerPolicy(frameAncestors)}`,
      'X-Content-Type-Options: nosniff',
      'Referrer-Policy: strict-origin-when-cross-origin',
    ]),
    block('/assets/*', [`Cache-Control: ${IMMUTABLE}`]),
    block('/tours/*', [`Content-Security-Policy: ${TOUR_FILE_POLICY}`]),
    block('/tours/*/generated/*', [`Cache-Control: ${IMMUTABLE}`]),
    // Not content-hashed: re-recorded narration keeps its name (cache-rules.ts).
    block('/tours/*/audio/*', [`Cache-Control: ${REVALIDATE}`]),
    block('/tours/*/tour.json', [`Cache-Control: ${REVALIDATE}`]),
    block('/tours/*/files.json', [`Cache-Control: ${REVALIDATE}`]),
    block('/tours/index.json', [`Cache-Control: ${REVALIDATE}`]),
    block('/', [`Cache-Control: ${REVALIDATE}`]),
    block('/index.html', [`Cache-Control: ${REVALIDATE}`]),
    block('/sw.js', [`Cache-Control: ${REVALIDATE}`]),
    block(`/${SITE_FILE}`, [`Cache-Control: ${REVALIDATE}`]),
  ].join('\n');
}

export interface HostHeadersOptions {
  /**
   * Origins allowed to frame the site besides itself; by default the `frameAncestors` of
   * `site.config.json` (none: only the site itself may frame it).
   */
  frameAncestors?: readonly string[];
  /** Where those settings are (default `site.config.json` at the root). */
  configFile?: string;
}

/** Writes `_headers` into every build, so any build is ready for a host that reads it. */
export function hostHeadersPlugin(options: HostHeadersOptions = {}): Plugin {
  let root = process.cwd();
  return {
    name: 'heritage-host-headers',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle() {
      let ancestors = options.frameAncestors;
      if (ancestors === undefined) {
        const loaded = await loadSiteConfig(root, options.configFile);
        // A broken site.config.json is `tour publish`'s to report; the build keeps 'self'.
        ancestors = loaded.ok ? loaded.value.config.frameAncestors : [];
      }
      this.emitFile({ type: 'asset', fileName: HEADERS_FILE, source: headersFile(ancestors) });
    },
  };
}
