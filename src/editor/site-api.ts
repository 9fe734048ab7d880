/**
 * Client of the dev server's site pages (`/__editor/site/…`, `core/site-protocol.ts`): the
 * settings, the print PDF, publish jobs and the phone preview. The same secret and refusals
 * as every other editor call (`api.ts`).
 */
import {
  PhonePreviewResponse,
  PublishStarted,
  PublishStatus,
  SaveSettingsResponse,
  SiteSettingsResponse,
  siteUrl,
  type PrintRequest,
  type PublishRequest,
  type SiteSettings,
} from '../core/site-protocol.ts';
import { answer, call, EditorApiError } from './api.ts';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const post = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: JSON_HEADERS,
  body: JSON.stringify(body),
});

export const loadSettings = async (): Promise<SiteSettingsResponse> =>
  answer(await call(siteUrl.settings), SiteSettingsResponse);

export async function saveSettings(settings: SiteSettings): Promise<SaveSettingsResponse> {
  const init = { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify(settings) };
  return answer(await call(siteUrl.settings, init), SaveSettingsResponse);
}

/** The print PDF, with how many poster and label pages it has. */
export async function printPdf(
  input: PrintRequest,
): Promise<{ blob: Blob; posters: number; labelPages: number }> {
  const response = await call(siteUrl.print, post(input));
  if (!response.ok) {
    // A refusal is JSON: let the shared reader turn it into the server's message.
    await answer(response, SaveSettingsResponse);
    throw new EditorApiError(`HTTP ${response.status}`, response.status);
  }
  const posters = Number(response.headers.get('X-Poster-Pages') ?? 0);
  const labelPages = Number(response.headers.get('X-Label-Pages') ?? 0);
  return { blob: await response.blob(), posters, labelPages };
}

export async function startPublish(input: PublishRequest): Promise<string> {
  return (await answer(await call(siteUrl.publish, post(input)), PublishStarted)).job;
}

export const publishStatus = async (job: string): Promise<PublishStatus> =>
  answer(await call(siteUrl.job(job)), PublishStatus);

/** The finished zip of a zip job. */
export async function downloadZip(job: string): Promise<Blob> {
  const response = await call(siteUrl.download(job));
  if (!response.ok) throw new EditorApiError(`HTTP ${response.status}`, response.status);
  return response.blob();
}

export const phoneStatus = async (): Promise<PhonePreviewResponse> =>
  answer(await call(siteUrl.phone), PhonePreviewResponse);
export const startPhone = async (): Promise<PhonePreviewResponse> =>
  answer(await call(siteUrl.phone, { method: 'POST' }), PhonePreviewResponse);
export const stopPhone = async (): Promise<PhonePreviewResponse> =>
  answer(await call(siteUrl.phone, { method: 'DELETE' }), PhonePreviewResponse);

/** Saves a blob as a download with `name`. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
