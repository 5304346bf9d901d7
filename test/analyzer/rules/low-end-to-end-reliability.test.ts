import rule from '../../../src/analyzer/rules/low-end-to-end-reliability.ts';
import type { Workflow } from '../../../src/domain/index.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const flaky = (ids: string[], risk?: 'high'): Builder => {
  const b = new Builder().add('trigger', 't');
  for (const id of ids) b.add('ai', id, { stub: { latency: { type: 'fixed', value: 1 }, outcomes: { ok: 0.9, runtime: 0.1 } }, policy: {} });
  b.add('output', 'o').chain('t', ...ids, 'o');
  if (risk) b.profile({ risk });
  return b;
};

/** trigger -> `stated` 90% AI steps -> `bare` tools with no stub and no retry (as n8n imports them) -> output. */
function mixed(stated: number, bare: number): Workflow {
  const s = Array.from({ length: stated }, (_, i) => `a${i + 1}`);
  const d = Array.from({ length: bare }, (_, i) => `d${i + 1}`);
  const b = flaky(s);
  for (const id of d) b.add('tool', id, { policy: {} });
  const doc = b.chain(s.at(-1) ?? 't', ...d, 'o').build();
  // flaky() linked its last step (or the trigger) to the output: the tools go between them.
  const before = s.at(-1) ?? 't';
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (n.kind === 'tool' ? (({ stub: _, ...rest }) => rest)(n) : n)),
    edges: doc.edges.filter((e) => !(e.source === before && e.target === 'o' && d.length > 0)),
  };
}

ruleTester(rule, {
  valid: [
    { name: 'default steps are reliable', doc: chainDoc(['ai', 'tool', 'check']) },
    { name: 'one 90% step meets a 90% target', doc: flaky(['a']).build() },
    // 20 calls on default rates with no retry complete 81.8% of cases: a figure no step of this design states,
    // which restates no-error-handling's "no retry" (every n8n import is like this).
    { name: 'a shortfall only default rates make (an n8n import)', doc: mixed(0, 20) },
  ],
  invalid: [
    { name: 'two 90% steps: 81%', doc: flaky(['a', 'b']).build(), errors: [{ severity: "warning", message: /81\.0% of cases are estimated to complete.*end in success\.$/, nodeIds: ["a", "b"] }] },
    { name: 'high risk below 80%', doc: flaky(['a', 'b', 'c']).profile({ risk: 'high' }).build(), errors: [{ severity: 'error' }] },
    { name: 'one stated rate among defaults: reported, and says what rests on defaults', doc: mixed(1, 3), errors: [{ severity: 'warning', message: /87\.3% of cases .*; 3 of the 4 steps that can fail use their kind's default failure rates\.$/ }] },
  ],
});
