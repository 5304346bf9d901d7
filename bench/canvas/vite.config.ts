/** Builds the plain React Flow baseline page (bench/canvas/plain.html) for the canvas benchmark. */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export const PLAIN_OUT_DIR = fileURLToPath(new URL('../../node_modules/.cache/baton-bench/plain', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: PLAIN_OUT_DIR, emptyOutDir: true, target: 'es2022', rollupOptions: { input: fileURLToPath(new URL('./plain.html', import.meta.url)) } },
});
