/**
 * "Xem trên điện thoại": the built site, read-only, on this machine's address in the local
 * network, for the author's phone on the same Wi-Fi. Opt-in, and stopped with a button (or
 * when the editor stops). It is a second, separate server (the static server of `npm start`,
 * sirv) that serves ONLY a fresh build in a temporary folder — never the tours folder, never
 * the editor — and only under a random path: `http://192.168.1.20:41234/<token>/`. A request
 * without the token, or for anything outside the build, is a 404. The editor's own endpoint
 * stays on 127.0.0.1 and refuses every other address (caller.ts).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';
import { qrSvg } from '../../core/qr/qr-code.ts';
import { defaultSiteConfig } from '../../core/site-config.ts';
import type { PhonePreviewResponse } from '../../core/site-protocol.ts';
import { buildSite } from '../publish/build-site.ts';
import { writeHostFiles } from '../publish/host-files.ts';
import { loadSiteConfig } from '../publish/site-config.ts';
import { createStaticServer, sendText, type StaticServer } from '../serve/static-server.ts';
import { refuse, send } from './http.ts';
import { readSettings, type SiteContext } from './site-context.ts';

/** The machine's IPv4 address in a local network (a private range first), if it has one. */
export function lanAddress(
  interfaces: ReturnType<typeof networkInterfaces> = networkInterfaces(),
): string | undefined {
  const candidates = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);
  const isPrivate = (a: string) => /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/.test(a);
  return candidates.find(isPrivate) ?? candidates[0];
}

export const makePreviewToken = (): string => randomBytes(16).toString('base64url');

/**
 * A static server for `siteDir` at `/<token>/` only. Everything else — `/`, `/__editor/…`,
 * a wrong token — is a plain 404, the same answer as for a missing file.
 */
export async function startPreviewServer(options: {
  siteDir: string;
  host: string;
  token: string;
  port?: number;
}): Promise<StaticServer> {
  const prefix = `/${options.token}/`;
  return createStaticServer({
    root: options.siteDir,
    host: options.host,
    port: options.port ?? 0,
    override: (req: IncomingMessage, res: ServerResponse) => {
      const url = req.url ?? '/';
      if (url === prefix.slice(0, -1)) {
        res.writeHead(301, { Location: prefix, 'Cache-Control': 'no-store' });
        res.end();
        return true;
      }
      if (!url.startsWith(prefix)) {
        sendText(res, 404, 'Not found');
        return true;
      }
      req.url = url.slice(prefix.length - 1);
      // Not in a build anyway; said here so that no change elsewhere can make it so.
      if (req.url.startsWith('/__editor')) {
        sendText(res, 404, 'Not found');
        return true;
      }
      return false;
    },
  });
}

interface Running {
  server: StaticServer;
  url: string;
  qrSvg: string;
  dispose(): Promise<void>;
}

/** The preview of one editor: none, starting or running. */
export class PhonePreviews {
  #running: Running | undefined;
  #starting: Promise<Running | string> | undefined;

  get running(): Running | undefined {
    return this.#running;
  }

  /** The running preview, or the refusal's reason. */
  start(context: SiteContext, tours: readonly string[] | undefined): Promise<Running | string> {
    if (this.#running) return Promise.resolve(this.#running);
    this.#starting ??= this.#start(context, tours).finally(() => (this.#starting = undefined));
    return this.#starting;
  }

  async #start(context: SiteContext, tours: readonly string[] | undefined) {
    const host = lanAddress();
    if (!host) return 'no network';
    const built = await buildSite({ root: context.root, toursDir: context.toursDir, tours });
    if (!built.ok) return 'build failed';
    const token = makePreviewToken();
    try {
      const server = await startPreviewServer({ siteDir: built.value.dir, host, token });
      const url = `http://${host}:${server.port}/${token}/`;
      const loaded = await readSettingsQuietly(context);
      await writeHostFiles(built.value.dir, loaded, url);
      this.#running = {
        server,
        url,
        qrSvg: await qrSvg(url),
        dispose: async () => {
          await server.close();
          await built.value.dispose();
        },
      };
      return this.#running;
    } catch (error) {
      await built.value.dispose();
      throw error;
    }
  }

  async stop(): Promise<void> {
    const running = this.#running;
    this.#running = undefined;
    await running?.dispose();
  }
}

/** The settings for the preview's site.json (the route has checked the file already). */
async function readSettingsQuietly(context: SiteContext) {
  const loaded = await loadSiteConfig(context.siteDir);
  return loaded.ok ? loaded.value.config : defaultSiteConfig();
}

/** `GET`: is it running; `POST`: start it (a build first); `DELETE`: stop it. */
export async function phoneRoute(
  context: SiteContext,
  phone: PhonePreviews,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const answer = (running = phone.running): PhonePreviewResponse =>
    running ? { running: true, url: running.url, qrSvg: running.qrSvg } : { running: false };
  if (req.method === 'GET') return send(res, 200, answer());
  if (req.method === 'DELETE') {
    await phone.stop();
    return send(res, 200, answer());
  }
  if (req.method !== 'POST') return refuse(res, 405, 'method not allowed');
  const config = await readSettings(context, res);
  if (!config) return;
  const started = await phone.start(context, config.tours);
  if (typeof started === 'string') return refuse(res, 503, started);
  return send(res, 200, answer(started));
}
