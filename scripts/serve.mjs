/**
 * `npm start`: serves the built site (`dist/`) on 127.0.0.1. Port from `PORT`, else 4173;
 * a busy port makes it try the next ones.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createStaticServer } from '../src/node/serve/static-server.mjs';

const root = fileURLToPath(new URL('../dist/', import.meta.url));
if (!existsSync(`${root}index.html`)) {
  console.error('dist/index.html is missing: run `npm run build` first (or `npm start`).');
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
