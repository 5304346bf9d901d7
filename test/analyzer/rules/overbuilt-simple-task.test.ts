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

// Calibration cases (docs/analyzer.md, "Calibration").
const withFallback = new Builder()
  .add('trigger', 't').add('ai', 'a1', { policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } }).add('ai', 'fb').add('join', 'm', { config: { mode: 'any' } }).add('ai', 'a2').add('output', 'o')
  .chain('t', 'a1', 'm', 'a2', 'o').link('a1', 'fb', { sourcePort: 'error' }).chain('fb', 'm');
ruleTester(rule, {
  valid: [
    { name: 'a fallback model behind an error port is resilience, not a third AI step', doc: withFallback.profile(simple).build() },
    { name: 'a check on two AI steps at 50 runs a day is quality control', doc: chainDoc(['ai', 'ai', 'check'], { ...simple, runsPerDay: 50 }) },
  ],
  invalid: [
    { name: 'volume does not excuse a third AI step', doc: chainDoc(['ai', 'ai', 'ai'], { ...simple, runsPerDay: 500 }), errors: [{ message: /3 AI steps/ }] },
    { name: 'the gate threshold is an option', doc: chainDoc(['ai', 'ai', 'check'], { ...simple, runsPerDay: 50 }), options: { gateRunsPerDay: 100 }, errors: [{ message: /check or gate/ }] },
  ],
});
