/**
 * Files publishing adds to the built site for the host: `_headers` (Netlify, Cloudflare
 * Pages: security headers and the cache rules of `cache-rules.ts`) and `site.json` (the
 * site's name and public address, for the viewer's share links). They are written by
 * `tour publish` after the build; the build plugin may later write them itself with the same
 * functions.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../../core/site-config.ts';
import { CONTENT_SECURITY_POLICY } from '../build/vite-plugin-csp.ts';
import { IMMUTABLE, REVALIDATE } from './cache-rules.ts';

export const HEADERS_FILE = '_headers';
export const SITE_FILE = 'site.json';

/** The Content-Security-Policy sent as a header: the meta tag's, plus `frame-ancestors`. */
export function headerPolicy(frameAncestors: readonly string[] = []): string {
  const ancestors = ["'self'", ...frameAncestors.map((url) => new URL(url).origin)].join(' ');
  return `${CONTENT_SECURITY_POLICY}; frame-ancestors ${ancestors}`;
}

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
    block('/tours/*/generated/*', [`Cache-Control: ${IMMUTABLE}`]),
    block('/tours/*/audio/*', [`Cache-Control: ${IMMUTABLE}`]),
    block('/tours/*/tour.json', [`Cache-Control: ${REVALIDATE}`]),
    block('/tours/*/files.json', [`Cache-Control: ${REVALIDATE}`]),
    block('/tours/index.json', [`Cache-Control: ${REVALIDATE}`]),
    block('/', [`Cache-Control: ${REVALIDATE}`]),
    block('/index.html', [`Cache-Control: ${REVALIDATE}`]),
    block('/sw.js', [`Cache-Control: ${REVALIDATE}`]),
    block(`/${SITE_FILE}`, [`Cache-Control: ${REVALIDATE}`]),
  ].join('\n');
}

export interface SiteInfo {
  name: Record<string, string>;
  publicUrl: string;
}

export const siteInfoText = (info: SiteInfo): string => `${JSON.stringify(info, null, 2)}\n`;

/** Writes `_headers` and `site.json` into the built site. */
export async function writeHostFiles(dir: string, config: SiteConfig, publicUrl: string) {
  await writeFile(path.join(dir, HEADERS_FILE), headersFile(config.frameAncestors));
  await writeFile(path.join(dir, SITE_FILE), siteInfoText({ name: config.name, publicUrl }));
}
