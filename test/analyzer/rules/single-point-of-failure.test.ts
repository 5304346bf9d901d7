import rule from '../../../src/analyzer/rules/single-point-of-failure.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const weak = { stub: { latency: { type: 'fixed' as const, value: 1 }, outcomes: { ok: 0.95, communication: 0.05 } }, policy: {} };

ruleTester(rule, {
  valid: [
    { name: 'retried steps', doc: chainDoc(['ai', 'tool']) },
    {
      name: 'weak step on one branch only',
      doc: new Builder().add('trigger', 't').add('router', 'r').add('ai', 'a', weak).add('output', 'o').add('output', 'o2').chain('t', 'r').link('r', 'a', { probability: 0.5 }).link('r', 'o2', { isDefault: true }).chain('a', 'o').build(),
    },
  ],
  invalid: [
    { name: 'weak unprotected step every case passes', doc: new Builder().add('trigger', 't').add('ai', 'a', weak).add('output', 'o').chain('t', 'a', 'o').build(), errors: [{ nodeIds: ['a'], message: /95\.0%/ }] },
  ],
});
