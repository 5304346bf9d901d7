// Builds the bundled command line once per test run, so the tests that start `node bin/baton.mjs` run the
// current sources and never a bundle left over from an older checkout.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: 'inherit' });
}
