/**
 * The analyzer on the real n8n corpus (shared/corpus/n8n beside the repository): how often each rule fires, and
 * the findings of the AI workflows, for the finding-by-finding review in docs/analyzer-realworld.md.
 *
 *   npx tsx scripts/corpus-findings.ts [--rates] [--findings FILE...] [--json OUT]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../src/analyzer/index.ts';
import { importAnyWorkflow } from '../src/interop/importers.ts';
import { corpusFiles, findCorpus } from './n8n-corpus.ts';

const dir = findCorpus();
if (dir === undefined) throw new Error('no n8n corpus found (set BATON_N8N_CORPUS)');
const args = process.argv.slice(2);
const only = args.includes('--findings') ? args.slice(args.indexOf('--findings') + 1).filter((a) => !a.startsWith('--')) : [];
const files = corpusFiles(dir);
const fired = new Map<string, number>();
const out: Record<string, { ai: boolean; nodes: number; findings: { rule: string; severity: string; message: string; nodes: string[] }[] }> = {};
let valid = 0;
for (const file of files) {
  if (only.length > 0 && !only.some((o) => file.startsWith(o))) continue;
  const r = importAnyWorkflow(readFileSync(join(dir, file)));
  if (!r.ok) continue;
  valid++;
  const a = analyze(r.doc);
  const label = new Map(r.doc.nodes.map((n) => [n.id, n.label]));
  for (const rule of new Set(a.findings.map((f) => f.ruleId))) fired.set(rule, (fired.get(rule) ?? 0) + 1);
  out[file] = {
    ai: r.doc.nodes.some((n) => n.kind === 'ai'),
    nodes: r.doc.nodes.length,
    findings: a.findings.map((f) => ({ rule: f.ruleId, severity: f.severity, message: f.message, nodes: f.nodeIds.map((id) => label.get(id) ?? id) })),
  };
}
if (args.includes('--rates') || only.length === 0) {
  console.log(`${valid} valid files`);
  for (const [rule, n] of [...fired].sort((x, y) => y[1] - x[1])) console.log(`${rule.padEnd(30)} ${n}  ${((100 * n) / valid).toFixed(1)}%`);
}
if (args.includes('--json')) writeFileSync(args[args.indexOf('--json') + 1] ?? 'corpus-findings.json', JSON.stringify(out, null, 1));
if (only.length > 0) for (const [file, v] of Object.entries(out)) {
  console.log(`\n## ${file} (${v.nodes} nodes)`);
  for (const f of v.findings) console.log(`- ${f.rule} [${f.severity}] ${f.message}`);
}
