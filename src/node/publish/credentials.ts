/**
 * Secrets for a publish target: from the environment first (`TOUR_FTP_PASSWORD`,
 * `TOUR_SFTP_PASSWORD` or `TOUR_SFTP_KEY`, `TOUR_S3_ACCESS_KEY_ID` + `TOUR_S3_SECRET_ACCESS_KEY`),
 * else from a credentials file kept out of git and out of every published folder
 * (`.publish-credentials.json` at the repository root by default, or `TOUR_CREDENTIALS_FILE`),
 * keyed by target name:
 *
 *   { "hosting": { "password": "…" }, "storage": { "accessKeyId": "…", "secretAccessKey": "…" } }
 *
 * The site config names hosts and users only; the editor's Publish dialog writes this same file
 * when the author ticks "remember" (publish-endpoint.ts), readable by its owner only.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { failure, type Result, success } from '../../core/result.ts';
import type { PublishTarget } from '../../core/site-config.ts';
import { isInside } from '../fs.ts';
import { publishProblem } from './messages.ts';

export const CREDENTIALS_FILE = '.publish-credentials.json';

export interface Credentials {
  password?: string;
  privateKey?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

export interface CredentialsOptions {
  root: string;
  env: Readonly<Record<string, string | undefined>>;
  targetName: string;
  target: PublishTarget;
  /** Folders whose contents are published: the file must not be inside any. */
  publishedDirs: readonly string[];
  file?: string;
}

/** The environment variable(s) that hold a target's secret, as shown in messages. */
export function secretVariable(type: PublishTarget['type']): string {
  if (type === 'ftp') return 'TOUR_FTP_PASSWORD';
  if (type === 'sftp') return 'TOUR_SFTP_PASSWORD / TOUR_SFTP_KEY';
  return 'TOUR_S3_ACCESS_KEY_ID + TOUR_S3_SECRET_ACCESS_KEY';
}

export function credentialsFile(options: Pick<CredentialsOptions, 'root' | 'env' | 'file'>) {
  return path.resolve(
    options.root,
    options.file ?? options.env.TOUR_CREDENTIALS_FILE ?? CREDENTIALS_FILE,
  );
}

export async function loadCredentials(options: CredentialsOptions): Promise<Result<Credentials>> {
  const { env, target } = options;
  if (target.type === 'zip' || target.type === 'folder') return success({});
  const file = credentialsFile(options);
  const shown = path.relative(options.root, file) || file;
  const inside = options.publishedDirs.find((dir) => isInside(path.resolve(dir), file));
  if (inside)
    return failure(publishProblem('publish-credentials-in-site', { file: shown, dir: inside }));

  let stored: Credentials = {};
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text !== undefined) {
    try {
      const json = JSON.parse(text) as Record<string, Credentials & { privateKeyFile?: string }>;
      const entry = json[options.targetName] ?? {};
      stored = { ...entry };
      if (entry.privateKeyFile) {
        stored.privateKey = await readFile(
          path.resolve(path.dirname(file), entry.privateKeyFile),
          'utf8',
        );
      }
    } catch (error) {
      return failure(
        publishProblem('publish-bad-credentials-file', {
          file: shown,
          detail: (error as Error).message,
        }),
      );
    }
  }
  const credentials: Credentials = { ...stored };
  if (target.type === 'ftp' && env.TOUR_FTP_PASSWORD) credentials.password = env.TOUR_FTP_PASSWORD;
  if (target.type === 'sftp') {
    if (env.TOUR_SFTP_PASSWORD) credentials.password = env.TOUR_SFTP_PASSWORD;
    if (env.TOUR_SFTP_KEY) credentials.privateKey = await readFile(env.TOUR_SFTP_KEY, 'utf8');
  }
  if (target.type === 's3') {
    const id = env.TOUR_S3_ACCESS_KEY_ID ?? env.AWS_ACCESS_KEY_ID;
    const secret = env.TOUR_S3_SECRET_ACCESS_KEY ?? env.AWS_SECRET_ACCESS_KEY;
    if (id) credentials.accessKeyId = id;
    if (secret) credentials.secretAccessKey = secret;
  }
  const complete =
    target.type === 's3'
      ? credentials.accessKeyId && credentials.secretAccessKey
      : credentials.password || (target.type === 'sftp' && credentials.privateKey);
  if (!complete) {
    const host = target.type === 's3' ? (target.endpoint ?? 'S3') : target.host;
    return failure(
      publishProblem('publish-missing-credentials', {
        kind: target.type === 's3' ? 'key' : 'password',
        host,
        env: secretVariable(target.type),
        file: shown,
      }),
    );
  }
  return success(credentials);
}
