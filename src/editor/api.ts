/**
 * Client of the dev server's editor endpoint (`/__editor/tours`). Requests and answers are
 * the ones of `core/editor-protocol.ts`, which the server checks too; an answer of another
 * shape is an error here, not a silent `undefined` later.
 */
import type { z } from 'zod';
import {
  CreateTourResponse,
  editorUrl,
  ErrorResponse,
  ListToursResponse,
  LoadManifestResponse,
  NarrateResponse,
  SaveManifestResponse,
  UploadResponse,
  WRITE_HEADER,
  WRITE_HEADER_VALUE,
  type CreateTourRequest,
  type NarrateRequest,
  type TourSummary,
} from '../core/editor-protocol.ts';

export { encodePath } from '../core/editor-protocol.ts';
export type { LoadManifestResponse as LoadedManifest, TourSummary };

const WRITE_HEADERS = { [WRITE_HEADER]: WRITE_HEADER_VALUE };
const JSON_WRITE_HEADERS = { ...WRITE_HEADERS, 'Content-Type': 'application/json' };

/** The answer parsed with `schema`; a refusal throws the server's plain message. */
async function answer<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const refusal = ErrorResponse.safeParse(body);
    throw new Error(refusal.success ? refusal.data.error : `HTTP ${response.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`HTTP ${response.status}: unexpected answer`);
  return parsed.data;
}

export const listTours = async (): Promise<TourSummary[]> =>
  (await answer(await fetch(editorUrl.tours()), ListToursResponse)).tours;

export const loadManifest = async (id: string): Promise<LoadManifestResponse> =>
  answer(await fetch(editorUrl.tour(id), { cache: 'no-store' }), LoadManifestResponse);

export async function createTour(input: CreateTourRequest): Promise<void> {
  const response = await fetch(editorUrl.tours(), {
    method: 'POST',
    headers: JSON_WRITE_HEADERS,
    body: JSON.stringify(input),
  });
  await answer(response, CreateTourResponse);
}

export async function saveManifest(id: string, data: unknown): Promise<number> {
  const response = await fetch(editorUrl.file(id, 'tour.json'), {
    method: 'PUT',
    headers: JSON_WRITE_HEADERS,
    body: JSON.stringify(data),
  });
  return (await answer(response, SaveManifestResponse)).mtime;
}

export async function uploadFile(id: string, relative: string, file: Blob): Promise<void> {
  const response = await fetch(editorUrl.file(id, relative), {
    method: 'PUT',
    headers: { ...WRITE_HEADERS, 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  });
  await answer(response, UploadResponse);
}

/** Has the local server read `text` aloud into audio/<lang>/<scene>.mp3 (+ .vtt captions). */
export async function generateNarration(
  id: string,
  input: NarrateRequest,
): Promise<NarrateResponse> {
  const response = await fetch(editorUrl.narrate(id), {
    method: 'POST',
    headers: JSON_WRITE_HEADERS,
    body: JSON.stringify(input),
  });
  return answer(response, NarrateResponse);
}
