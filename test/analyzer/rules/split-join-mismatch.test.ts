import rule from '../../../src/analyzer/rules/split-join-mismatch.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const block = (split: 'parallel' | 'exclusive', join: 'all' | 'any' | 'first' | 'none'): Builder => {
  const b = new Builder().add('trigger', 't').add('router', 'r', { config: { mode: split } }).add('ai', 'a').add('tool', 'b').add('output', 'o');
  if (join === 'none') b.add('tool', 'j');
  else b.add('join', 'j', { config: { mode: join } });
  b.chain('t', 'r');
  if (split === 'parallel') b.link('r', 'a').link('r', 'b');
  else b.link('r', 'a', { isDefault: true }).link('r', 'b', { probability: 0.4 });
  return b.chain('a', 'j').chain('b', 'j', 'o');
};

ruleTester(rule, {
  valid: [
    { name: 'parallel closed by wait-all', doc: block('parallel', 'all').build() },
    { name: 'exclusive closed by any', doc: block('exclusive', 'any').build() },
    { name: 'exclusive merging into a step', doc: block('exclusive', 'none').build() },
    // The issue's false alarm: a retry loop whose exit meets a wait-all Merge. The decision "done, or wait and
    // call again" is a loop's exit; the Merge joins the trigger's other branch, not the decision's alternatives.
    {
      name: 'a retry loop whose exit reaches a wait-all merge',
      doc: new Builder()
        .add('trigger', 't')
        .add('router', 'fork', { config: { mode: 'parallel' } })
        .add('tool', 'call')
        .add('router', 'ok', { config: { mode: 'exclusive' } })
        .add('tool', 'wait')
        .add('tool', 'context')
        .add('join', 'merge', { config: { mode: 'all' } })
        .add('output', 'o')
        .chain('t', 'fork')
        .link('fork', 'call')
        .link('fork', 'context')
        .chain('call', 'ok')
        .link('ok', 'merge', { condition: { field: 'status', op: '==', value: 'done' } })
        .link('ok', 'wait', { isDefault: true })
        .chain('wait', 'call')
        .chain('context', 'merge', 'o')
        .build(),
    },
  ],
  invalid: [
    { name: 'parallel closed by an implicit merge', doc: block('parallel', 'none').build(), errors: [{ nodeIds: ['r', 'j'], message: /once per branch/ }] },
    { name: 'parallel closed by join any', doc: block('parallel', 'any').build(), errors: [{ nodeIds: ['r', 'j'] }] },
    // Corpus 0690_Telegram_Webhook_Send_Webhook.json: an IF's two POST branches meet in a Merge; n8n runs it.
    { name: 'exclusive closed by wait-all: a note (Baton and n8n run it, BPMN engines deadlock)', doc: block('exclusive', 'all').build(), errors: [{ severity: 'info', nodeIds: ['r', 'j'], message: /deadlock/ }] },
  ],
});
