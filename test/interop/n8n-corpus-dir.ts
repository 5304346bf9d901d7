/**
 * Where the real n8n workflows are (shared/corpus/n8n/workflows, beside the repository; BATON_N8N_CORPUS
 * overrides). The corpus is read-only and lives outside the repository, so tests look for it upward and skip,
 * saying so, when it is not there. One locator for the tests, the bench and scripts: scripts/n8n-corpus.ts.
 */
export { findCorpus as findN8nCorpus } from '../../scripts/n8n-corpus.ts';
