/**
 * FTP and FTPS (explicit AUTH TLS by default; implicit on port 990) through basic-ftp: the
 * hosting most provinces and communes are given. Each file goes up under a temporary name
 * and is renamed over the old one (RNFR/RNTO), so a visitor gets the old or the new file,
 * never half of one.
 */
import { Readable, Writable } from 'node:stream';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { Client } from 'basic-ftp';
import type { FtpTarget } from '../../../core/site-config.ts';
import type { Credentials } from '../credentials.ts';
import { STATE_FILE } from '../state.ts';
import {
  connectionProblem,
  type LoginInfo,
  type OpenResult,
  remoteJoin,
  temporaryName,
} from './target.ts';

export async function openFtp(
  target: FtpTarget,
  credentials: Credentials,
  login: LoginInfo,
): Promise<OpenResult> {
  const client = new Client(30_000);
  const port = target.port ?? (target.secure === 'implicit' ? 990 : 21);
  try {
    await client.access({
      host: target.host,
      port,
      user: target.user,
      password: credentials.password,
      secure: target.secure,
      secureOptions: target.allowSelfSigned ? { rejectUnauthorized: false } : undefined,
    });
  } catch (error) {
    client.close();
    return { ok: false, problem: connectionProblem(error, login) };
  }
  const home = await client.pwd().catch(() => '/');
  const root = path.posix.join(home, target.dir || '.');
  const made = new Set<string>();
  const ensureDir = async (dir: string) => {
    if (made.has(dir)) return;
    await client.ensureDir(dir);
    made.add(dir);
  };
  const upload = async (source: NodeJS.ReadableStream, remote: string) => {
    await ensureDir(path.posix.dirname(remote));
    const temporary = temporaryName(remote);
    try {
      await client.uploadFrom(source as never, temporary);
      await client.rename(temporary, remote);
    } catch (error) {
      await client.remove(temporary, true).catch(() => undefined);
      throw error;
    }
  };
  return {
    ok: true,
    session: {
      where: `ftp${target.secure ? 's' : ''}://${target.host}:${port}${root}`,
      async readState() {
        const chunks: Buffer[] = [];
        const sink = new Writable({
          write(chunk: Buffer, _encoding, done) {
            chunks.push(chunk);
            done();
          },
        });
        try {
          await client.downloadTo(sink, remoteJoin(root, STATE_FILE));
          return Buffer.concat(chunks).toString('utf8');
        } catch {
          return undefined;
        }
      },
      async put(file, onBytes) {
        let reported = 0;
        client.trackProgress((info) => {
          onBytes(info.bytes - reported);
          reported = info.bytes;
        });
        try {
          await upload(createReadStream(file.absolute), remoteJoin(root, file.path));
        } finally {
          client.trackProgress();
        }
      },
      async writeState(text) {
        await upload(Readable.from([Buffer.from(text)]), remoteJoin(root, STATE_FILE));
      },
      commit: async () => {},
      close: async () => client.close(),
    },
  };
}
