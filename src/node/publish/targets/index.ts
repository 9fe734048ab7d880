/** Opens the session of a configured target. */
import path from 'node:path';
import type { PublishTarget } from '../../../core/site-config.ts';
import type { Credentials } from '../credentials.ts';
import { openFolder } from './folder.ts';
import { openFtp } from './ftp.ts';
import { openS3 } from './s3.ts';
import { openSftp } from './sftp.ts';
import { openZip } from './zip.ts';
import type { LoginInfo, OpenResult } from './target.ts';

export type { OpenResult, TargetSession } from './target.ts';

export function hostOf(target: PublishTarget): string {
  if (target.type === 'ftp' || target.type === 'sftp')
    return target.port ? `${target.host}:${target.port}` : target.host;
  if (target.type === 's3')
    return target.endpoint ? new URL(target.endpoint).host : `${target.bucket} (AWS S3)`;
  return target.path;
}

export async function openTarget(
  target: PublishTarget,
  credentials: Credentials,
  login: LoginInfo,
  root: string,
): Promise<OpenResult> {
  switch (target.type) {
    case 'zip':
      return openZip(path.resolve(root, target.path));
    case 'folder':
      return openFolder(path.resolve(root, target.path));
    case 'ftp':
      return openFtp(target, credentials, login);
    case 'sftp':
      return openSftp(target, credentials, login);
    case 's3':
      return openS3(target, credentials, login);
  }
}
