/** Builds the baseline page into bench/tmp/site/bench/ (the benchmark copies its panoramas there). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./baseline/', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('./tmp/site/bench/', import.meta.url)),
    emptyOutDir: true,
    // PSV and three.js in one chunk, as a plain page would ship them.
    chunkSizeWarningLimit: 1000,
  },
});
