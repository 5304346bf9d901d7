#!/usr/bin/env node
// Builds the command line into one ES module (plus lazily loaded chunks) under dist-cli/, which bin/baton.mjs
// runs. Starting from a bundle instead of the TypeScript sources saves tsx's registration and per-file
// transpiling at every start (~0.2 s of a ~0.3 s `baton validate`). Run by `npm install` (the `prepare`
// script), `npm test` and `npm run build:cli`. Plain JavaScript so that it needs nothing but esbuild.
import { existsSync, lstatSync, rmSync, symlinkSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist-cli`;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { baton: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  // Code splitting keeps each command's dynamic import a chunk of its own: `validate` never parses the
  // simulator or the exporters.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'chunks/[name]-[hash]',
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});

// npm links the bins of dependencies into node_modules/.bin but not the project's own; link ours too, so CI
// scripts in a checkout can call `node_modules/.bin/baton` (no npx start-up cost) as they would in a project
// that depends on Baton.
const binDir = `${root}node_modules/.bin`;
const link = `${binDir}/baton`;
const linkExists = (() => {
  try {
    lstatSync(link);
    return true;
  } catch {
    return false;
  }
})();
if (existsSync(binDir) && !linkExists) symlinkSync('../../bin/baton.mjs', link);
