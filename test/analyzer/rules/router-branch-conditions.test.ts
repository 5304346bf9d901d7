import rule from '../../../src/analyzer/rules/router-branch-conditions.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const router = (mode: 'exclusive' | 'parallel' | 'inclusive' = 'exclusive'): Builder =>
  new Builder().add('trigger', 't').add('router', 'r', { config: { mode } }).add('output', 'a').add('output', 'b').add('output', 'c').chain('t', 'r');
const hi = { field: 'confidence', op: '>=', value: 0.8 } as const;

ruleTester(rule, {
  valid: [
    { name: 'condition and default', doc: router().link('r', 'a', { condition: hi }).link('r', 'b', { isDefault: true }).build() },
    { name: 'probabilities summing to 1', doc: router().link('r', 'a', { probability: 0.3 }).link('r', 'b', { probability: 0.7 }).build() },
    { name: 'parallel branches need nothing', doc: router('parallel').link('r', 'a').link('r', 'b').build() },
    // Corpus 0008_Slack_Stripe_Create_Triggered.json: n8n's IF "If no PO Number" imports as branches "true" and "false".
    { name: 'conditions stated in words (an imported IF)', doc: router().link('r', 'a', { label: 'true' }).link('r', 'b', { label: 'false' }).build() },
  ],
  invalid: [
    { name: 'bare branch', doc: router().link('r', 'a', { condition: hi }).link('r', 'b', { id: 'bare' }).build(), errors: [{ severity: 'error', edgeIds: ['bare'], message: /^The branch to "Handle b" of "Handle r"/ }, { severity: 'warning', quickFix: 'add-default-branch' }] },
    { name: 'words not accepted by option', doc: router().link('r', 'a', { id: 'x', label: 'true' }).link('r', 'b', { id: 'y', label: 'false' }).build(), options: { acceptConditionsInWords: false }, errors: [{ edgeIds: ['x'] }, { edgeIds: ['y'] }, { severity: 'warning' }] },
    { name: 'no default', doc: router().link('r', 'a', { condition: hi }).link('r', 'b', { probability: 0.5 }).build(), errors: [{ severity: 'warning', nodeIds: ['r'] }] },
    {
      name: 'duplicate conditions and two defaults',
      doc: router().link('r', 'a', { id: 'x', condition: hi }).link('r', 'b', { id: 'y', condition: hi }).link('r', 'c', { id: 'd1', isDefault: true }).link('r', 'a', { id: 'd2', isDefault: true, sourcePort: 'out' }).build(),
      errors: [{ edgeIds: ['d1', 'd2'] }, { edgeIds: ['x', 'y'], message: /same condition/ }],
    },
  ],
});
