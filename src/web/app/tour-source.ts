/**
 * Fetching published content: the catalogue index and tour manifests, relative to the page
 * so the site works from any folder of any static host. Failures are values (`Result`, with
 * a `Problem` naming the URL), not throws.
 */
import type { CatalogueEntry } from '../../core/manifest/catalogue.ts';
import type { Tour } from '../../core/manifest/schema.ts';
import { failure, type Result, success } from '../../core/result.ts';
import { fetchJson } from '../net/fetch-json.ts';
import { loadProblem, schemaProblems } from '../net/problems.ts';

export type { CatalogueEntry };

/** Where the app gets its content; tests give the app a fake one. */
export interface TourSource {
  loadCatalogue(): Promise<Result<CatalogueEntry[]>>;
  loadTour(tourId: string): Promise<Result<Tour>>;
}

export const toursRoot = (): URL => new URL('tours/', document.baseURI);
export const tourBaseUrl = (tourId: string): string => new URL(`${tourId}/`, toursRoot()).href;

export async function loadCatalogue(): Promise<Result<CatalogueEntry[]>> {
  const url = new URL('index.json', toursRoot()).href;
  const result = await fetchJson(url, { cache: 'no-cache' });
  if (!result.ok) return result;
  const tours = (result.value as { tours?: unknown } | null)?.tours;
  if (!Array.isArray(tours))
    return failure(loadProblem('catalogue-invalid', url, 'no "tours" list', ['tours']));
  return success(tours as CatalogueEntry[]);
}

export async function loadTour(tourId: string): Promise<Result<Tour>> {
  const url = new URL('tour.json', tourBaseUrl(tourId)).href;
  // The schema (zod) is loaded beside the manifest, not in the tourist's first chunk.
  const [result, schema] = await Promise.all([
    fetchJson(url, { cache: 'no-cache' }),
    import('../../core/manifest/schema.ts'),
  ]);
  if (!result.ok) return result;
  const parsed = schema.Tour.safeParse(result.value);
  if (!parsed.success) return failure(schemaProblems(parsed.error.issues, url, 'tour-invalid'));
  return success(parsed.data);
}

export const publishedTours: TourSource = { loadCatalogue, loadTour };
