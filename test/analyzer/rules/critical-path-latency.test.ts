import rule from '../../../src/analyzer/rules/critical-path-latency.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const fixed = (s: number) => ({ stub: { latency: { type: 'fixed' as const, value: s }, outcomes: { ok: 1 } } });

ruleTester(rule, {
  valid: [
    { name: 'within the SLA', doc: new Builder().add('trigger', 't').add('ai', 'a', fixed(10)).add('output', 'o').chain('t', 'a', 'o').profile({ slaSeconds: 11 }).build() },
    { name: 'a person on a batch path', doc: chainDoc(['human']) },
    // Whether a person waits behind the calling step is the caller's design.
    { name: 'a person in a run another workflow starts', doc: new Builder().add('trigger', 't', { config: { type: 'called' } }).add('human', 'h').add('output', 'o').chain('t', 'h', 'o').build() },
    // Corpus 1784: a form's next pages are filled in by the caller, not by someone the caller waits for.
    { name: "the requester filling in the next page of their form", doc: new Builder().add('trigger', 't', { config: { type: 'webhook', public: true } }).add('human', 'h', { config: { type: 'review', reviewers: 1, calendar: 'always', requester: true } }).add('output', 'o').chain('t', 'h', 'o').build() },
  ],
  invalid: [
    { name: 'over the SLA', doc: new Builder().add('trigger', 't').add('ai', 'a', fixed(10)).add('tool', 'b', fixed(5)).add('output', 'o').chain('t', 'a', 'b', 'o').profile({ slaSeconds: 12 }).build(), errors: [{ message: /15 s, over the 12 s deadline/ }] },
    { name: 'a person inside a chat', doc: new Builder().add('trigger', 't', { config: { type: 'chat' } }).add('human', 'h').add('output', 'o').chain('t', 'h', 'o').build(), errors: [{ nodeIds: ['h'] }] },
  ],
});
