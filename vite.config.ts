import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

export default defineConfig({
  plugins: [
    react(),
    // Offline after the first visit: a generated service worker precaches the built app. src/app/pwa.ts
    // registers it (production builds only); injectRegister false keeps inline scripts out of index.html, so a
    // strict Content Security Policy (no inline script) holds.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Baton',
        short_name: 'Baton',
        description: 'Design, lint and dry-run workflows of AI tools, tools and people.',
        start_url: '.',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#1d4ed8',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        // The layout engine's bundle (elkjs, ~1.5 MB) must be precached too, or auto layout fails offline.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
