/**
 * The HTTP contract between the tour editor (browser, `src/editor/api.ts`) and its write
 * endpoint on the dev server (`src/node/editor-server/editor-plugin.ts`): one place that says
 * what each request carries and what each answer holds. The server parses request bodies with
 * these schemas and the client parses answers with them, so the two cannot drift apart.
 * Pure (zod only): it runs on both sides.
 */
import { z } from 'zod';
import { Id, LanguageCode } from './manifest/schema.ts';
import { problem } from './manifest/problems.ts';
import { failure, type Result, success } from './result.ts';

export const EDITOR_BASE = '/__editor/tours';
/**
 * `GET /__editor/session`: the secret the server made at start, given only to a same-origin
 * page of the editor (like Jupyter's token). Every other call carries it in `TOKEN_HEADER`:
 * another page on this machine (another port, `localhost` for `127.0.0.1`) cannot learn it,
 * and a header is also what a cross-site form post cannot send.
 */
export const SESSION_URL = '/__editor/session';
export const TOKEN_HEADER = 'X-Tour-Editor';
export const MANIFEST_FILE = 'tour.json';
/** Pseudo-file under a tour that asks for a narration (not a path on disk). */
export const NARRATE_SEGMENT = '__narrate';

/** Each segment URL-encoded, the slashes kept: `audio/vi/chuông 1.mp3` → `audio/vi/chu%C3%B4ng%201.mp3`. */
export const encodePath = (relative: string): string =>
  relative.split('/').map(encodeURIComponent).join('/');

export const editorUrl = {
  tours: (): string => EDITOR_BASE,
  tour: (id: string): string => `${EDITOR_BASE}/${encodeURIComponent(id)}`,
  file: (id: string, relative: string): string =>
    `${EDITOR_BASE}/${encodeURIComponent(id)}/${encodePath(relative)}`,
  narrate: (id: string): string => `${EDITOR_BASE}/${encodeURIComponent(id)}/${NARRATE_SEGMENT}`,
};

/**
 * Every refusal: a short plain message (never a stack, a path on disk or an internal error
 * text); `message` adds the problem in both languages when there is one to show the author (a
 * file whose content is not what its name says).
 */
export const ErrorResponse = z.object({
  error: z.string(),
  message: z.object({ vi: z.string(), en: z.string() }).optional(),
});

export const SessionResponse = z.object({ token: z.string().min(1) });

/** A language map as far as a list needs it; a hand-written title of another shape is dropped. */
const LooseTitle = z.record(z.string(), z.string()).optional().catch(undefined);

/** `GET /__editor/tours`: the tours on disk. */
export const TourSummary = z.object({ id: z.string(), title: LooseTitle });
export const ListToursResponse = z.object({ tours: z.array(TourSummary) });

/** `POST /__editor/tours`: a new, empty tour. */
export const CreateTourRequest = z.object({
  id: Id,
  title: z.record(z.string(), z.string()),
  languages: z.array(LanguageCode).min(1),
});
export const CreateTourResponse = z.object({ id: z.string(), text: z.string() });

/** `GET /__editor/tours/<id>`: the manifest as text (it may not be valid yet) and the files. */
export const LoadManifestResponse = z.object({
  id: z.string(),
  text: z.string(),
  /** Last modification of tour.json (ms since 1970). */
  mtime: z.number(),
  /** Every file of the tour folder, relative to it. */
  files: z.array(z.string()),
});

/**
 * `PUT /__editor/tours/<id>/tour.json`: any JSON object. The editor saves only manifests
 * without errors, but the server's job is to write what the author has, not to judge it.
 */
export const SaveManifestRequest = z.record(z.string(), z.unknown());
export const SaveManifestResponse = z.object({
  saved: z.literal(MANIFEST_FILE),
  mtime: z.number(),
});

/** `PUT /__editor/tours/<id>/<path>`: the raw bytes of a picture, sound or captions file. */
export const UploadResponse = z.object({ saved: z.string() });

/** `POST /__editor/tours/<id>/__narrate`: read `text` aloud into audio/<lang>/<scene>.mp3 + .vtt. */
export const NarrateRequest = z.object({
  scene: Id,
  lang: LanguageCode,
  text: z
    .string()
    .max(20_000)
    .refine((text) => text.trim() !== '', { message: 'empty text' })
    // A NUL cannot be passed to the speech program; other control characters mean nothing aloud.
    // eslint-disable-next-line no-control-regex
    .refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), {
      message: 'control character',
    }),
});
export const NarrateResponse = z.object({
  audio: z.string(),
  captions: z.string(),
  seconds: z.number(),
});

/**
 * A request body read with its schema. The failure says only which rule was broken (not JSON,
 * or not the expected shape), never zod's own text: the answer must not echo internals.
 */
export function parseRequest<T>(schema: z.ZodType<T>, text: string, file: string): Result<T> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return failure(problem('request-not-json', {}, file));
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return success(parsed.data);
  return failure(
    parsed.error.issues.map((issue) =>
      problem(
        'request-invalid',
        {},
        file,
        issue.path.filter((key) => typeof key !== 'symbol'),
      ),
    ),
  );
}

export type TourSummary = z.infer<typeof TourSummary>;
export type ListToursResponse = z.infer<typeof ListToursResponse>;
export type CreateTourRequest = z.infer<typeof CreateTourRequest>;
export type CreateTourResponse = z.infer<typeof CreateTourResponse>;
export type LoadManifestResponse = z.infer<typeof LoadManifestResponse>;
export type SaveManifestResponse = z.infer<typeof SaveManifestResponse>;
export type UploadResponse = z.infer<typeof UploadResponse>;
export type NarrateRequest = z.infer<typeof NarrateRequest>;
export type NarrateResponse = z.infer<typeof NarrateResponse>;
export type ErrorResponse = z.infer<typeof ErrorResponse>;
export type SessionResponse = z.infer<typeof SessionResponse>;
