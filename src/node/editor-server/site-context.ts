/**
 * What every site page of the editor's endpoint works from (site-endpoint.ts routes to
 * them): the repository, the folder of the site settings, the tours, and the settings read
 * with the CLI's rules.
 */
import type { ServerResponse } from 'node:http';
import type { SiteConfig } from '../../core/site-config.ts';
import { loadSiteConfig } from '../publish/site-config.ts';
import { refuse } from './http.ts';

export interface SiteContext {
  /** The repository: `vite.config.ts` and `index.html`, what a build needs. */
  root: string;
  /** Where `site.config.json` and `.publish-credentials.json` are (the repository by default). */
  siteDir: string;
  toursDir: string;
}

/** The settings, or undefined once a refusal saying what is wrong with the file is sent. */
export async function readSettings(
  context: SiteContext,
  res: ServerResponse,
): Promise<SiteConfig | undefined> {
  const loaded = await loadSiteConfig(context.siteDir);
  if (loaded.ok) return loaded.value.config;
  refuse(res, 409, 'bad site config', { message: loaded.problems[0]!.message });
  return undefined;
}
