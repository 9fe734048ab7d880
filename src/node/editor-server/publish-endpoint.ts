/**
 * The editor's Publish, `/__editor/site/publish…`: `POST` starts a job running `publishSite`
 * (the code of `tour publish`), `GET <job>` tells its progress (the dialog polls it: the
 * calls carry the editor's secret in a header, which an EventSource cannot send), and
 * `GET <job>/site.zip` hands over a finished zip.
 *
 * A place typed in the dialog (FTP, SFTP, S3) is kept as a named target in site.config.json
 * (host, user, folder: no secret). A password or key typed in the dialog is given to this run
 * only, through the environment object it reads; with "remember" it is also written to the
 * credentials file of `credentials.ts` (outside every published folder, readable by its owner
 * only). No answer ever holds one: the status says how far it got and, on failure, the plain
 * message of the problem — for a refused login or an unreachable host, that nothing changed.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { problem } from '../../core/manifest/problems.ts';
import type { Problem } from '../../core/result.ts';
import { requirePublicUrl, SITE_CONFIG_FILE, type PublishTarget } from '../../core/site-config.ts';
import {
  type DialogTarget,
  PublishRequest,
  type PublishStarted,
  type PublishStatus,
} from '../../core/site-protocol.ts';
import { isInside } from '../fs.ts';
import { CREDENTIALS_FILE, type Credentials } from '../publish/credentials.ts';
import { publishSite } from '../publish/publish.ts';
import { readRequest, refuse, send } from './http.ts';
import { readSettings, type SiteContext } from './site-context.ts';

interface Job {
  status: PublishStatus;
  /** The zip of a zip job, in a temporary folder of its own. */
  zip?: string;
  tempDir?: string;
}

/** The jobs of one endpoint; one publish at a time (a build takes both cores). */
export class PublishJobs {
  readonly #jobs = new Map<string, Job>();
  running = false;

  add(job: Job): string {
    const id = randomBytes(12).toString('base64url');
    this.#jobs.set(id, job);
    // A few jobs are kept to be asked about; older ones (and their zips) are dropped.
    while (this.#jobs.size > 5) {
      const [oldest, old] = this.#jobs.entries().next().value!;
      if (old.status.state === 'running') break;
      this.#jobs.delete(oldest);
      if (old.tempDir) void rm(old.tempDir, { recursive: true, force: true });
    }
    return id;
  }

  get(id: string): Job | undefined {
    return this.#jobs.get(id);
  }
}

export async function publishRoute(
  context: SiteContext,
  jobs: PublishJobs,
  rest: string[],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (rest.length === 0 && req.method === 'POST') return startPublish(context, jobs, req, res);
  const job = rest[0] ? jobs.get(decodeURIComponent(rest[0])) : undefined;
  if (!job) return refuse(res, 404, 'not found');
  if (rest.length === 1 && req.method === 'GET') return send(res, 200, job.status);
  if (rest.length === 2 && rest[1] === 'site.zip' && req.method === 'GET' && job.zip) {
    const size = (await stat(job.zip)).size;
    res.writeHead(200, {
      'Content-Type': 'application/zip',
      'Content-Length': String(size),
      'Content-Disposition': 'attachment; filename="site.zip"',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    createReadStream(job.zip).pipe(res);
    return;
  }
  return refuse(res, 404, 'not found');
}

/** Secret-free target of the config file for what the dialog filled in. */
function configTarget(target: Exclude<DialogTarget, { type: 'named' | 'zip' | 'folder' }>) {
  const stored: PublishTarget = target.type === 's3' ? { ...target, forcePathStyle: true } : target;
  return stored;
}

async function startPublish(
  context: SiteContext,
  jobs: PublishJobs,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const input = await readRequest(req, res, PublishRequest, {
    limit: 64 * 1024,
    invalid: 'bad request',
  });
  if (!input) return;
  if (jobs.running) return refuse(res, 409, 'busy');
  const config = await readSettings(context, res);
  if (!config) return;
  if (!requirePublicUrl(config).ok) {
    const missing = problem('site-address-missing', {}, '');
    return refuse(res, 409, 'no public address', { message: missing.message });
  }

  const target = input.target;
  let targetName: string = target.type;
  let out: string | undefined;
  let tempDir: string | undefined;
  if (target.type === 'named') {
    if (!config.targets[target.name]) return refuse(res, 404, 'no such target');
    targetName = target.name;
  } else if (target.type === 'zip') {
    tempDir = await mkdtemp(path.join(tmpdir(), 'editor-site-zip-'));
    out = path.join(tempDir, 'site.zip');
  } else if (target.type === 'folder') {
    out = path.resolve(context.siteDir, target.path);
    // Never into the tours it is made from, nor over the repository.
    if (isInside(context.toursDir, out) || out === path.resolve(context.root)) {
      return refuse(res, 400, 'folder not allowed');
    }
  } else {
    await saveTarget(context, targetName, configTarget(target));
  }

  const chosen = target.type === 'named' ? config.targets[target.name]! : undefined;
  const type = chosen?.type ?? target.type;
  const env: Record<string, string | undefined> = { ...process.env };
  const secrets: Credentials = {};
  if (input.password && (type === 'ftp' || type === 'sftp')) {
    env[type === 'ftp' ? 'TOUR_FTP_PASSWORD' : 'TOUR_SFTP_PASSWORD'] = input.password;
    secrets.password = input.password;
  }
  if (input.accessKeyId && input.secretAccessKey && type === 's3') {
    env.TOUR_S3_ACCESS_KEY_ID = input.accessKeyId;
    env.TOUR_S3_SECRET_ACCESS_KEY = input.secretAccessKey;
    secrets.accessKeyId = input.accessKeyId;
    secrets.secretAccessKey = input.secretAccessKey;
  }
  const credentials = path.resolve(
    context.siteDir,
    process.env.TOUR_CREDENTIALS_FILE ?? CREDENTIALS_FILE,
  );
  if (input.remember && Object.keys(secrets).length > 0) {
    const refusal = await rememberSecrets(credentials, targetName, secrets, context);
    if (refusal) return refuse(res, 400, 'credentials not kept', { message: refusal });
  }

  const status: PublishStatus = {
    state: 'running',
    phase: 'start',
    filesDone: 0,
    filesTotal: 0,
    bytesDone: 0,
    bytesTotal: 0,
  };
  const job: Job = { status, ...(tempDir ? { tempDir, zip: out } : {}) };
  const id = jobs.add(job);
  jobs.running = true;
  const host = chosen ?? (target.type === 'named' ? undefined : target);
  void publishSite({
    root: context.root,
    env,
    target: targetName,
    ...(out ? { out } : {}),
    configFile: path.join(context.siteDir, SITE_CONFIG_FILE),
    toursDir: context.toursDir,
    credentialsFile: credentials,
    events: {
      phase: (phase) => void (status.phase = phase),
      progress: (p) =>
        Object.assign(status, {
          filesDone: p.filesDone,
          filesTotal: p.filesTotal,
          bytesDone: p.bytesDone,
          bytesTotal: p.bytesTotal,
        }),
    },
  })
    .then((result) => {
      if (result.ok) {
        Object.assign(status, {
          state: 'done',
          phase: 'finish',
          sent: result.value.sent.length,
          files: result.value.files,
          publicUrl: result.value.publicUrl,
          ...(job.zip ? { download: true } : {}),
        });
        return;
      }
      const first = result.problems[0]!;
      const before = status.phase !== 'upload' && status.phase !== 'finish';
      Object.assign(status, {
        state: 'failed',
        message: dialogMessage(first, host, Boolean(input.password || input.accessKeyId)),
        nothingChanged: before,
      });
    })
    .catch((error: unknown) => {
      console.error(`[tour editor] publish: ${(error as Error).stack ?? String(error)}`);
      Object.assign(status, {
        state: 'failed',
        message: { vi: 'Lỗi bên trong khi xuất bản.', en: 'Internal error while publishing.' },
      });
    })
    .finally(() => {
      jobs.running = false;
    });
  return send(res, 202, { job: id } satisfies PublishStarted);
}

/** A login or connection problem in the words of the dialog (no variable or file names). */
function dialogMessage(
  found: Problem,
  target: DialogTarget | PublishTarget | undefined,
  typed: boolean,
): Problem['message'] {
  const host =
    target && 'host' in target
      ? target.host
      : target && 'bucket' in target
        ? (target.endpoint ?? target.bucket)
        : '';
  const user = target && 'user' in target ? target.user : '';
  if (found.code === 'publish-auth-failed')
    return problem('editor-publish-auth-failed', { host, user }, '').message;
  if (found.code === 'publish-unreachable')
    return problem('editor-publish-unreachable', { host }, '').message;
  if (found.code === 'publish-tls-failed')
    return problem('editor-publish-tls-failed', { host }, '').message;
  if (found.code === 'publish-missing-credentials' && !typed) {
    const kind = target?.type === 's3' ? 'key' : 'password';
    return problem('editor-publish-missing-secret', { host, kind }, '').message;
  }
  return found.message;
}

/** Adds the place to site.config.json's targets under `name` (other fields kept). */
async function saveTarget(context: SiteContext, name: string, target: PublishTarget) {
  const file = path.join(context.siteDir, SITE_CONFIG_FILE);
  const text = await readFile(file, 'utf8').catch(() => '{"version":1}');
  const data = JSON.parse(text) as Record<string, unknown>;
  const targets = { ...(data.targets as Record<string, unknown> | undefined), [name]: target };
  const temporary = `${file}.editor-${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ ...data, targets }, null, 2)}\n`);
  await rename(temporary, file);
}

/** Writes the secrets into the credentials file, for its owner's eyes only. */
async function rememberSecrets(
  file: string,
  name: string,
  secrets: Credentials,
  context: SiteContext,
): Promise<Problem['message'] | undefined> {
  const published = [context.toursDir, path.join(context.root, 'public')];
  if (published.some((dir) => isInside(path.resolve(dir), file))) {
    return problem('publish-credentials-in-site', { file: CREDENTIALS_FILE, dir: 'tours' }, '')
      .message;
  }
  const text = await readFile(file, 'utf8').catch(() => '{}');
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    // Never overwrite a file the author wrote by hand: it may hold other secrets.
    const detail = (error as Error).message;
    return problem('publish-bad-credentials-file', { file: CREDENTIALS_FILE, detail }, '').message;
  }
  const previous = (data[name] ?? {}) as Record<string, unknown>;
  const next = { ...data, [name]: { ...previous, ...secrets } };
  const temporary = `${file}.editor-${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  await rename(temporary, file);
  return undefined;
}
