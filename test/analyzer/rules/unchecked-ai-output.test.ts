import rule from '../../../src/analyzer/rules/unchecked-ai-output.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

ruleTester(rule, {
  valid: [
    { name: 'checked before delivery', doc: chainDoc(['ai', 'check']) },
    { name: 'approved before delivery', doc: chainDoc(['ai', 'human']) },
    { name: 'routed by confidence', doc: new Builder().add('trigger', 't').add('ai', 'a').add('router', 'r').add('output', 'o').add('human', 'h').add('output', 'o2').chain('t', 'a', 'r').link('r', 'o', { condition: { field: 'confidence', op: '>=', value: 0.9 } }).link('r', 'h', { isDefault: true }).chain('h', 'o2').build(), options: {} },
  ],
  invalid: [
    { name: 'straight to the output', doc: chainDoc(['ai', 'tool']), errors: [{ severity: 'warning', nodeIds: ['s1', 'o'] }] },
    { name: 'high risk', doc: chainDoc(['ai'], { risk: 'high' }), errors: [{ severity: 'error' }] },
    {
      name: 'into an irreversible action',
      doc: new Builder().add('trigger', 't').add('ai', 'a').add('tool', 'send', { config: { sideEffect: 'irreversible', idempotent: false } }).add('output', 'o', { config: { type: 'store', outcome: 'success' } }).chain('t', 'a', 'send', 'o').build(),
      errors: [{ nodeIds: ['a', 'send'], message: /irreversible/ }, { nodeIds: ['a', 'o'] }],
    },
  ],
});
