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
/** Pseudo-files under a tour: which files a manifest leaves unused, and removing some of them. */
export const UNUSED_SEGMENT = '__unused';
export const REMOVE_UNUSED_SEGMENT = '__remove-unused';
/** Pseudo-folder under a tour: the backups of its earlier tour.json (`node/editor-server/backups.ts`). */
export const BACKUPS_SEGMENT = '__backups';

/** Each segment URL-encoded, the slashes kept: `audio/vi/chuông 1.mp3` → `audio/vi/chu%C3%B4ng%201.mp3`. */
export const encodePath = (relative: string): string =>
  relative.split('/').map(encodeURIComponent).join('/');

export const editorUrl = {
  tours: (): string => EDITOR_BASE,
  tour: (id: string): string => `${EDITOR_BASE}/${encodeURIComponent(id)}`,
  file: (id: string, relative: string): string =>
    `${EDITOR_BASE}/${encodeURIComponent(id)}/${encodePath(relative)}`,
  narrate: (id: string): string => `${EDITOR_BASE}/${encodeURIComponent(id)}/${NARRATE_SEGMENT}`,
  unused: (id: string): string => `${EDITOR_BASE}/${encodeURIComponent(id)}/${UNUSED_SEGMENT}`,
  removeUnused: (id: string): string =>
    `${EDITOR_BASE}/${encodeURIComponent(id)}/${REMOVE_UNUSED_SEGMENT}`,
  backups: (id: string): string => `${EDITOR_BASE}/${encodeURIComponent(id)}/${BACKUPS_SEGMENT}`,
  backup: (id: string, name: string): string =>
    `${EDITOR_BASE}/${encodeURIComponent(id)}/${BACKUPS_SEGMENT}/${encodeURIComponent(name)}`,
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

/** A backup's file name: the time its version was saved, in UTC (`tour-2026-12-01T22-30-05-120Z.json`). */
export const BACKUP_NAME = /^tour-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z\.json$/;
export const BackupSummary = z.object({
  name: z.string().regex(BACKUP_NAME),
  /** When that version was saved (ms since 1970). */
  savedAt: z.number(),
  /** What the author recognises it by: its title and number of scenes (when readable). */
  title: LooseTitle,
  scenes: z.number().optional(),
});
/** `GET /__editor/tours/<id>/__backups`: newest first, at most `limit` of them are kept. */
export const ListBackupsResponse = z.object({
  backups: z.array(BackupSummary),
  limit: z.number(),
});
/** `GET /__editor/tours/<id>/__backups/<name>`: that version's manifest, as text. */
export const LoadBackupResponse = BackupSummary.extend({ text: z.string() });

/**
 * `POST /__editor/tours/<id>/__unused` {tour}: the files of the folder that this manifest (the
 * one about to be saved) does not use, with their sizes (`core/publish/unused-files.ts`).
 */
export const UnusedFilesRequest = z.object({ tour: z.record(z.string(), z.unknown()) });
export const UnusedFile = z.object({ path: z.string(), bytes: z.number() });
export const UnusedFilesResponse = z.object({ files: z.array(UnusedFile) });
/**
 * `POST /__editor/tours/<id>/__remove-unused` {files}: removes those of `files` that the saved
 * tour.json does not use; any other is left alone (and not in `removed`).
 */
export const RemoveUnusedRequest = z.object({
  files: z.array(z.string().min(1).max(1024)).max(20_000),
});
export const RemoveUnusedResponse = z.object({ removed: z.array(z.string()), bytes: z.number() });

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
export type UnusedFile = z.infer<typeof UnusedFile>;
export type UnusedFilesResponse = z.infer<typeof UnusedFilesResponse>;
export type RemoveUnusedResponse = z.infer<typeof RemoveUnusedResponse>;
export type BackupSummary = z.infer<typeof BackupSummary>;
export type ListBackupsResponse = z.infer<typeof ListBackupsResponse>;
export type LoadBackupResponse = z.infer<typeof LoadBackupResponse>;
export type SessionResponse = z.infer<typeof SessionResponse>;
