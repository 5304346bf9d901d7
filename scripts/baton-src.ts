// `npm run baton:src -- ARGS`: the command line from the TypeScript sources (through tsx), for development:
// no bundle to rebuild after an edit. bin/baton.mjs does the same when BATON_CLI_SOURCE=1.
import { main } from '../src/cli/main.ts';

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
