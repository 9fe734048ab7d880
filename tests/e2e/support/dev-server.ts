/**
 * Vite's dev server with the project's tour and editor plugins pointed at a given tours folder
 * (a temporary copy: editor tests never write into the real `tours/`).
 */
import { fileURLToPath } from 'node:url';
import { createServer, type ViteDevServer } from 'vite';
import { toursPlugin } from '../../../src/node/build/vite-plugin-tours.ts';
import { editorPlugin } from '../../../src/node/editor-server/editor-plugin.ts';

export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface DevServerOptions {
  logLevel?: 'warn' | 'error';
  /** Where the editor keeps the site's settings (site.config.json); the checkout's root if not. */
  siteDir?: string;
  /** False: no file watching, so other work on this checkout never reloads a page mid-test. */
  watch?: boolean;
}

export async function startDevServer(
  toursDir: string,
  options: DevServerOptions = {},
): Promise<{ server: ViteDevServer; baseUrl: string }> {
  // No config file: it names the real folder. Whatever changes here changes the optimiser's
  // hash: support/warm-vite.ts optimises the dependencies with this same function.
  const server = await createServer({
    configFile: false,
    root: projectRoot,
    logLevel: options.logLevel ?? 'warn',
    plugins: [
      toursPlugin({ toursDir }),
      editorPlugin(options.siteDir ? { toursDir, siteDir: options.siteDir } : { toursDir }),
    ],
    server: {
      host: '127.0.0.1',
      port: 0,
      strictPort: false,
      ...(options.watch === false ? { watch: null } : {}),
    },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address !== 'object') throw new Error('no dev server address');
  return { server, baseUrl: `http://127.0.0.1:${address.port}` };
}
