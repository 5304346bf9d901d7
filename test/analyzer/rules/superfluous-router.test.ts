import rule from '../../../src/analyzer/rules/superfluous-router.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'no connectors', doc: chainDoc(['ai']) },
    { name: 'a router with two branches', doc: new Builder().add('trigger', 't').add('router', 'r').add('output', 'a').add('output', 'b').chain('t', 'r').link('r', 'a', { isDefault: true }).link('r', 'b', { probability: 0.5 }).build() },
    // Corpus 0319_Gmail_Googlecalendartool_Send_Triggered.json: a classifier with one category connected lets only
    // appointment e-mails on; the router is a filter, not a box that decides nothing.
    { name: 'a router with one conditioned branch is a filter', doc: new Builder().add('trigger', 't').add('router', 'r').add('output', 'o').chain('t', 'r').link('r', 'o', { label: 'is_appointment' }).build() },
  ],
  invalid: [
    { name: 'a pass-through router', doc: new Builder().add('trigger', 't').add('router', 'r').add('output', 'o').chain('t', 'r', 'o').build(), errors: [{ nodeIds: ['r'], edgeIds: ['e1', 'e2'], quickFix: 'remove-superfluous-connector' }] },
    { name: 'a pass-through join', doc: new Builder().add('trigger', 't').add('join', 'j').add('output', 'o').chain('t', 'j', 'o').build(), errors: [{ nodeIds: ['j'] }] },
  ],
});
