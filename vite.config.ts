import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { designsystemetBehaviours } from './src/web/tools/designsystemet-behaviours.js';

const BRAND_COLOUR = '#005b7f';
// The API binds to 127.0.0.1 by default; 'localhost' may resolve to ::1 first.
const API_TARGET = 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Each language's texts of each surface is its own chunk, named so a test and the
        // benchmark can tell which ones a page fetched (`texts-nb-order-<hash>.js`).
        chunkFileNames: (chunk) => {
          const texts = /[\\/]locales[\\/](\w+)[\\/](\w+)\.json$/.exec(chunk.facadeModuleId ?? '');
          return texts ? `assets/texts-${texts[1]}-${texts[2]}-[hash].js` : 'assets/[name]-[hash].js';
        },
      },
      treeshake: {
        // Designsystemet's React package declares no `sideEffects`, so its barrel would put every
        // component (with floating-ui, the virtualiser, the combobox) in the shared chunk. Its
        // component modules only define components; the behaviours they need come from
        // @digdir/designsystemet-web, which stays side-effectful and is imported by each of them.
        moduleSideEffects: [
          { test: /[\\/]@digdir[\\/]designsystemet-react[\\/]dist[\\/]esm[\\/].*\.js$/, sideEffects: false },
        ],
      },
    },
  },
  server: {
    proxy: {
      '/api': API_TARGET,
      '/health': API_TARGET,
      '/.well-known': API_TARGET,
    },
  },
  plugins: [
    designsystemetBehaviours(),
    react(),
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: 'auto',
      includeAssets: ['icon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Bedriftsbillett',
        short_name: 'Billett',
        description: 'Månedsbillett for kollektivtransport gjennom arbeidsgiveren',
        lang: 'nb',
        start_url: '/billett',
        scope: '/',
        display: 'standalone',
        theme_color: BRAND_COLOUR,
        background_color: '#ffffff',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        // zxcvbn's word lists (1.7 MB) are loaded only by the new-password form: not precached for every wallet.
        globIgnores: ['**/password-strength-*.js'],
        navigateFallback: '/index.html',
        // The order page is framed by companies' sites with its own frame-ancestors: always from the network.
        navigateFallbackDenylist: [/^\/api/, /^\/health/, /^\/\.well-known/, /^\/bestill\//],
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.startsWith('/api/tickets/'),
            handler: 'NetworkFirst',
            options: {
              cacheName: 'tickets',
              networkTimeoutSeconds: 5,
              cacheableResponse: { statuses: [200] },
              expiration: { maxEntries: 20, maxAgeSeconds: 60 * 60 * 24 * 62 },
            },
          },
          {
            urlPattern: ({ url }) => url.pathname === '/.well-known/jwks.json',
            handler: 'NetworkFirst',
            options: {
              cacheName: 'jwks',
              networkTimeoutSeconds: 5,
              cacheableResponse: { statuses: [200] },
            },
          },
        ],
      },
    }),
  ],
});
