import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/analyzer/index.ts';
import { importAnyWorkflow } from '../src/interop/importers.ts';
import { corpusFiles, findCorpus } from './n8n-corpus.ts';
const dir = findCorpus()!;
for (const file of corpusFiles(dir)) {
  const r = importAnyWorkflow(readFileSync(join(dir, file)));
  if (!r.ok) continue;
  const f = analyze(r.doc).findings.find((f) => f.ruleId === 'workflow-too-large');
  if (!f) continue;
  const kinds: Record<string, number> = {};
  for (const n of r.doc.nodes) if (n.kind !== 'note') kinds[n.kind] = (kinds[n.kind] ?? 0) + 1;
  console.log(file.slice(0, 45).padEnd(45), f.severity, f.message.padEnd(70), JSON.stringify(kinds));
}
