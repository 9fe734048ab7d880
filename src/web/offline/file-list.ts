/**
 * The tour's file list (`tours/<id>/files.json`, written by the build) as it arrives from the
 * network: checked against a schema before anything is downloaded, so a truncated or foreign
 * file cannot send the download after paths outside the tour. Zod comes with the offline
 * code, never with the tourist's first chunk.
 */
import { z } from 'zod';
import type { TourFileList } from '../../core/publish/tour-files.ts';
import { failure, type Result, success } from '../../core/result.ts';
import { schemaProblems } from '../net/problems.ts';

/** A path inside the tour folder: relative, no `..`, no backslashes, no empty segments. */
const TourPath = z
  .string()
  .min(1)
  .refine(
    (path) =>
      !path.startsWith('/') &&
      !path.includes('\\') &&
      path.split('/').every((part) => part !== '' && part !== '.' && part !== '..'),
    { message: 'not a path inside the tour folder' },
  );

const TourFileSchema = z.object({
  path: TourPath,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  lang: z.string().optional(),
});

export const TourFileListSchema = z.object({
  tour: z.string(),
  version: z.string().min(1),
  files: z.array(TourFileSchema),
}) satisfies z.ZodType<TourFileList>;

export function parseFileList(data: unknown, file: string): Result<TourFileList> {
  const parsed = TourFileListSchema.safeParse(data);
  if (parsed.success) return success(parsed.data as TourFileList);
  return failure(schemaProblems(parsed.error.issues, file, 'file-list-invalid'));
}
