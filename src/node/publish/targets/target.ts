/**
 * What every publish target implements. `open` connects and checks the login before anything
 * is written, so a wrong password or an unreachable host changes nothing; `put` replaces one
 * file as atomically as the protocol allows (a temporary name, then a rename).
 */
import type { Problem } from '../../../core/result.ts';
import type { PlannedFile } from '../file-plan.ts';
import { publishProblem } from '../messages.ts';

export interface TargetSession {
  /** Where the site goes, for messages: `ftp://host:21/site`. */
  readonly where: string;
  /** The text of the target's `.publish-state.json`, if it has one. */
  readState(): Promise<string | undefined>;
  put(file: PlannedFile, onBytes: (bytes: number) => void): Promise<void>;
  writeState(text: string): Promise<void>;
  /** Makes the publish final (a zip is renamed into place). */
  commit(): Promise<void>;
  /** Ends the connection; after a failure, drops whatever was not committed. */
  close(): Promise<void>;
}

export type OpenResult = { ok: true; session: TargetSession } | { ok: false; problem: Problem };

/** What the login failure messages name. */
export interface LoginInfo {
  host: string;
  user: string;
  env: string;
  file: string;
}

const UNREACHABLE =
  /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EAI_AGAIN|ECONNRESET|timed? ?out|getaddrinfo|socket hang up|closed/i;
const AUTH =
  /\b530\b|authentication|auth fail|login|password|InvalidAccessKeyId|SignatureDoesNotMatch|AccessDenied|Forbidden|\b403\b/i;
const TLS = /certificate|self[- ]signed|\bSSL\b|\bTLS\b|EPROTO/i;

/** Turns a connection error into the message that names the host and the fix. */
export function connectionProblem(error: unknown, login: LoginInfo): Problem {
  const err = error as {
    code?: unknown;
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const text = `${String(err.code ?? '')} ${err.name ?? ''} ${err.message ?? String(error)}`;
  const detail = (err.message ?? String(error)).split('\n')[0]!.slice(0, 200);
  if (err.code === 530 || err.$metadata?.httpStatusCode === 403 || AUTH.test(text)) {
    return publishProblem('publish-auth-failed', { ...login });
  }
  if (TLS.test(text)) return publishProblem('publish-tls-failed', { host: login.host, detail });
  if (UNREACHABLE.test(text))
    return publishProblem('publish-unreachable', { host: login.host, detail });
  return publishProblem('publish-unreachable', { host: login.host, detail });
}

/** A temporary name beside the final one: `dir/.name.upload-1a2b3c`. */
export function temporaryName(remotePath: string): string {
  const slash = remotePath.lastIndexOf('/');
  const random = Math.random().toString(36).slice(2, 8);
  return `${remotePath.slice(0, slash + 1)}.${remotePath.slice(slash + 1)}.upload-${random}`;
}

/** Joins a remote folder and a site path with `/`. */
export const remoteJoin = (dir: string, file: string): string =>
  dir === '' ? file : `${dir.replace(/\/+$/, '')}/${file}`;
