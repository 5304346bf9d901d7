#!/usr/bin/env node
// Makes dist-cli/baton.js.cache, the V8 code cache bin/baton.mjs hands to the bundled command line (run by
// scripts/build-cli.mjs, in a process of its own so that V8's flags are the ones `baton` starts with).
//
// V8 caches the bytecode of the functions compiled so far, so this process first runs every command on sample
// designs in the repository (output discarded): what a real run needs is then in the cache, and what it does not
// need (another command's code) is only read, not compiled. Then it checks, in a second fresh process, that V8
// accepts the cache; if not, it deletes it and says so (exit 1): the command line works without it.
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cachePath, loadBundle } from '../bin/cli-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

if (process.argv[2] === '--check') {
  // Second process: does V8 take the cache?
  const loaded = loadBundle();
  process.exit(loaded && !loaded.script.cachedDataRejected ? 0 : 1);
}

// The commands run here without `oneShot`, so none tunes V8's flags (src/cli/v8-tuning.ts): V8 refuses a cache
// made under flags other than the ones `baton` starts with.
const loaded = loadBundle({ useCache: false });
if (!loaded) throw new Error('dist-cli/baton.js is missing: build it first (scripts/build-cli.mjs)');
const sink = { write: () => true };
const io = { stdout: sink, stderr: sink };
const valid = `${root}test/fixtures/valid/all-kinds.baton.json`;
const invalid = `${root}test/fixtures/invalid/three-problems.baton.json`;
const modelA = `${root}bench/peers/models/A.baton.json`;
const modelB = `${root}bench/peers/models/B.baton.json`;
const runs = [
  ['validate', valid],
  ['validate', invalid],
  ['lint', valid],
  ['lint', valid, '--format', 'json'],
  ['simulate', valid, '--cases', '200'],
  ['simulate', modelB, '--cases', '2000'],
  ['simulate', modelA, '--cases', '2000', '--format', 'json'],
  ...['n8n', 'bpmn', 'asl', 'mermaid'].map((to) => ['convert', valid, '--to', to]),
  ['--help'],
];
for (const argv of runs) {
  if (argv.slice(1).some((a) => a.startsWith(root) && !existsSync(a))) continue;
  await loaded.exports.main(argv, io);
}

writeFileSync(cachePath, loaded.script.createCachedData());

try {
  execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--check'], { stdio: 'ignore' });
} catch {
  rmSync(cachePath, { force: true });
  console.error('cli-code-cache: V8 refused the cache it just made; dist-cli/ has none');
  process.exit(1);
}
