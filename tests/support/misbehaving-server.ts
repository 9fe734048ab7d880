/**
 * A copy of the built site on a server that misbehaves on purpose, the way real links do:
 * it can accept every connection and never answer (a modem with no signal behind it), fail
 * chosen files a number of times and then heal, send tour files slowly, and it counts the
 * bytes it sends so a test can say what an update cost.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { createStaticServer, type StaticServer } from '../../src/node/serve/static-server.ts';

export interface MisbehavingServer {
  url: string;
  /** While true, every request is read and held, never answered. */
  stall: boolean;
  /** Paths (ending) answered 500 this many more times, then served. */
  failures: Map<string, number>;
  /**
   * Paths (containing `match`) delayed `ms` before being served, and not before `gate` (if
   * any) resolves: a test can keep a slow download going until it has done its part.
   */
  slow: { match: string; ms: number; gate?: Promise<void> } | null;
  /** Request paths served or refused so far, in order. */
  readonly requests: string[];
  /** Bytes written to every connection since the last `resetBytes()`. */
  bytesSent(): number;
  resetBytes(): void;
  close(): Promise<void>;
}

export async function createMisbehavingServer(root: string): Promise<MisbehavingServer> {
  const held: ServerResponse[] = [];
  const sockets = new Set<Socket>();
  let closedBytes = 0;
  let baseline = 0;
  const state: Pick<MisbehavingServer, 'stall' | 'failures' | 'slow'> = {
    stall: false,
    failures: new Map(),
    slow: null,
  };
  const requests: string[] = [];
  // Requests whose delay is over: handed back to the normal handler as they are.
  const released = new WeakSet<IncomingMessage>();
  const server: StaticServer = await createStaticServer({
    root,
    override: (req, res) => {
      if (released.has(req)) return false;
      const path = (req.url ?? '/').split('?')[0]!;
      if (state.stall) {
        // Accepted, read, and never answered.
        held.push(res);
        return true;
      }
      requests.push(path);
      for (const [ending, left] of state.failures) {
        if (left > 0 && path.endsWith(ending)) {
          state.failures.set(ending, left - 1);
          res.statusCode = 500;
          res.end('broken on purpose');
          return true;
        }
      }
      const slow = state.slow;
      if (slow && path.includes(slow.match)) {
        const wait = new Promise((resolve) => setTimeout(resolve, slow.ms));
        void Promise.all([wait, slow.gate]).then(() => {
          released.add(req);
          server.server.emit('request', req, res);
        });
        return true;
      }
      return false;
    },
  });
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => {
      closedBytes += socket.bytesWritten;
      sockets.delete(socket);
    });
  });
  const total = () => closedBytes + [...sockets].reduce((sum, s) => sum + s.bytesWritten, 0);
  return Object.assign(state, {
    url: server.url,
    requests,
    bytesSent: () => total() - baseline,
    resetBytes: () => {
      baseline = total();
    },
    close: async () => {
      for (const res of held) res.destroy();
      await server.close();
    },
  });
}
