import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './scripts/content-security-policy.ts';

/**
 * The built index.html carries the Content Security Policy as its first element (docs/architecture.md, "Content
 * Security Policy"), so it holds wherever the static files are served. Build only: the dev server injects an
 * inline script (React's refresh preamble) that the policy forbids.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'baton-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  plugins: [
    react(),
    contentSecurityPolicy(),
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
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // zod and the module that makes it jitless share one chunk, so the setting runs before any chunk
            // that builds a schema (zod reads it when an object schema is created). Left to itself the bundler
            // puts zod beside the domain schemas, in a chunk that runs before main.tsx's first import.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]domain[\\/]zod-jitless\.ts$/, priority: 10 },
          ],
        },
      },
    },
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
});
