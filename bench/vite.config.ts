/** Builds the baseline page into dist/bench/ (the benchmark copies its panoramas there). */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./baseline/', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../dist/bench/', import.meta.url)),
    emptyOutDir: true,
  },
});
