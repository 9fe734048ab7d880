/**
 * The editor's site pages on the dev server, under `/__editor/site/…` (called from
 * `editor-plugin.ts` after its secret and origin check): the site settings
 * (`site.config.json`, the file the CLI reads, checked with the same schema), printing QR
 * posters (print-endpoint.ts), publishing (publish-endpoint.ts) and the phone preview
 * (phone-preview.ts). Saving the settings changes only the fields the page edits and keeps
 * the rest of the file as it was; a broken file is reported, never overwritten.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { MANIFEST_FILE, TourSummary } from '../../core/editor-protocol.ts';
import { problem } from '../../core/manifest/problems.ts';
import {
  isPublicAddress,
  parseSiteConfig,
  SITE_CONFIG_FILE,
  SITE_CONFIG_VERSION,
  type SiteConfig,
} from '../../core/site-config.ts';
import {
  type SaveSettingsResponse,
  SITE_BASE,
  SiteSettings,
  type SiteSettingsResponse,
  type TargetSummary,
} from '../../core/site-protocol.ts';
import { tourIdsIn } from '../publish/build-site.ts';
import { credentialsFile } from '../publish/credentials.ts';
import { readRequest, refuse, send } from './http.ts';
import { readSettings, type SiteContext } from './site-context.ts';
import { PhonePreviews, phoneRoute } from './phone-preview.ts';
import { printPosters } from './print-endpoint.ts';
import { PublishJobs, publishRoute } from './publish-endpoint.ts';

/** What the site pages keep between calls: one per endpoint (tests make their own). */
export class SiteServices {
  readonly jobs = new PublishJobs();
  readonly phone = new PhonePreviews();
}

export interface SiteEndpointContext extends SiteContext {
  services: SiteServices;
}

/** True when the request was one of the site pages' (answered here). */
export async function handleSite(
  context: SiteEndpointContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  const pathOnly = (req.url ?? '').split(/[?#]/, 1)[0] ?? '';
  if (!pathOnly.startsWith(`${SITE_BASE}/`)) return false;
  const rest = pathOnly.slice(SITE_BASE.length + 1).split('/');
  const [section = ''] = rest;
  if (section === 'settings' && rest.length === 1) {
    if (req.method === 'GET') await getSettings(context, res);
    else if (req.method === 'PUT') await putSettings(context, req, res);
    else refuse(res, 405, 'method not allowed');
  } else if (section === 'print' && rest.length === 1 && req.method === 'POST') {
    await printPosters(context, req, res);
  } else if (section === 'publish') {
    await publishRoute(context, context.services.jobs, rest.slice(1), req, res);
  } else if (section === 'phone' && rest.length === 1) {
    await phoneRoute(context, context.services.phone, req, res);
  } else refuse(res, 404, 'not found');
  return true;
}

async function tourSummaries(toursDir: string): Promise<TourSummary[]> {
  const tours: TourSummary[] = [];
  for (const id of await tourIdsIn(toursDir)) {
    const text = await readFile(path.join(toursDir, id, MANIFEST_FILE), 'utf8').catch(() => '');
    let title: unknown;
    try {
      title = Reflect.get(JSON.parse(text) as object, 'title');
    } catch {
      title = undefined;
    }
    tours.push(TourSummary.parse({ id, title }));
  }
  return tours;
}

/** The names of the targets a secret is kept for in the credentials file (never the secret). */
async function targetsWithSecrets(siteDir: string): Promise<Set<string>> {
  const file = credentialsFile({ root: siteDir, env: process.env });
  const text = await readFile(file, 'utf8').catch(() => '{}');
  try {
    const json = JSON.parse(text) as Record<string, Record<string, unknown>>;
    return new Set(
      Object.entries(json)
        .filter(([, entry]) => Object.values(entry ?? {}).some((v) => typeof v === 'string' && v))
        .map(([name]) => name),
    );
  } catch {
    return new Set();
  }
}

export async function targetSummaries(
  config: SiteConfig,
  siteDir: string,
): Promise<TargetSummary[]> {
  const secrets = await targetsWithSecrets(siteDir);
  return Object.entries(config.targets).map(([name, target]) => ({
    name,
    type: target.type,
    where:
      target.type === 'zip' || target.type === 'folder'
        ? path.basename(target.path)
        : target.type === 's3'
          ? target.bucket
          : target.host,
    hasSecret: secrets.has(name),
  }));
}

async function getSettings(context: SiteContext, res: ServerResponse): Promise<void> {
  const config = await readSettings(context, res);
  if (!config) return;
  const available = await tourSummaries(context.toursDir);
  return send(res, 200, {
    publicUrl: config.publicUrl,
    name: config.name,
    tours: config.tours ?? available.map((tour) => tour.id),
    available,
    targets: await targetSummaries(config, context.siteDir),
  } satisfies SiteSettingsResponse);
}

async function putSettings(context: SiteContext, req: IncomingMessage, res: ServerResponse) {
  const input = await readRequest(req, res, SiteSettings, {
    limit: 64 * 1024,
    invalid: 'bad settings',
  });
  if (!input) return;
  const file = path.join(context.siteDir, SITE_CONFIG_FILE);
  const publicUrl = input.publicUrl.trim();
  if (publicUrl !== '' && !isPublicAddress(publicUrl)) {
    const refused = problem('site-address-invalid', { value: publicUrl }, SITE_CONFIG_FILE, [
      'publicUrl',
    ]);
    return refuse(res, 422, 'bad address', { message: refused.message });
  }
  if (input.tours.length === 0) {
    const refused = problem('site-no-tours-chosen', {}, SITE_CONFIG_FILE, ['tours']);
    return refuse(res, 422, 'no tours', { message: refused.message });
  }
  const available = await tourIdsIn(context.toursDir);
  if (input.tours.some((id) => !available.includes(id))) return refuse(res, 400, 'unknown tour');

  // The file as it is: every other field (targets, frame-ancestors…) is kept.
  const text = await readFile(file, 'utf8').catch(() => undefined);
  let data: Record<string, unknown> = { version: SITE_CONFIG_VERSION };
  if (text !== undefined) {
    const current = parseSiteConfig(text, SITE_CONFIG_FILE);
    if (!current.ok) {
      return refuse(res, 409, 'bad site config', { message: current.problems[0]!.message });
    }
    data = JSON.parse(text) as Record<string, unknown>;
  }
  // Names in languages the page does not show (a hand-written "fr") are kept.
  const name: Record<string, unknown> = { ...(data.name as Record<string, unknown> | undefined) };
  for (const [lang, value] of Object.entries(input.name)) {
    if (value.trim() === '') delete name[lang];
    else name[lang] = value.trim();
  }
  const next = { ...data, name, publicUrl, tours: input.tours };
  const nextText = `${JSON.stringify(next, null, 2)}\n`;
  // The same check as the CLI's, on exactly what is written.
  const checked = parseSiteConfig(nextText, SITE_CONFIG_FILE);
  if (!checked.ok) {
    return refuse(res, 422, 'bad settings', { message: checked.problems[0]!.message });
  }
  const temporary = `${file}.editor-${process.pid}.tmp`;
  await writeFile(temporary, nextText);
  await rename(temporary, file);
  return send(res, 200, { saved: true, publicUrl } satisfies SaveSettingsResponse);
}
