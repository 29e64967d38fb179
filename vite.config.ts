import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const BRAND_COLOUR = '#005b7f';
// The API binds to 127.0.0.1 by default; 'localhost' may resolve to ::1 first.
const API_TARGET = 'http://127.0.0.1:3000';

export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  build: {
    outDir: fileURLToPath(new URL('./dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': API_TARGET,
      '/health': API_TARGET,
      '/.well-known': API_TARGET,
    },
  },
  plugins: [
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
