/** Reads the site's settings (`site.config.json`); a repository without one gets the defaults. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Result, success } from '../../core/result.ts';
import {
  defaultSiteConfig,
  parseSiteConfig,
  SITE_CONFIG_FILE,
  type SiteConfig,
} from '../../core/site-config.ts';

export interface LoadedSiteConfig {
  config: SiteConfig;
  /** As shown in messages (relative to the repository). */
  file: string;
  /** False when the file does not exist yet (the defaults were used). */
  exists: boolean;
}

export async function loadSiteConfig(
  root: string,
  file = SITE_CONFIG_FILE,
): Promise<Result<LoadedSiteConfig>> {
  const absolute = path.resolve(root, file);
  const shown = path.relative(root, absolute) || absolute;
  const text = await readFile(absolute, 'utf8').catch(() => undefined);
  if (text === undefined)
    return success({ config: defaultSiteConfig(), file: shown, exists: false });
  const parsed = parseSiteConfig(text, shown);
  return parsed.ok ? success({ config: parsed.value, file: shown, exists: true }) : parsed;
}
