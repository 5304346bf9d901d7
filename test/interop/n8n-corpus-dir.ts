/**
 * Where the real n8n workflows are (shared/corpus/n8n/workflows, beside the repository; BATON_N8N_CORPUS
 * overrides). The corpus is read-only and lives outside the repository, so tests look for it upward from here
 * and skip, saying so, when it is not there.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function findN8nCorpus(): string | undefined {
  if (process.env['BATON_N8N_CORPUS']) return process.env['BATON_N8N_CORPUS'];
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'shared', 'corpus', 'n8n', 'workflows');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}
