/**
 * Files publishing adds to the built site for the host: `_headers` (Netlify, Cloudflare
 * Pages: security headers and the cache rules of `cache-rules.ts`) and `site.json` (the
 * site's name and public address, for the viewer's share links). They are written by
 * `tour publish` after the build (the build writes `_headers` too, with the same function).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SiteConfig } from '../../core/site-config.ts';
import { HEADERS_FILE, headersFile } from '../build/host-headers.ts';

export const SITE_FILE = 'site.json';
/** One implementation of `_headers`, shared with the build (it writes the file too). */
export { HEADERS_FILE, headerPolicy, headersFile } from '../build/host-headers.ts';

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
