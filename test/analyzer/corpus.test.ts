/**
 * The analyzer on the 600 real n8n workflows (shared/corpus/n8n beside the repository): every imported design is
 * analysed without a crash, and no rule fires on more than half of them unless docs/analyzer-realworld.md says
 * why ("Firing rates"). A rule that fires on most real designs is noise unless the designs really share the flaw.
 * (test/interop/n8n/corpus.test.ts checks the import itself: 0 crashes, >= 98% valid, the rest listed.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/index.ts';
import { importAnyWorkflow } from '../../src/interop/importers.ts';
import { corpusFiles, findCorpus } from '../../scripts/n8n-corpus.ts';

const corpus = findCorpus();
/** Rules allowed above half of the corpus, each with its reason in docs/analyzer-realworld.md. */
const JUSTIFIED = ['no-error-handling', 'no-monitoring'];

// 597 full analyses: about 20 s on a loaded 2-core machine, so a hang guard wider than the default 30 s.
describe.skipIf(corpus === undefined)('the analyzer on the n8n corpus', { timeout: 180_000 }, () => {
  it('analyses every imported design; no rule fires on more than half unless the docs justify it', () => {
    const dir = corpus ?? '';
    const fired = new Map<string, number>();
    let analysed = 0;
    for (const file of corpusFiles(dir)) {
      const imported = importAnyWorkflow(readFileSync(join(dir, file)));
      if (!imported.ok) continue;
      let findings: ReturnType<typeof analyze>['findings'];
      try {
        findings = analyze(imported.doc).findings;
      } catch (e) {
        throw new Error(`${file}: the analyzer crashed`, { cause: e });
      }
      expect(findings.filter((f) => f.ruleId === 'rule-error').map((f) => `${file}: ${f.message}`)).toEqual([]);
      analysed++;
      for (const rule of new Set(findings.map((f) => f.ruleId))) fired.set(rule, (fired.get(rule) ?? 0) + 1);
    }
    expect(analysed).toBeGreaterThanOrEqual(588); // 98% of 600
    const rates = [...fired].map(([rule, n]) => [rule, n / analysed] as const).sort((a, b) => b[1] - a[1]);
    console.log(`firing rates on ${analysed} designs:\n  ${rates.map(([r, x]) => `${r} ${(100 * x).toFixed(1)}%`).join('\n  ')}`);
    const over = rates.filter(([, x]) => x > 0.5).map(([r]) => r);
    expect(over.filter((r) => !JUSTIFIED.includes(r))).toEqual([]);
    const docs = readFileSync(new URL('../../docs/analyzer-realworld.md', import.meta.url), 'utf8');
    const section = docs.slice(docs.indexOf('## Firing rates'));
    for (const r of over) expect(section, `docs/analyzer-realworld.md must say why ${r} fires on most designs`).toMatch(new RegExp(`\\*\\*${r}\\*\\*`));
  });
});
