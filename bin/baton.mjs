#!/usr/bin/env node
// The `baton` command. It runs the TypeScript sources through tsx so that `npx baton` works right after
// `npm install` in a fresh clone, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
