/**
 * Where the 600 real n8n workflows are (shared/corpus/n8n/workflows beside the repository, read-only; see its
 * README), for the tests, the bench and the review script. BATON_N8N_CORPUS overrides; undefined when absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function findCorpus(from: string = import.meta.dirname): string | undefined {
  if (process.env['BATON_N8N_CORPUS']) return process.env['BATON_N8N_CORPUS'];
  let dir = from;
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'shared', 'corpus', 'n8n', 'workflows');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

/** The corpus' workflow files, sorted by name. */
export function corpusFiles(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
}
