/** Builds the bench page (the real src/persistence, Dexie and import code) next to the app, same origin. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/__bench/',
  logLevel: 'warn',
  build: { target: 'es2022', outDir: process.env.BENCH_OUT ?? '/tmp/baton-persistence-bench', emptyOutDir: true },
});
