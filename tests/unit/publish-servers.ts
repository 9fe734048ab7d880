/**
 * Real servers on 127.0.0.1 for the publish tests, started in process: FTP (ftp-srv), SFTP
 * (an ssh2 server implementing the SFTP subsystem on a folder, refusing a rename over an
 * existing file as OpenSSH does) and S3 (s3rver). Each serves a temporary folder; `treeOf`
 * reads a folder back as path → SHA-256.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { FtpSrv } from 'ftp-srv';
import S3rver from 's3rver';
import ssh2 from 'ssh2';

export const USER = 'volunteer';
export const PASSWORD = 'right-password';
/** s3rver's built-in account. */
export const S3_KEY = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface Running {
  port: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every file below `dir` (dot-files too) as `a/b.js` → sha256. */
export async function treeOf(dir: string, skip: (file: string) => boolean = () => false) {
  const tree: Record<string, string> = {};
  const walk = async (folder: string, prefix: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true }).catch(() => [])) {
      const relative = prefix + entry.name;
      if (entry.isDirectory()) await walk(path.join(folder, entry.name), `${relative}/`);
      else if (!skip(relative)) {
        tree[relative] = createHash('sha256')
          .update(await readFile(path.join(folder, entry.name)))
          .digest('hex');
      }
    }
  };
  await walk(dir, '');
  return tree;
}

export async function startFtp(root: string): Promise<Running> {
  await mkdir(root, { recursive: true });
  const port = await freePort();
  const server = new FtpSrv({
    url: `ftp://127.0.0.1:${port}`,
    pasv_url: '127.0.0.1',
    pasv_min: 40000,
    pasv_max: 49999,
    anonymous: false,
    greeting: 'test ftp',
    log: silentLog() as never,
  });
  server.on('login', ({ username, password }, resolve, reject) => {
    if (username === USER && password === PASSWORD) resolve({ root });
    else reject(new Error('530 Login incorrect'));
  });
  await server.listen();
  return { port, stop: () => server.close() };
}

function silentLog() {
  const log = {
    trace: () => {},
    debug: () => {},
    info: () => {},
    warn: () => {},
    error: () => {},
    fatal: () => {},
    child: () => log,
  };
  return log;
}

export async function startS3(directory: string, bucket: string): Promise<Running> {
  await mkdir(directory, { recursive: true });
  const port = await freePort();
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  await server.run();
  return { port, stop: () => server.close() };
}

const { STATUS_CODE } = ssh2.utils.sftp;

/** An SSH server whose only service is SFTP on `root` (`/` is `root`). */
export async function startSftp(root: string): Promise<Running> {
  await mkdir(root, { recursive: true });
  const hostKey = ssh2.utils.generateKeyPairSync('ed25519').private;
  const local = (remote: string) => {
    const resolved = path.join(root, path.posix.normalize(`/${remote}`));
    if (resolved !== root && !resolved.startsWith(root + path.sep)) throw new Error('outside');
    return resolved;
  };
  const server = new ssh2.Server({ hostKeys: [hostKey] }, (client) => {
    client.on('authentication', (ctx) => {
      if (ctx.method === 'password' && ctx.username === USER && ctx.password === PASSWORD) {
        ctx.accept();
      } else ctx.reject(['password']);
    });
    client.on('error', () => {});
    client.on('ready', () => {
      client.on('session', (acceptSession) => {
        acceptSession().on('sftp', (acceptSftp) => serveSftp(acceptSftp(), local));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
      }),
  };
}

function attrsOf(stat: fs.Stats) {
  return {
    mode: stat.mode,
    uid: stat.uid,
    gid: stat.gid,
    size: stat.size,
    atime: Math.floor(stat.atimeMs / 1000),
    mtime: Math.floor(stat.mtimeMs / 1000),
  };
}

function serveSftp(sftp: ssh2.SFTPWrapper, local: (remote: string) => string): void {
  const handles = new Map<number, { fd?: number; entries?: string[]; dir?: string }>();
  let next = 0;
  const newHandle = (value: { fd?: number; entries?: string[]; dir?: string }) => {
    const id = next++;
    handles.set(id, value);
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32BE(id);
    return buffer;
  };
  const handleOf = (buffer: Buffer) => handles.get(buffer.readUInt32BE(0));
  const guard = (reqid: number, action: () => void) => {
    try {
      action();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      sftp.status(reqid, code === 'ENOENT' ? STATUS_CODE.NO_SUCH_FILE : STATUS_CODE.FAILURE);
    }
  };
  const ok = (reqid: number) => sftp.status(reqid, STATUS_CODE.OK);
  sftp
    .on('REALPATH', (reqid, remote) => {
      const normalized = path.posix.normalize(`/${remote === '.' ? '' : remote}`);
      sftp.name(reqid, [{ filename: normalized, longname: normalized, attrs: {} as never }]);
    })
    .on('STAT', (reqid, remote) =>
      guard(reqid, () => sftp.attrs(reqid, attrsOf(fs.statSync(local(remote))))),
    )
    .on('LSTAT', (reqid, remote) =>
      guard(reqid, () => sftp.attrs(reqid, attrsOf(fs.lstatSync(local(remote))))),
    )
    .on('FSTAT', (reqid, handle) =>
      guard(reqid, () => sftp.attrs(reqid, attrsOf(fs.fstatSync(handleOf(handle)!.fd!)))),
    )
    .on('SETSTAT', (reqid) => ok(reqid))
    .on('FSETSTAT', (reqid) => ok(reqid))
    .on('OPEN', (reqid, remote, flags) =>
      guard(reqid, () => {
        const mode = ssh2.utils.sftp.flagsToString(flags) ?? 'r';
        sftp.handle(reqid, newHandle({ fd: fs.openSync(local(remote), mode) }));
      }),
    )
    .on('WRITE', (reqid, handle, offset, data) =>
      guard(reqid, () => {
        fs.writeSync(handleOf(handle)!.fd!, data, 0, data.length, offset);
        ok(reqid);
      }),
    )
    .on('READ', (reqid, handle, offset, length) =>
      guard(reqid, () => {
        const buffer = Buffer.alloc(length);
        const read = fs.readSync(handleOf(handle)!.fd!, buffer, 0, length, offset);
        if (read === 0) sftp.status(reqid, STATUS_CODE.EOF);
        else sftp.data(reqid, buffer.subarray(0, read));
      }),
    )
    .on('CLOSE', (reqid, handle) =>
      guard(reqid, () => {
        const entry = handleOf(handle);
        if (entry?.fd !== undefined) fs.closeSync(entry.fd);
        handles.delete(handle.readUInt32BE(0));
        ok(reqid);
      }),
    )
    .on('OPENDIR', (reqid, remote) =>
      guard(reqid, () => {
        const dir = local(remote);
        sftp.handle(reqid, newHandle({ entries: fs.readdirSync(dir), dir }));
      }),
    )
    .on('READDIR', (reqid, handle) =>
      guard(reqid, () => {
        const entry = handleOf(handle)!;
        if (!entry.entries || entry.entries.length === 0) {
          sftp.status(reqid, STATUS_CODE.EOF);
          return;
        }
        const names = entry.entries.splice(0).map((name) => ({
          filename: name,
          longname: name,
          attrs: attrsOf(fs.statSync(path.join(entry.dir!, name))),
        }));
        sftp.name(reqid, names);
      }),
    )
    .on('MKDIR', (reqid, remote) =>
      guard(reqid, () => {
        fs.mkdirSync(local(remote));
        ok(reqid);
      }),
    )
    .on('RMDIR', (reqid, remote) =>
      guard(reqid, () => {
        fs.rmdirSync(local(remote));
        ok(reqid);
      }),
    )
    .on('REMOVE', (reqid, remote) =>
      guard(reqid, () => {
        fs.unlinkSync(local(remote));
        ok(reqid);
      }),
    )
    .on('RENAME', (reqid, from, to) =>
      guard(reqid, () => {
        // As OpenSSH: a plain SFTP rename never replaces an existing file.
        if (fs.existsSync(local(to))) throw new Error('exists');
        fs.renameSync(local(from), local(to));
        ok(reqid);
      }),
    );
}
