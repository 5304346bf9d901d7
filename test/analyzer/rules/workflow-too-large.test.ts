import rule from '../../../src/analyzer/rules/workflow-too-large.ts';
import type { NodeKind } from '../../../src/domain/index.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const steps = (k: number): NodeKind[] => Array.from({ length: k }, () => 'tool' as const);

/** Separate flows in one file, each a trigger and `sizes[i]` tools, all ending at one shared output (an importer's "End"). */
const flows = (...sizes: number[]) => {
  const b = new Builder().add('output', 'end');
  sizes.forEach((k, f) => {
    const ids = [`t${f}`, ...Array.from({ length: k }, (_, i) => `f${f}s${i}`)];
    b.add('trigger', ids[0]!);
    for (const id of ids.slice(1)) b.add('tool', id);
    b.chain(...ids, 'end');
  });
  return b.build();
};

ruleTester(rule, {
  valid: [
    { name: '20 nodes', doc: chainDoc(steps(18)) },
    { name: '30 nodes with a higher limit', doc: chainDoc(steps(28)), options: { infoAbove: 30 } },
    // Corpus 1429 and 0898: a newsletter's schedule and its subscribe and unsubscribe forms, kept in one file.
    { name: 'three small flows in one file (34 nodes, none over 12)', doc: flows(10, 10, 10) },
  ],
  invalid: [
    { name: '21 nodes', doc: chainDoc(steps(19)), errors: [{ severity: 'info', message: /^The workflow has 21 nodes/ }] },
    { name: '51 nodes', doc: chainDoc(steps(49)), errors: [{ severity: 'warning' }] },
    { name: 'one large flow beside a small one', doc: flows(20, 3), errors: [{ severity: 'info', message: /largest of its 2 processes has 22 nodes \(26 in the workflow\)/ }] },
  ],
});
