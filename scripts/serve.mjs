/**
 * `npm start`: serves the built site on 127.0.0.1. Folder from `--root <dir>` (or `SERVE_ROOT`),
 * else `dist/`; port from `PORT`, else 4173; a busy port makes it try the next ones.
 * The server is TypeScript (it shares the path checks of `src/`), run through tsx as the
 * `tour` command is.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { register } from 'tsx/esm/api';

register();
/** @type {typeof import('../src/node/serve/static-server.ts')} */
const { createStaticServer } = await import(
  new URL('../src/node/serve/static-server.ts', import.meta.url).href
);

const { values } = parseArgs({ options: { root: { type: 'string' } } });
const chosen = values.root ?? process.env.SERVE_ROOT;
const root = chosen ? resolve(chosen) : fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(join(root, 'index.html'))) {
  console.error(
    `${join(root, 'index.html')} is missing: run \`npm run build\` first (or \`npm start\`).`,
  );
  process.exit(1);
}

const requested = Number.parseInt(process.env.PORT ?? '', 10);
const { url, close } = await createStaticServer({
  root,
  host: '127.0.0.1',
  port: Number.isInteger(requested) && requested > 0 ? requested : 4173,
});
console.log(`Heritage tour viewer running at ${url}`);
console.log(`Sample tour: ${url}#/demo`);
console.log('Press Ctrl+C to stop.');

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.once(signal, () => {
    void close().finally(() => process.exit(0));
  });
}
