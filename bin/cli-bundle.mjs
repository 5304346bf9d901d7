// Runs the bundled command line, dist-cli/baton.js (scripts/build-cli.mjs), with its V8 code cache. Shared by
// bin/baton.mjs and scripts/cli-code-cache.mjs, which makes the cache: V8 accepts a cache only for the very
// source text it was made from, so both must compile the script the same way.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

export const bundlePath = fileURLToPath(new URL('../dist-cli/baton.js', import.meta.url));
export const cachePath = `${bundlePath}.cache`;

/**
 * The bundle's exports ({ main }), or undefined when it was never built. `script` is the compiled vm.Script:
 * script.cachedDataRejected says whether V8 refused the cache (made by another Node, or under other V8 flags),
 * which costs compile time only.
 */
export function loadBundle({ useCache = true } = {}) {
  let source;
  try {
    source = readFileSync(bundlePath, 'utf8');
  } catch (e) {
    if (e !== null && typeof e === 'object' && e.code === 'ENOENT') return undefined;
    throw e;
  }
  let cachedData;
  if (useCache) {
    try {
      cachedData = readFileSync(cachePath);
    } catch {
      // No cache (a build that could not make one): V8 compiles the script as usual.
    }
  }
  const script = new Script(source, { filename: bundlePath, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return { exports: module.exports, script };
}
