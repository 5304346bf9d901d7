import rule from '../../../src/analyzer/rules/single-entry-single-exit.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const triggers = (k: number): Builder => {
  const b = new Builder().add('ai', 'a').add('output', 'o').chain('a', 'o');
  for (let i = 0; i < k; i++) b.add('trigger', `t${i}`).link(`t${i}`, 'a');
  return b;
};

ruleTester(rule, {
  valid: [
    { name: 'one trigger, one output', doc: chainDoc(['ai']) },
    { name: 'two triggers allowed by option', doc: triggers(2).build(), options: { maxTriggers: 2 } },
    // Corpus 0001_Telegram_Schedule_Automation_Scheduled.json: a schedule, and n8n's test button beside it.
    { name: 'a manual test trigger beside the real one', doc: triggers(1).add('trigger', 'real', { config: { type: 'schedule' } }).link('real', 'a').build() },
    // Corpus 1429_Code_Schedule_Send_Scheduled.json: a newsletter's schedule, its subscribe form and its unsubscribe form, each its own flow in one file.
    { name: 'separate processes kept in one file', doc: new Builder().add('trigger', 's', { config: { type: 'schedule' } }).add('trigger', 'f', { config: { type: 'webhook' } }).add('ai', 'a').add('tool', 'save').add('output', 'o1').add('output', 'o2').chain('s', 'a', 'o1').chain('f', 'save', 'o2').build() },
  ],
  invalid: [
    { name: 'separate processes counted, by option', doc: new Builder().add('trigger', 's', { config: { type: 'schedule' } }).add('trigger', 'f', { config: { type: 'webhook' } }).add('ai', 'a').add('tool', 'save').add('output', 'o1').add('output', 'o2').chain('s', 'a', 'o1').chain('f', 'save', 'o2').build(), options: { countSeparateProcesses: true }, errors: [{ nodeIds: ['s', 'f'] }] },
    { name: 'two triggers', doc: triggers(2).build(), errors: [{ severity: 'info', nodeIds: ['t0', 't1'] }] },
    { name: 'three triggers', doc: triggers(3).build(), errors: [{ severity: 'warning' }] },
    { name: 'the manual one counted, by option', doc: triggers(1).add('trigger', 'real', { config: { type: 'schedule' } }).link('real', 'a').build(), options: { countManualBesideOthers: true }, errors: [{ nodeIds: ['t0', 'real'] }] },
    { name: 'two real triggers and a test button', doc: triggers(1).add('trigger', 'r1', { config: { type: 'schedule' } }).add('trigger', 'r2', { config: { type: 'webhook' } }).link('r1', 'a').link('r2', 'a').build(), errors: [{ nodeIds: ['r1', 'r2'] }] },
    {
      name: 'three outputs',
      doc: new Builder().add('trigger', 't').add('router', 'r').add('output', 'a').add('output', 'b').add('output', 'c').chain('t', 'r').link('r', 'a', { isDefault: true }).link('r', 'b', { probability: 0.1 }).link('r', 'c', { probability: 0.1 }).build(),
      errors: [{ severity: 'info', nodeIds: ['a', 'b', 'c'] }],
    },
  ],
});
