import rule from '../../../src/analyzer/rules/no-error-handling.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const bare = (extra = false, trigger: 'schedule' | 'manual' | 'called' = 'schedule'): Builder => {
  // A tool at 99% success: below single-point-of-failure's line, so this rule's finding.
  const b = new Builder().add('trigger', 't', { config: { type: trigger } }).add('tool', 'a', { policy: {} }).add('output', 'o').chain('t', 'a', 'o');
  if (extra) b.add('tool', 'x').link('a', 'x', { sourcePort: 'error' }).add('output', 'alert', { config: { type: 'alert', outcome: 'error' } }).chain('x', 'alert');
  return b;
};

ruleTester(rule, {
  valid: [
    { name: 'default steps retry', doc: chainDoc(['ai', 'tool']) },
    // A half-built error port is dead-error-port's finding, not this rule's.
    { name: 'error edge with no catcher', doc: bare(true).build() },
    { name: 'catcher with no error edge', doc: new Builder().add('trigger', 't', { config: { type: 'schedule' } }).add('tool', 'a', { policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } }).add('output', 'o').add('tool', 'b').chain('t', 'a', 'o').build() },
    { name: 'error routed with a catcher', doc: new Builder().add('trigger', 't', { config: { type: 'schedule' } }).add('ai', 'a', { policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } }).add('output', 'o').add('output', 'x', { config: { type: 'alert', outcome: 'error' } }).chain('t', 'a', 'o').link('a', 'x', { sourcePort: 'error' }).build() },
    // Corpus 1400_Wait_Code_Automation_Webhook.json: a video pipeline run from "Test workflow" only; whoever runs it sees the error.
    { name: 'a run started by hand', doc: bare(false, 'manual').add('tool', 'b').build() },
    { name: 'a call no trigger reaches (unreachable-node reports it)', doc: new Builder().add('trigger', 't', { config: { type: 'schedule' } }).add('output', 'o').chain('t', 'o').add('tool', 'b', { policy: {} }).add('tool', 'c', { policy: {} }).chain('b', 'c').build() },
  ],
  invalid: [
    { name: 'bare step in a tiny workflow', doc: bare().build(), errors: [{ severity: 'info', nodeIds: ['a'], quickFix: 'add-error-route' }] },
    { name: 'bare step in a bigger one', doc: bare().add('tool', 'b').build(), errors: [{ severity: 'warning', nodeIds: ['a'] }] },
    { name: 'a weak step every case passes is left to single-point-of-failure', doc: new Builder().add('trigger', 't', { config: { type: 'schedule' } }).add('ai', 'a', { policy: {} }).add('tool', 'b', { policy: {} }).add('output', 'o').chain('t', 'a', 'b', 'o').build(), errors: [{ nodeIds: ['b'] }] },
    // The caller gets the failure back, but can only run the whole sub-workflow again: the retry belongs to the call.
    { name: 'a run another workflow starts is real work', doc: bare(false, 'called').add('tool', 'b').build(), errors: [{ severity: 'warning', nodeIds: ['a'] }] },
    { name: 'a run by hand, when the option says it is not watched', doc: bare(false, 'manual').add('tool', 'b').build(), options: { manualRunsAreWatched: false }, errors: [{ severity: 'warning', nodeIds: ['a'] }] },
  ],
});
