import rule from '../../../src/analyzer/rules/overbuilt-simple-task.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const simple = { effortMinutes: 5, risk: 'low' } as const;
const pipeline = (): Builder =>
  new Builder()
    .add('trigger', 't').add('ai', 'a1').add('ai', 'a2').add('ai', 'a3')
    .add('tool', 'z1', { config: { type: 'automation' } }).add('tool', 'z2', { config: { type: 'automation' } })
    .add('check', 'v').add('output', 'o')
    .chain('t', 'z1', 'a1', 'a2', 'a3', 'z2', 'v', 'o');

ruleTester(rule, {
  valid: [
    { name: 'one AI step for a simple task', doc: chainDoc(['ai'], simple) },
    { name: 'a pipeline for a high-risk task', doc: pipeline().profile({ effortMinutes: 5, risk: 'high' }).build() },
    { name: 'a pipeline for a long task', doc: pipeline().profile({ effortMinutes: 90, risk: 'medium' }).build() },
    { name: 'no profile: nothing to judge against', doc: pipeline().build() },
  ],
  invalid: [
    { name: 'the seed example: 3 AI, 2 automations, a validator', doc: pipeline().profile(simple).build(), errors: [{ severity: 'warning', nodeIds: ['a1', 'a2', 'a3', 'z1', 'z2', 'v'], message: /3 AI steps, 2 automation layers/ }] },
    { name: 'two AI steps and a check', doc: chainDoc(['ai', 'ai', 'check'], simple), errors: [{ message: /check or gate on top of 2 AI steps/ }] },
    { name: 'looser thresholds still catch a bigger build', doc: chainDoc(['ai', 'ai', 'ai', 'ai'], simple), options: { maxAiSteps: 3 }, errors: [{ message: /^A 5-minute/ }] },
  ],
});
