import rule from '../../../src/analyzer/rules/human-gate-timeout.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const gate = (patch: object, timeoutEdge: boolean): Builder => {
  const b = new Builder().add('trigger', 't').add('human', 'h', patch).add('output', 'o').add('output', 'esc', { config: { type: 'notify', outcome: 'escalated' } }).chain('t', 'h', 'o');
  if (timeoutEdge) b.link('h', 'esc', { sourcePort: 'timeout' });
  return b;
};

/** The next page of the requester's own form (an n8n Form node after a Form Trigger, as in corpus 1784). */
const formPage = gate({ config: { type: 'review', reviewers: 1, calendar: 'always', slaSeconds: undefined, requester: true } }, false).build();

ruleTester(rule, {
  valid: [
    { name: 'SLA and a timeout route', doc: gate({}, true).build() },
    { name: "a page of the requester's own form: an unanswered page is a request given up", doc: formPage },
  ],
  invalid: [
    { name: 'SLA but no route', doc: gate({}, false).build(), errors: [{ nodeIds: ['h'], message: /an SLA of 4 h\b/ }] },
    { name: 'no SLA at all', doc: gate({ config: { slaSeconds: undefined } }, false).build(), errors: [{ message: /forever/ }] },
    { name: 'requester pages judged like queues, by option', doc: formPage, options: { requesterPagesNeedNoSla: false }, errors: [{ nodeIds: ['h'], message: /forever/ }] },
  ],
});
