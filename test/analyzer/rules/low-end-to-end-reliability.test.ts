import rule from '../../../src/analyzer/rules/low-end-to-end-reliability.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const flaky = (ids: string[], risk?: 'high'): Builder => {
  const b = new Builder().add('trigger', 't');
  for (const id of ids) b.add('ai', id, { stub: { latency: { type: 'fixed', value: 1 }, outcomes: { ok: 0.9, runtime: 0.1 } }, policy: {} });
  b.add('output', 'o').chain('t', ...ids, 'o');
  if (risk) b.profile({ risk });
  return b;
};

ruleTester(rule, {
  valid: [
    { name: 'default steps are reliable', doc: chainDoc(['ai', 'tool', 'check']) },
    { name: 'one 90% step meets a 90% target', doc: flaky(['a']).build() },
  ],
  invalid: [
    { name: 'two 90% steps: 81%', doc: flaky(['a', 'b']).build(), errors: [{ severity: "warning", message: /81\.0% of cases are estimated to complete/, nodeIds: ["a", "b"] }] },
    { name: 'high risk below 80%', doc: flaky(['a', 'b', 'c']).profile({ risk: 'high' }).build(), errors: [{ severity: 'error' }] },
  ],
});
