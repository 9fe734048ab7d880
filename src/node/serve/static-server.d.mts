/** Types of `static-server.mjs` (plain JavaScript so that `node scripts/serve.mjs` needs no compiler). */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** Return true when the request was answered (the file is then not served). */
export type Override = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface StaticServerOptions {
  root: string;
  /** 0 (the default): any free port. Otherwise a busy port makes it try the next ones. */
  port?: number;
  host?: string;
  override?: Override;
  portAttempts?: number;
}

export interface StaticServer {
  server: Server;
  host: string;
  port: number;
  /** `http://host:port/`, with the final slash. */
  url: string;
  close(): Promise<void>;
}

export const CONTENT_TYPES: Readonly<Record<string, string>>;
export function contentTypeOf(file: string): string;
export function safeSegments(rawUrl: string): string[] | undefined;
export function resolveInside(root: string, relative: string): Promise<string | undefined>;
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined;
export function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  options?: { cacheControl?: string },
): Promise<void>;
export function sendText(res: ServerResponse, status: number, text: string): void;
export function createRequestHandler(options: {
  root: string;
  override?: Override;
}): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
export function createStaticServer(options: StaticServerOptions): Promise<StaticServer>;
