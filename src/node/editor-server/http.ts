/**
 * Reading requests and writing answers of the editor endpoint. Bodies are read against a size
 * limit and parsed with the protocol's schemas (`core/editor-protocol.ts`); a refusal is a
 * plain `{ error }` message, never zod's or Node's own text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { type ErrorResponse, parseRequest } from '../../core/editor-protocol.ts';
import { problem } from '../../core/manifest/problems.ts';
import { failure, type Result, success } from '../../core/result.ts';

/** An answer of the endpoint: JSON, never cached, never sniffed, and no CORS headers at all. */
export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return void res.end();
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

export const refuse = (
  res: ServerResponse,
  status: number,
  error: string,
  extra: { message?: ErrorResponse['message']; headers?: Record<string, string> } = {},
): void =>
  send(
    res,
    status,
    { error, ...(extra.message ? { message: extra.message } : {}) } satisfies ErrorResponse,
    extra.headers,
  );

/** The whole body, or a `request-too-large` problem as soon as it passes `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Result<Buffer>> {
  const tooLarge = () => failure<Buffer>(problem('request-too-large', {}, req.url ?? ''));
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) return tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  // A request without setEncoding yields Buffers (typed `any` by Node's stream types).
  for await (const chunk of req) {
    const buffer: Buffer = chunk;
    size += buffer.length;
    if (size > limit) return tooLarge();
    chunks.push(buffer);
  }
  return success(Buffer.concat(chunks));
}

/**
 * A JSON body parsed with its schema, or undefined once the refusal is sent: 413 when too
 * large, 400 "bad json" when not JSON, 400 `invalid` when not of the expected shape.
 */
export async function readRequest<T>(
  req: IncomingMessage,
  res: ServerResponse,
  schema: z.ZodType<T>,
  options: { limit: number; invalid: string },
): Promise<T | undefined> {
  const body = await readBody(req, options.limit);
  if (!body.ok) return void refuse(res, 413, 'too large');
  const parsed = parseRequest(schema, body.value.toString('utf8'), req.url ?? '');
  if (parsed.ok) return parsed.value;
  const notJson = parsed.problems.some((problem) => problem.code === 'request-not-json');
  return void refuse(res, 400, notJson ? 'bad json' : options.invalid);
}
