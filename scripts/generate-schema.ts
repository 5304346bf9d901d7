/**
 * Writes docs/workflow.schema.json from the zod schema (src/interop/json-schema.ts).
 *   npx tsx scripts/generate-schema.ts          regenerate the file
 *   npx tsx scripts/generate-schema.ts --check  exit 1 if the committed file is stale (CI: npm run schema:check)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderWorkflowJsonSchema } from '../src/interop/json-schema.ts';

const target = fileURLToPath(new URL('../docs/workflow.schema.json', import.meta.url));
const relative = 'docs/workflow.schema.json';
const expected = renderWorkflowJsonSchema();

if (process.argv.includes('--check')) {
  let current: string | undefined;
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === undefined) {
    console.error(`${relative} is missing; run "npm run schema" and commit it.`);
    process.exit(1);
  }
  if (current !== expected) {
    console.error(`${relative} is stale: it no longer matches the zod schema in src/domain. Run "npm run schema" and commit the result.`);
    process.exit(1);
  }
  console.log(`${relative} is up to date.`);
} else {
  writeFileSync(target, expected);
  console.log(`wrote ${relative} (${expected.length.toLocaleString('en-US')} characters)`);
}
