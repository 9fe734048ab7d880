/**
 * The site's settings: one committed file (`site.config.json` at the repository root) that
 * the CLI and the editor both read. It says where the site lives (`publicUrl`, the base of
 * every QR code and share link), its name, which tours it publishes and where it is
 * published to. It never holds a secret: passwords and keys come from the environment or a
 * git-ignored credentials file (see `src/node/publish/credentials.ts`).
 */
import { z } from 'zod';
import { ID_PATTERN } from './manifest/ids.ts';
import { failure, type Problem, problem, type Result, success } from './result.ts';

export const SITE_CONFIG_FILE = 'site.config.json';
export const SITE_CONFIG_VERSION = 1;

const Name = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/);
/** A folder on the server, `/` separated; empty means the login's home folder. */
const RemoteDir = z
  .string()
  .refine((dir) => !dir.split('/').includes('..') && !dir.includes('\\'), 'no ".." or "\\"')
  .default('');

export const ZipTarget = z.strictObject({
  type: z.literal('zip'),
  /** Where to write the zip, relative to the repository (default `site.zip`). */
  path: z.string().min(1).default('site.zip'),
});

export const FolderTarget = z.strictObject({
  type: z.literal('folder'),
  path: z.string().min(1),
});

export const FtpTarget = z.strictObject({
  type: z.literal('ftp'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).optional(),
  user: z.string().min(1),
  dir: RemoteDir,
  /** `true`: explicit FTPS (AUTH TLS, recommended); `"implicit"`: port 990; `false`: plain FTP. */
  secure: z.union([z.boolean(), z.literal('implicit')]).default(true),
  /** Accept a self-signed certificate (some shared hosts have one). */
  allowSelfSigned: z.boolean().default(false),
});

export const SftpTarget = z.strictObject({
  type: z.literal('sftp'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).optional(),
  user: z.string().min(1),
  dir: RemoteDir,
});

export const S3Target = z.strictObject({
  type: z.literal('s3'),
  /** e.g. `https://s3.example.vn`; omit for AWS itself. */
  endpoint: z.url().optional(),
  region: z.string().min(1).default('us-east-1'),
  bucket: z.string().min(1),
  /** Folder inside the bucket, e.g. `tours-site/` (empty: the bucket's root). */
  prefix: RemoteDir,
  /** Path-style addresses (`endpoint/bucket/key`): most S3-compatible services need it. */
  forcePathStyle: z.boolean().default(true),
});

export const PublishTarget = z.discriminatedUnion('type', [
  ZipTarget,
  FolderTarget,
  FtpTarget,
  SftpTarget,
  S3Target,
]);

export const SiteConfig = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(SITE_CONFIG_VERSION),
  /** The site's name, per language. */
  name: z.record(z.string(), z.string()).default({}),
  /** Public address of the published site (https), e.g. `https://ditich.example.vn/`. Empty: not set yet. */
  publicUrl: z.string().default(''),
  /** Tour ids to publish; absent: every tour in `tours/`. */
  tours: z.array(z.string().regex(ID_PATTERN)).optional(),
  /** Other sites allowed to show the tours in a frame (CSP `frame-ancestors`), e.g. a province portal. */
  frameAncestors: z.array(z.url()).default([]),
  /** Named places to publish to; `tour publish --target <name>`. */
  targets: z.record(Name, PublishTarget).default({}),
});

export type SiteConfig = z.infer<typeof SiteConfig>;
export type PublishTarget = z.infer<typeof PublishTarget>;
export type TargetType = PublishTarget['type'];
export type FtpTarget = z.infer<typeof FtpTarget>;
export type SftpTarget = z.infer<typeof SftpTarget>;
export type S3Target = z.infer<typeof S3Target>;
export const TARGET_TYPES: readonly TargetType[] = ['zip', 'folder', 'ftp', 'sftp', 's3'];

/** The settings of a repository that has no config file yet. */
export const defaultSiteConfig = (): SiteConfig => SiteConfig.parse({ version: 1 });

/** Parses the file's text: every mistake at once, each with its JSON path. */
export function parseSiteConfig(text: string, file = SITE_CONFIG_FILE): Result<SiteConfig> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return failure(problem('site-config-json', { file, detail: (error as Error).message }, file));
  }
  const parsed = SiteConfig.safeParse(json);
  if (parsed.success) {
    const urlProblem =
      parsed.data.publicUrl === '' ? undefined : checkPublicUrl(parsed.data.publicUrl, file);
    return urlProblem ? failure(urlProblem) : success(parsed.data);
  }
  return failure(
    parsed.error.issues.map((issue) =>
      problem(
        'site-config-schema',
        { file, at: issue.path.join('.') || '$', detail: issue.message },
        file,
        issue.path as Problem['path'],
      ),
    ),
  );
}

/**
 * An https address that is not this machine's (127.0.0.1, localhost…), without query or
 * fragment: what QR codes and share links may be based on. The CLI and the editor's settings
 * page both check with this.
 */
export function isPublicAddress(value: string): boolean {
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    return false;
  }
  const loopback = /^(localhost|127\.|\[::1\]|0\.0\.0\.0)/.test(url.hostname);
  return url.protocol === 'https:' && !loopback && !url.search && !url.hash;
}

function checkPublicUrl(value: string, file: string): Problem | undefined {
  if (isPublicAddress(value)) return undefined;
  return problem('site-config-public-url', { file, value: JSON.stringify(value) }, file, [
    'publicUrl',
  ]);
}

/**
 * The public address, ending in `/`, or the problem that tells the author what to fill in:
 * publishing, posters and share links all need it.
 */
export function requirePublicUrl(config: SiteConfig, file = SITE_CONFIG_FILE): Result<string> {
  if (config.publicUrl === '') {
    return failure(problem('site-config-no-public-url', { file }, file, ['publicUrl']));
  }
  const invalid = checkPublicUrl(config.publicUrl, file);
  if (invalid) return failure(invalid);
  return success(config.publicUrl.endsWith('/') ? config.publicUrl : `${config.publicUrl}/`);
}
