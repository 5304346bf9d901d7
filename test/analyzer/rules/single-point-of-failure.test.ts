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
    // Corpus 1699_Code_Editimage_Automation_Webhook.json: a bank-statement extraction run from "Test workflow" only.
    { name: 'a run started by hand', doc: new Builder().add('trigger', 't', { config: { type: 'manual' } }).add('ai', 'a', weak).add('output', 'o').chain('t', 'a', 'o').build() },
  ],
  invalid: [
    { name: 'a run by hand, when the option says it is not watched', doc: new Builder().add('trigger', 't', { config: { type: 'manual' } }).add('ai', 'a', weak).add('output', 'o').chain('t', 'a', 'o').build(), options: { manualRunsAreWatched: false }, errors: [{ nodeIds: ['a'] }] },
    { name: 'a run another workflow starts is real work', doc: new Builder().add('trigger', 't', { config: { type: 'called' } }).add('ai', 'a', weak).add('output', 'o').chain('t', 'a', 'o').build(), errors: [{ nodeIds: ['a'] }] },
    { name: 'weak unprotected step every case passes', doc: new Builder().add('trigger', 't', { config: { type: 'schedule' } }).add('ai', 'a', weak).add('output', 'o').chain('t', 'a', 'o').build(), errors: [{ nodeIds: ['a'], message: /95\.0%/ }] },
  ],
});
