/** Builds the baseline pages (plain PSV, plain Pannellum) into bench/tmp/site/bench/ (the benchmark copies its panoramas there). */
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
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./baseline/index.html', import.meta.url)),
        pannellum: fileURLToPath(new URL('./baseline/pannellum.html', import.meta.url)),
      },
    },
  },
});
