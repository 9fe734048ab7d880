/**
 * SFTP through ssh2-sftp-client: a password or a private key. Files go up under a temporary
 * name and are renamed into place; OpenSSH refuses a plain rename over an existing file, so
 * the POSIX rename extension is tried next, and only then remove + rename.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import SftpClient from 'ssh2-sftp-client';
import type { SftpTarget } from '../../../core/site-config.ts';
import type { Credentials } from '../credentials.ts';
import { STATE_FILE } from '../state.ts';
import { counting } from './folder.ts';
import {
  connectionProblem,
  type LoginInfo,
  type OpenResult,
  remoteJoin,
  temporaryName,
} from './target.ts';

export async function openSftp(
  target: SftpTarget,
  credentials: Credentials,
  login: LoginInfo,
): Promise<OpenResult> {
  const client = new SftpClient('tour-publish');
  const port = target.port ?? 22;
  try {
    await client.connect({
      host: target.host,
      port,
      username: target.user,
      password: credentials.password,
      privateKey: credentials.privateKey,
      readyTimeout: 20_000,
      retries: 0,
    });
  } catch (error) {
    await client.end().catch(() => undefined);
    return { ok: false, problem: connectionProblem(error, login) };
  }
  const home = await client.cwd().catch(() => '/');
  const root = target.dir.startsWith('/') ? target.dir : path.posix.join(home, target.dir || '.');
  const made = new Set<string>();
  const ensureDir = async (dir: string) => {
    if (made.has(dir)) return;
    if (!(await client.exists(dir))) await client.mkdir(dir, true);
    made.add(dir);
  };
  const replace = async (from: string, to: string) => {
    try {
      await client.rename(from, to);
      return;
    } catch {
      // the target exists (OpenSSH): try the atomic extension, then remove + rename
    }
    try {
      await client.posixRename(from, to);
    } catch {
      await client.delete(to, true);
      await client.rename(from, to);
    }
  };
  const upload = async (source: Readable, remote: string) => {
    await ensureDir(path.posix.dirname(remote));
    const temporary = temporaryName(remote);
    try {
      await client.put(source, temporary);
      await replace(temporary, remote);
    } catch (error) {
      await client.delete(temporary, true).catch(() => undefined);
      throw error;
    }
  };
  return {
    ok: true,
    session: {
      where: `sftp://${target.host}:${port}${root}`,
      async readState() {
        try {
          const data = await client.get(remoteJoin(root, STATE_FILE));
          return Buffer.isBuffer(data) ? data.toString('utf8') : undefined;
        } catch {
          return undefined;
        }
      },
      put: (file, onBytes) =>
        upload(
          createReadStream(file.absolute).pipe(counting(onBytes)),
          remoteJoin(root, file.path),
        ),
      writeState: (text) =>
        upload(Readable.from([Buffer.from(text)]), remoteJoin(root, STATE_FILE)),
      commit: async () => {},
      close: async () => {
        await client.end().catch(() => undefined);
      },
    },
  };
}
