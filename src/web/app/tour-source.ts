/**
 * Fetching published content: the catalogue index and tour manifests, relative to the page
 * so the site works from any folder of any static host. Failures are values, not throws.
 */
import type { CatalogueEntry } from '../../core/manifest/catalogue.ts';
import type { Tour } from '../../core/manifest/schema.ts';

export type { CatalogueEntry };

export type Loaded<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'not-found' | 'invalid' | 'network'; detail: string };

export const toursRoot = (): URL => new URL('tours/', document.baseURI);
export const tourBaseUrl = (tourId: string): string => new URL(`${tourId}/`, toursRoot()).href;

export async function loadCatalogue(): Promise<Loaded<CatalogueEntry[]>> {
  const result = await fetchJson(new URL('index.json', toursRoot()).href);
  if (!result.ok) return result;
  const tours = (result.value as { tours?: unknown }).tours;
  if (!Array.isArray(tours))
    return { ok: false, reason: 'invalid', detail: 'index.json has no "tours" list' };
  return { ok: true, value: tours as CatalogueEntry[] };
}

export async function loadTour(tourId: string): Promise<Loaded<Tour>> {
  // The schema (zod) is loaded beside the manifest, not in the tourist's first chunk.
  const [result, schema] = await Promise.all([
    fetchJson(new URL('tour.json', tourBaseUrl(tourId)).href),
    import('../../core/manifest/schema.ts'),
  ]);
  if (!result.ok) return result;
  const parsed = schema.Tour.safeParse(result.value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, reason: 'invalid', detail: `${first?.path.join('.')}: ${first?.message}` };
  }
  return { ok: true, value: parsed.data };
}

async function fetchJson(url: string): Promise<Loaded<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { cache: 'no-cache' });
  } catch (error) {
    return { ok: false, reason: 'network', detail: String(error) };
  }
  if (response.status === 404) return { ok: false, reason: 'not-found', detail: url };
  if (!response.ok) return { ok: false, reason: 'network', detail: `${response.status} ${url}` };
  try {
    return { ok: true, value: await response.json() };
  } catch {
    return { ok: false, reason: 'invalid', detail: `${url} is not JSON` };
  }
}
