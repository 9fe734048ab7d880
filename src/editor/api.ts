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
  ListBackupsResponse,
  ListToursResponse,
  LoadBackupResponse,
  LoadManifestResponse,
  NarrateResponse,
  RemoveUnusedResponse,
  UnusedFilesResponse,
  type UnusedFile,
  SaveManifestResponse,
  SESSION_URL,
  SessionResponse,
  TOKEN_HEADER,
  UploadResponse,
  type CreateTourRequest,
  type NarrateRequest,
  type TourSummary,
} from '../core/editor-protocol.ts';
import { type Localized, refusalMessage } from './api-errors.ts';

export { encodePath } from '../core/editor-protocol.ts';
export type { LoadManifestResponse as LoadedManifest, TourSummary };

/**
 * A refusal of the endpoint: its short English reason (for logs and tests, never shown), and
 * what the author reads, in both languages: the server's own problem text when it sent one,
 * else the sentence api-errors.ts has for the reason.
 */
export class EditorApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly localized: Localized = refusalMessage(message, status),
  ) {
    super(message);
    this.name = 'EditorApiError';
  }
}

/**
 * The secret of this server start, fetched once from the same origin (the server gives it to
 * no other page). Forgotten after a 403: the dev server may have restarted with a new one.
 */
let session: Promise<string> | undefined;

async function fetchToken(): Promise<string> {
  const response = await reach(SESSION_URL, { cache: 'no-store', credentials: 'same-origin' });
  return (await answer(response, SessionResponse)).token;
}

/** `fetch`, with a network failure (server stopped, cable out) as a refusal the author reads. */
const reach = (url: string, init: RequestInit): Promise<Response> =>
  fetch(url, init).catch(() => {
    throw new EditorApiError('offline', 0);
  });

/** Busy uploads are retried after the server's Retry-After, a few times. */
const BUSY_RETRIES = 5;

/** `fetch` with the secret; once more with a fresh one after a 403, later again when busy. */
export async function call(url: string, init: RequestInit = {}): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    session ??= fetchToken().catch((error: unknown) => {
      session = undefined;
      throw error;
    });
    const headers = { ...(init.headers as Record<string, string>), [TOKEN_HEADER]: await session };
    const response = await reach(url, { cache: 'no-store', ...init, headers });
    if (response.status === 403 && attempt === 0) {
      session = undefined;
      continue;
    }
    if (response.status === 503 && attempt < BUSY_RETRIES) {
      const seconds = Number(response.headers.get('Retry-After') ?? 1) || 1;
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
      continue;
    }
    return response;
  }
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** The answer parsed with `schema`; a refusal throws the server's plain message. */
export async function answer<T>(response: Response, schema: z.ZodType<T>): Promise<T> {
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const refusal = ErrorResponse.safeParse(body);
    throw refusal.success
      ? new EditorApiError(refusal.data.error, response.status, refusal.data.message)
      : new EditorApiError(`HTTP ${response.status}`, response.status);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new EditorApiError('unexpected answer', response.status);
  return parsed.data;
}

export const listTours = async (): Promise<TourSummary[]> =>
  (await answer(await call(editorUrl.tours()), ListToursResponse)).tours;

export const loadManifest = async (id: string): Promise<LoadManifestResponse> =>
  answer(await call(editorUrl.tour(id)), LoadManifestResponse);

export async function createTour(input: CreateTourRequest): Promise<void> {
  const response = await call(editorUrl.tours(), {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify(input),
  });
  await answer(response, CreateTourResponse);
}

export async function saveManifest(id: string, data: unknown): Promise<number> {
  const response = await call(editorUrl.file(id, 'tour.json'), {
    method: 'PUT',
    headers: JSON_HEADERS,
    body: JSON.stringify(data),
  });
  return (await answer(response, SaveManifestResponse)).mtime;
}

/** The dated backups of a tour's earlier tour.json (newest first), and how many are kept. */
export type BackupList = ListBackupsResponse;
export const listBackups = async (id: string): Promise<ListBackupsResponse> =>
  answer(await call(editorUrl.backups(id)), ListBackupsResponse);

export const loadBackup = async (id: string, name: string): Promise<LoadBackupResponse> =>
  answer(await call(editorUrl.backup(id, name)), LoadBackupResponse);

export async function uploadFile(id: string, relative: string, file: Blob): Promise<void> {
  const response = await call(editorUrl.file(id, relative), {
    method: 'PUT',
    headers: { 'Content-Type': file.type || 'application/octet-stream' },
    body: file,
  });
  await answer(response, UploadResponse);
}

/** Has the local server read `text` aloud into audio/<lang>/<scene>.mp3 (+ .vtt captions). */
export async function generateNarration(
  id: string,
  input: NarrateRequest,
): Promise<NarrateResponse> {
  const response = await call(editorUrl.narrate(id), {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify(input),
  });
  return answer(response, NarrateResponse);
}

/** The files of the tour folder that `tour` (about to be saved) leaves unused, with sizes. */
export async function listUnusedFiles(id: string, tour: unknown): Promise<UnusedFile[]> {
  const response = await call(editorUrl.unused(id), {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ tour }),
  });
  return (await answer(response, UnusedFilesResponse)).files;
}

/** Removes those of `files` the saved tour.json does not use (the server checks again). */
export async function removeUnusedFiles(id: string, files: readonly string[]): Promise<string[]> {
  const response = await call(editorUrl.removeUnused(id), {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({ files }),
  });
  return (await answer(response, RemoveUnusedResponse)).removed;
}
