/**
 * Who may call the editor's endpoint: only the editor's own page. Being on this machine is not
 * enough — any page at `http://localhost:<any port>` is on this machine too (issue 21, finding
 * 2) — so a call must name the editor's exact origin and carry the secret made at server start,
 * which only a same-origin page can fetch (`SESSION_URL`). Pure apart from the random secret.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_HEADER } from '../../core/editor-protocol.ts';

/** 256 random bits, URL-safe: the editor's secret for one server start. */
export const makeToken = (): string => randomBytes(32).toString('base64url');

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const isLoopbackAddress = (address: string | undefined): boolean =>
  address !== undefined && LOOPBACK.has(address);

/** What a request says about itself and where it arrived (the socket's own address). */
export interface CallerFacts {
  remoteAddress: string | undefined;
  /** The address and port of this server that the connection arrived at. */
  localAddress: string | undefined;
  localPort: number | undefined;
  encrypted: boolean;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  token: string | undefined;
}

export function callerFacts(req: IncomingMessage): CallerFacts {
  const header = (name: string): string | undefined => {
    const value = req.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(',') : value;
  };
  return {
    remoteAddress: req.socket.remoteAddress,
    localAddress: req.socket.localAddress,
    localPort: req.socket.localPort,
    encrypted: 'encrypted' in req.socket && req.socket.encrypted === true,
    host: header('host'),
    origin: header('origin'),
    secFetchSite: header('sec-fetch-site'),
    token: header(TOKEN_HEADER),
  };
}

/**
 * `127.0.0.1:5173` (or `[::1]:5173`): the one host the editor answers to, the address and port
 * its connection arrived at. `localhost` is refused on purpose: it is another origin, where any
 * other local page could be.
 */
export function editorHost(facts: Pick<CallerFacts, 'localAddress' | 'localPort'>) {
  const { localAddress, localPort } = facts;
  if (!isLoopbackAddress(localAddress) || localPort === undefined) return undefined;
  return localAddress === '::1' ? `[::1]:${localPort}` : `127.0.0.1:${localPort}`;
}

/** `http://127.0.0.1:5173`: the editor's exact scheme, host and port. */
export function editorOrigin(facts: CallerFacts): string | undefined {
  const host = editorHost(facts);
  return host && `${facts.encrypted ? 'https' : 'http'}://${host}`;
}

/**
 * True when the request comes from this machine, names the editor's own host, and has no
 * Origin or exactly the editor's. (Browsers send Origin on every cross-origin request and on
 * every write; a same-origin GET may have none.)
 */
export function isEditorOrigin(facts: CallerFacts): boolean {
  const host = editorHost(facts);
  if (!host || !isLoopbackAddress(facts.remoteAddress)) return false;
  if (facts.host?.toLowerCase() !== host) return false;
  return facts.origin === undefined || facts.origin === editorOrigin(facts);
}

/** The session bootstrap: only a same-origin fetch (the browser sets Sec-Fetch-Site itself). */
export const mayReceiveToken = (facts: CallerFacts): boolean =>
  isEditorOrigin(facts) && facts.secFetchSite === 'same-origin';

/** Every other call: the editor's origin and the secret, compared in constant time. */
export function isEditorCall(facts: CallerFacts, token: string): boolean {
  if (!isEditorOrigin(facts) || facts.token === undefined) return false;
  const given = Buffer.from(facts.token);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
