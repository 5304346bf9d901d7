import rule from '../../../src/analyzer/rules/no-error-handling.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const bare = (extra = false): Builder => {
  // A tool at 99% success: below single-point-of-failure's line, so this rule's finding.
  const b = new Builder().add('trigger', 't').add('tool', 'a', { policy: {} }).add('output', 'o').chain('t', 'a', 'o');
  if (extra) b.add('tool', 'x').link('a', 'x', { sourcePort: 'error' }).add('output', 'alert', { config: { type: 'alert', outcome: 'error' } }).chain('x', 'alert');
  return b;
};

ruleTester(rule, {
  valid: [
    { name: 'default steps retry', doc: chainDoc(['ai', 'tool']) },
    // A half-built error port is dead-error-port's finding, not this rule's.
    { name: 'error edge with no catcher', doc: bare(true).build() },
    { name: 'catcher with no error edge', doc: new Builder().add('trigger', 't').add('tool', 'a', { policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } }).add('output', 'o').add('tool', 'b').chain('t', 'a', 'o').build() },
    { name: 'error routed with a catcher', doc: new Builder().add('trigger', 't').add('ai', 'a', { policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } }).add('output', 'o').add('output', 'x', { config: { type: 'alert', outcome: 'error' } }).chain('t', 'a', 'o').link('a', 'x', { sourcePort: 'error' }).build() },
  ],
  invalid: [
    { name: 'bare step in a tiny workflow', doc: bare().build(), errors: [{ severity: 'info', nodeIds: ['a'], quickFix: 'add-error-route' }] },
    { name: 'bare step in a bigger one', doc: bare().add('tool', 'b').build(), errors: [{ severity: 'warning', nodeIds: ['a'] }] },
    { name: 'a weak step every case passes is left to single-point-of-failure', doc: new Builder().add('trigger', 't').add('ai', 'a', { policy: {} }).add('tool', 'b', { policy: {} }).add('output', 'o').chain('t', 'a', 'b', 'o').build(), errors: [{ nodeIds: ['b'] }] },
  ],
});
