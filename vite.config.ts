import { defineConfig } from 'vite';
import { cspPlugin } from './src/cli/vite-plugin-csp.ts';
import { toursPlugin } from './src/cli/vite-plugin-tours.ts';
import { editorPlugin } from './src/editor/server/editor-plugin.ts';

export default defineConfig({
  // Relative base: the built site works from any folder of any static host.
  base: './',
  plugins: [toursPlugin({ toursDir: 'tours' }), cspPlugin(), editorPlugin({ toursDir: 'tours' })],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
});
