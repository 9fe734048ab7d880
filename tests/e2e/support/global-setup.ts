/**
 * Serves the built site (`dist/`, built by `npm run test:e2e` before vitest starts) on a free
 * port of 127.0.0.1 for the whole e2e run; tests get its address with `inject('baseUrl')`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { createStaticServer } from '../../../src/node/serve/static-server.ts';
import { warmViteDeps } from './warm-vite.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Address of the served `dist/`, ending with `/`, e.g. `http://127.0.0.1:40123/`. */
    baseUrl: string;
  }
}

// E2E_DIST lets parallel work build into its own folder instead of sharing dist/.
const distDir = process.env.E2E_DIST
  ? `${process.env.E2E_DIST.replace(/\/$/, '')}/`
  : fileURLToPath(new URL('../../../dist/', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(`${distDir}index.html`)) {
    throw new Error('dist/index.html is missing: run `npm run test:e2e` (it builds first).');
  }
  // Before any file starts: the editor files' dev servers (two at a time) must find Vite's
  // dependencies optimised already, or they optimise them together and reload their pages.
  await warmViteDeps();
  const server = await createStaticServer({ root: distDir, host: '127.0.0.1', port: 0 });
  project.provide('baseUrl', server.url);
  return () => server.close();
}
