/**
 * The importer on 600 real n8n workflows (shared/corpus/n8n, beside the repository; see its README): none may
 * crash, at least 98% must become valid Baton documents (with no two steps overlapping), and the rest are listed with their reasons in the
 * test output (docs/import-n8n.md lists them too). The corpus is read-only and lives outside the repository,
 * so the test looks for it upward from here and says so when it is not there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeSize } from '../../../src/domain/node-size.ts';
import { boxesOverlap } from '../../../src/domain/separate-overlaps.ts';
import { exportWorkflow } from '../../../src/interop/export.ts';
import { importWorkflow } from '../../../src/interop/import.ts';
import { importAnyWorkflow } from '../../../src/interop/importers.ts';
import { findN8nCorpus } from '../n8n-corpus-dir.ts';

const corpus = findN8nCorpus();

describe.skipIf(corpus === undefined)('the n8n corpus (600 real workflows)', () => {
  it('imports every file without a crash; at least 98% become valid Baton documents', () => {
    const files = readdirSync(corpus ?? '').filter((f) => f.endsWith('.json')).sort();
    expect(files.length).toBe(600);
    const rejected: string[] = [];
    let valid = 0;
    let approximated = 0;
    for (const file of files) {
      let result: ReturnType<typeof importAnyWorkflow>;
      try {
        result = importAnyWorkflow(readFileSync(join(corpus ?? '', file)));
      } catch (e) {
        throw new Error(`${file}: the importer crashed`, { cause: e });
      }
      if (!result.ok) {
        rejected.push(`${file}: ${result.problems[0]?.message ?? 'no reason'}`);
        continue;
      }
      // Valid means what any Baton file must be: it imports cleanly from its own export.
      const again = importWorkflow(exportWorkflow(result.doc));
      if (!again.ok) {
        rejected.push(`${file}: converted, but the document is invalid: ${again.problems[0]?.message ?? ''}`);
        continue;
      }
      valid++;
      if (result.converted && result.report.approximations.length > 0) approximated++;
    }
    console.log(`n8n corpus: ${valid} of ${files.length} valid (${((100 * valid) / files.length).toFixed(1)}%), ${approximated} with approximations listed; not imported:\n  ${rejected.join('\n  ')}`);
    expect(valid / files.length).toBeGreaterThanOrEqual(0.98);
    // The three known rejects are mangled exports (every key and value quoted twice), not n8n workflows.
    expect(rejected.every((r) => /not a workflow this app can read/.test(r))).toBe(true);
  });

  it('opens every imported design with no two steps on top of each other (notes may sit behind them)', () => {
    const files = readdirSync(corpus ?? '').filter((f) => f.endsWith('.json')).sort();
    const overlapping: string[] = [];
    for (const file of files) {
      const result = importAnyWorkflow(readFileSync(join(corpus ?? '', file)));
      if (!result.ok) continue;
      const steps = result.doc.nodes.filter((n) => n.kind !== 'note').map((n) => ({ label: n.label, ...n.position, ...nodeSize(n) }));
      steps.forEach((a, i) => {
        for (const b of steps.slice(i + 1)) if (boxesOverlap(a, b)) overlapping.push(`${file}: "${a.label}" and "${b.label}"`);
      });
    }
    expect(overlapping).toEqual([]);
  });
});
