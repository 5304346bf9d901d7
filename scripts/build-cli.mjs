#!/usr/bin/env node
// Builds the command line into one script, dist-cli/baton.js, plus a V8 code cache for it, dist-cli/baton.js.cache;
// bin/baton.mjs runs the script with the cache. Starting from a bundle instead of the TypeScript sources saves
// tsx's registration and per-file transpiling at every start (~0.2 s of a ~0.3 s `baton validate`); the code cache
// saves most of what is left of compiling: V8 reads the bytecode of every function the commands ran when the cache
// was made instead of parsing and compiling them again (~40 ms of a `baton lint`'s CPU, bench/cli). Node 20 has no
// code cache for ES modules (module.enableCompileCache is Node 22), so the bundle is a classic script, one function
// taking CommonJS's (exports, require, module, __filename, __dirname), run through node:vm, which takes a cache.
// Commands stay lazily loaded: esbuild wraps each dynamically imported module in an initialiser that runs on
// first use, so `validate` never runs the simulator's module code.
//
// Run by `npm install` (the `prepare` script), `npm test` and `npm run build:cli`. Plain JavaScript so that it
// needs nothing but esbuild.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, rmSync, symlinkSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist-cli`;

// Node runs a vm script's dynamic import() only with an experimental option that prints a warning, so a dynamic
// import of a Node module (left as import() by esbuild, unlike the bundled sources) would fail at run time: the
// build refuses it instead. Import Node modules statically; dynamic imports of the sources are fine.
const noDynamicNodeImports = {
  name: 'no-dynamic-node-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      const builtin = args.path.startsWith('node:') || builtinModules.includes(args.path);
      if (args.kind !== 'dynamic-import' || !builtin) return undefined;
      return { errors: [{ text: `dynamic import("${args.path}") cannot run in the bundled command line: import it statically` }] };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { baton: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.19',
  // esbuild starts the body with "use strict" (the sources are ES modules, strict by definition).
  banner: { js: '(function (exports, require, module, __filename, __dirname) {' },
  footer: { js: '})' },
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [noDynamicNodeImports],
});

// The code cache: a fresh process runs the commands on sample designs and saves the bytecode V8 compiled. Made
// here, by the Node that installed the project; a different Node (or different V8 flags) rejects it, and the
// command line then compiles as if it had none. A failure here costs start time only, so it warns, never fails.
try {
  execFileSync(process.execPath, [`${root}scripts/cli-code-cache.mjs`], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
} catch {
  rmSync(`${outdir}/baton.js.cache`, { force: true });
  console.warn('build-cli: no code cache for dist-cli/baton.js (the command line works, starting a little slower)');
}

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
