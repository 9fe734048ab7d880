import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { cspPlugin } from './src/node/build/vite-plugin-csp.ts';
import { toursPlugin } from './src/node/build/vite-plugin-tours.ts';
import { editorPlugin } from './src/node/editor-server/editor-plugin.ts';

export default defineConfig({
  // Relative base: the built site works from any folder of any static host.
  base: './',
  plugins: [
    toursPlugin({ toursDir: 'tours' }),
    cspPlugin(),
    editorPlugin({ toursDir: 'tours' }),
    VitePWA({
      // Our own worker: workbox precaches the app shell, tours are cached by tour-store.ts.
      strategies: 'injectManifest',
      srcDir: 'src/web/sw',
      filename: 'sw.ts',
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: 'Tham quan di tích 360°',
        short_name: 'Di tích 360°',
        description: 'Tham quan di tích 360° — Heritage 360° tours',
        lang: 'vi',
        theme_color: '#7a1f12',
        background_color: '#111111',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
        // Tours are downloaded per tour and version, never with the app.
        globIgnores: ['tours/**', 'bench/**', 'schema/**', '**/*.map'],
      },
    }),
  ],
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
});
