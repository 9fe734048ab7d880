import { defineConfig } from 'vite';
import { toursPlugin } from './src/cli/vite-plugin-tours.ts';

export default defineConfig({
  // Relative base: the built site works from any folder of any static host.
  base: './',
  plugins: [toursPlugin({ toursDir: 'tours' })],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
});
