import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { budgetPlugin } from './src/node/build/budget-plugin.ts';
import { cspPlugin } from './src/node/build/vite-plugin-csp.ts';
import { hostHeadersPlugin } from './src/node/build/host-headers.ts';
import { lazyPreloadPlugin } from './src/node/build/lazy-preload-plugin.ts';
import { toursPlugin } from './src/node/build/vite-plugin-tours.ts';
import { editorPlugin } from './src/node/editor-server/editor-plugin.ts';

export default defineConfig({
  // Relative base: the built site works from any folder of any static host.
  base: './',
  plugins: [
    toursPlugin({ toursDir: 'tours' }),
    cspPlugin(),
    // `_headers` for Netlify / Cloudflare Pages: the CSP with frame-ancestors, nosniff, caching.
    hostHeadersPlugin(),
    // The tourist's first download stays small: what index.html loads at once (its entry
    // script and the chunks it preloads) is at most 200 KB gzipped. The 360° viewer, the
    // tiles and cubemap adapters, the manifest schema and the kiosk code load on demand.
    // The entry is small so it paints a link's poster early; the app it imports next is
    // fetched beside it.
    lazyPreloadPlugin([/src\/web\/app\/tourist-app\.ts$/]),
    budgetPlugin([{ label: 'tourist entry', entry: 'index.html', maxGzipBytes: 200 * 1024 }]),
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
    // Source maps are not published (they would show the code's sources to anyone); the
    // service worker's build inherits this. Use `vite build --sourcemap` to debug a build.
    sourcemap: false,
    chunkSizeWarningLimit: 800,
  },
});
