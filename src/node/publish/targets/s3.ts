/**
 * S3-compatible object storage (AWS, and the Vietnamese clouds that speak its protocol):
 * each object gets its Content-Type and Cache-Control. A PUT replaces an object whole, so no
 * temporary names are needed; the entry points still go last. The bucket and the keys are
 * checked (HeadBucket) before anything is written.
 */
import { createReadStream } from 'node:fs';
import {
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { S3Target } from '../../../core/site-config.ts';
import type { Credentials } from '../credentials.ts';
import { publishProblem } from '../messages.ts';
import { STATE_FILE } from '../state.ts';
import { counting } from './folder.ts';
import { connectionProblem, type LoginInfo, type OpenResult, remoteJoin } from './target.ts';

export async function openS3(
  target: S3Target,
  credentials: Credentials,
  login: LoginInfo,
): Promise<OpenResult> {
  const client = new S3Client({
    endpoint: target.endpoint,
    region: target.region,
    forcePathStyle: target.forcePathStyle,
    credentials: {
      accessKeyId: credentials.accessKeyId ?? '',
      secretAccessKey: credentials.secretAccessKey ?? '',
    },
    maxAttempts: 2,
    // The SDK's default checksums send bodies as aws-chunked with trailers, which many
    // S3-compatible services (and older MinIO/Ceph) store verbatim or refuse.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const prefix = target.prefix.replace(/^\/+/, '');
  try {
    await client.send(new HeadBucketCommand({ Bucket: target.bucket }));
  } catch (error) {
    client.destroy();
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (
      status === 404 ||
      (error as Error).name === 'NotFound' ||
      (error as Error).name === 'NoSuchBucket'
    ) {
      return {
        ok: false,
        problem: publishProblem('publish-bucket-missing', {
          bucket: target.bucket,
          host: login.host,
          file: login.file,
        }),
      };
    }
    return { ok: false, problem: connectionProblem(error, login) };
  }
  return {
    ok: true,
    session: {
      where: `s3://${target.bucket}/${prefix}${target.endpoint ? ` (${target.endpoint})` : ''}`,
      async readState() {
        try {
          const object = await client.send(
            new GetObjectCommand({ Bucket: target.bucket, Key: remoteJoin(prefix, STATE_FILE) }),
          );
          return await object.Body?.transformToString('utf8');
        } catch {
          return undefined;
        }
      },
      async put(file, onBytes) {
        await client.send(
          new PutObjectCommand({
            Bucket: target.bucket,
            Key: remoteJoin(prefix, file.path),
            Body: createReadStream(file.absolute).pipe(counting(onBytes)),
            ContentLength: file.size,
            ContentType: file.contentType,
            CacheControl: file.cacheControl,
          }),
        );
      },
      async writeState(text) {
        await client.send(
          new PutObjectCommand({
            Bucket: target.bucket,
            Key: remoteJoin(prefix, STATE_FILE),
            Body: text,
            ContentType: 'application/json; charset=utf-8',
            CacheControl: 'no-cache',
          }),
        );
      },
      commit: async () => {},
      close: async () => client.destroy(),
    },
  };
}
