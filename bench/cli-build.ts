/**
 * The command line as `npm install` builds it (scripts/build-cli.mjs), for the benchmarks that time whole
 * `baton` processes: of this checkout, or of git revision REF (its own src, bin and build script, from
 * `git archive`, sharing this checkout's node_modules), so a before/after pair runs in the same benchmark run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** What the build script and the commands it trains its code cache on read (missing paths are skipped). */
const ARCHIVED = ['src', 'bin', 'scripts', 'package.json', 'test/fixtures/valid', 'test/fixtures/invalid', 'bench/peers/models'];

/**
 * Build the command line of `repo` (ref undefined) or of revision `ref` of it under `dir`; returns the path of
 * its bin/baton.mjs.
 * @example const bin = buildCli('/work/main', 'dd21121', mkdtempSync(join(tmpdir(), 'cli-')));
 */
export function buildCli(repo: string, ref: string | undefined, dir: string): string {
  if (ref === undefined) {
    execFileSync(process.execPath, [join(repo, 'scripts/build-cli.mjs')], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
    return join(repo, 'bin/baton.mjs');
  }
  mkdirSync(dir, { recursive: true });
  const paths = ARCHIVED.filter((p) => execFileSync('git', ['-C', repo, 'ls-tree', '--name-only', ref, p], { encoding: 'utf8' }).trim() !== '');
  const tar = join(dir, 'source.tar');
  execFileSync('git', ['-C', repo, 'archive', '-o', tar, ref, ...paths]);
  execFileSync('tar', ['-x', '-f', tar, '-C', dir]);
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
  execFileSync(process.execPath, [join(dir, 'scripts/build-cli.mjs')], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(dir, 'bin/baton.mjs');
}
