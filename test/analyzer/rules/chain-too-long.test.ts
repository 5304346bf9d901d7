import rule from '../../../src/analyzer/rules/chain-too-long.ts';
import type { Workflow } from '../../../src/domain/index.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const steps = (k: number): ('tool')[] => Array.from({ length: k }, () => 'tool' as const);

/**
 * trigger -> k tools -> output. `stated` tools state a 1% failure rate and have no retry (a 6-step chain loses
 * 5.9% of cases); the others carry no stub, as an n8n import does, so the estimate gives them their kind's
 * default rates (99% ok; no retry either).
 */
function chain(k: number, stated = k): Workflow {
  const ids = Array.from({ length: k }, (_, i) => `s${i + 1}`);
  const b = new Builder().add('trigger', 't');
  ids.forEach((id, i) => b.add('tool', id, { policy: {}, ...(i < stated ? { stub: { latency: { type: 'fixed', value: 1 }, outcomes: { ok: 0.99, timeout: 0.01 } } } : {}) }));
  const doc = b.add('output', 'o').chain('t', ...ids, 'o').build();
  return { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'tool' && Number(n.id.slice(1)) > stated ? (({ stub: _, ...bare }) => bare)(n) : n)) };
}

ruleTester(rule, {
  valid: [
    { name: '5 steps that lose cases: not long', doc: chain(5) },
    // The steps are the job and (with the editor's retries) nearly every case gets through: count alone is no cost.
    { name: '12 steps that nearly always complete', doc: chainDoc(steps(12)) },
    // 8 tools on default rates lose 7.7% of cases: that restates "no retry" (no-error-handling), not this design.
    { name: 'a loss only default rates make (an n8n import)', doc: chain(8, 0) },
    { name: 'a custom completion bar', doc: chain(6), options: { minCompletion: 0.9 } },
  ],
  invalid: [
    { name: '6 steps that lose 5.9% of cases', doc: chain(6), errors: [{ severity: 'info', message: /6 steps from trigger to output, and 5\.9% of cases are estimated not to complete \(94\.1% do\)\.$/ }] },
    { name: '11 steps', doc: chain(11), errors: [{ severity: 'warning' }] },
    { name: 'custom limit', doc: chain(3), options: { infoAbove: 2, minCompletion: 0.98 }, errors: [{ severity: 'info' }] },
    { name: 'one stated rate among defaults says so', doc: chain(6, 1), errors: [{ message: /; 5 of the 6 steps that can fail use their kind's default failure rates\.$/ }] },
  ],
});
