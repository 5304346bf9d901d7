import rule from '../../../src/analyzer/rules/no-monitoring.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'no external calls', doc: chainDoc(['human']) },
    { name: 'errors raise an alert', doc: new Builder().add('trigger', 't').add('ai', 'a').add('output', 'o').add('output', 'al', { config: { type: 'alert', outcome: 'error' } }).chain('t', 'a', 'o').link('a', 'al', { sourcePort: 'error' }).build() },
    { name: 'errors reach a notification step', doc: new Builder().add('trigger', 't').add('ai', 'a').add('tool', 'n', { config: { type: 'notification' } }).add('output', 'o').chain('t', 'a', 'o').link('a', 'n', { sourcePort: 'error' }).chain('n', 'o').build() },
  ],
  invalid: [
    { name: 'low volume', doc: chainDoc(['ai', 'tool']), errors: [{ severity: 'info', nodeIds: ['s1', 's2'] }] },
    { name: 'high volume', doc: chainDoc(['ai'], { runsPerDay: 500 }), errors: [{ severity: 'warning' }] },
  ],
});
