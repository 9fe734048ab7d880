/** Client of the dev server's editor endpoint (`/__editor/tours`). */

export interface TourSummary {
  id: string;
  title?: Record<string, string>;
}

export interface LoadedManifest {
  id: string;
  text: string;
  /** Last modification of tour.json (ms since 1970). */
  mtime: number;
  /** Every file of the tour folder, relative to it. */
  files: string[];
}

const BASE = '/__editor/tours';
const WRITE_HEADERS = { 'X-Tour-Editor': '1' };

async function json<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => ({}))) as T & { error?: string };
  if (!response.ok) throw new Error(body.error ?? `HTTP ${response.status}`);
  return body;
}

export const encodePath = (relative: string): string =>
  relative.split('/').map(encodeURIComponent).join('/');

export const listTours = async (): Promise<TourSummary[]> =>
  (await json<{ tours: TourSummary[] }>(await fetch(BASE))).tours;

export const loadManifest = async (id: string): Promise<LoadedManifest> =>
  json<LoadedManifest>(await fetch(`${BASE}/${encodeURIComponent(id)}`, { cache: 'no-store' }));

export async function createTour(input: {
  id: string;
  title: Record<string, string>;
  languages: string[];
}): Promise<void> {
  await json(
    await fetch(BASE, {
      method: 'POST',
      headers: { ...WRITE_HEADERS, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    }),
  );
}

export async function saveManifest(id: string, data: unknown): Promise<number> {
  const response = await fetch(`${BASE}/${encodeURIComponent(id)}/tour.json`, {
    method: 'PUT',
    headers: { ...WRITE_HEADERS, 'Content-Type': 'application/json' },
    body: JSON.stringify(data),
  });
  return (await json<{ mtime: number }>(response)).mtime;
}

export async function uploadFile(id: string, relative: string, file: Blob): Promise<void> {
  await json(
    await fetch(`${BASE}/${encodeURIComponent(id)}/${encodePath(relative)}`, {
      method: 'PUT',
      headers: { ...WRITE_HEADERS, 'Content-Type': file.type || 'application/octet-stream' },
      body: file,
    }),
  );
}

/** Has the local server read `text` aloud into audio/<lang>/<scene>.mp3 (+ .vtt captions). */
export async function generateNarration(
  id: string,
  input: { scene: string; lang: string; text: string },
): Promise<{ audio: string; captions: string; seconds: number }> {
  return json(
    await fetch(`${BASE}/${encodeURIComponent(id)}/__narrate`, {
      method: 'POST',
      headers: { ...WRITE_HEADERS, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    }),
  );
}
