import rule from '../../../src/analyzer/rules/critical-path-latency.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const fixed = (s: number) => ({ stub: { latency: { type: 'fixed' as const, value: s }, outcomes: { ok: 1 } } });

ruleTester(rule, {
  valid: [
    { name: 'within the SLA', doc: new Builder().add('trigger', 't').add('ai', 'a', fixed(10)).add('output', 'o').chain('t', 'a', 'o').profile({ slaSeconds: 11 }).build() },
    { name: 'a person on a batch path', doc: chainDoc(['human']) },
  ],
  invalid: [
    { name: 'over the SLA', doc: new Builder().add('trigger', 't').add('ai', 'a', fixed(10)).add('tool', 'b', fixed(5)).add('output', 'o').chain('t', 'a', 'b', 'o').profile({ slaSeconds: 12 }).build(), errors: [{ message: /15 s, over the 12 s deadline/ }] },
    { name: 'a person inside a chat', doc: new Builder().add('trigger', 't', { config: { type: 'chat' } }).add('human', 'h').add('output', 'o').chain('t', 'h', 'o').build(), errors: [{ nodeIds: ['h'] }] },
  ],
});
