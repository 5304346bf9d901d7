#!/usr/bin/env node
// The `baton` command. It runs the bundled command line in dist-cli/ (built by `npm install` through the
// `prepare` script, by `npm test`, or by `npm run build:cli`; cli-bundle.mjs loads it with its V8 code cache),
// which starts in a fraction of the time the TypeScript sources need through tsx. BATON_CLI_SOURCE=1 (or
// `npm run baton:src -- ARGS`) runs the sources instead, for development; so does a checkout whose bundle was
// never built (`npm install --ignore-scripts`).
import { loadBundle } from './cli-bundle.mjs';

async function load() {
  if (process.env.BATON_CLI_SOURCE !== '1') {
    // Only a missing bundle falls back to the sources; any other failure is a real bug to report.
    const bundle = loadBundle();
    if (bundle) return bundle.exports;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/main.ts');
}

const { main } = await load();
// oneShot: this process runs one command, which may tune V8 for it (src/cli/v8-tuning.ts).
const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, oneShot: true });
process.exitCode = code;
// Exit once stdout and stderr have taken everything written (the callbacks of these empty writes run after the
// earlier writes are flushed), instead of letting Node tear the process down: the teardown frees the heap and
// waits for V8's background compile jobs, ~5-15 ms of CPU after the output is complete. A stream that failed
// (stdout closed early, as in `baton lint FILE | head -1`) is left to fail as before, with its error and exit 1.
process.stdout.write('', (outError) => {
  if (!outError) process.stderr.write('', (errError) => errError || process.exit(code));
});
