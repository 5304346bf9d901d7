import rule from '../../../src/analyzer/rules/data-loss-ordering.ts';
import type { Workflow } from '../../../src/domain/index.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const write = (label: string, operation?: string) => ({ label, config: { type: 'database' as const, sideEffect: 'reversible' as const, idempotent: false, ...(operation ? { operation } : {}) } });

/** trigger -> the given tools in a row -> output. */
const line = (...tools: { label: string; config: object }[]): Workflow => {
  const b = new Builder().add('trigger', 't');
  tools.forEach((x, i) => b.add('tool', `s${i}`, x as never));
  b.add('output', 'o');
  return b.chain('t', ...tools.map((_, i) => `s${i}`), 'o').build();
};

ruleTester(rule, {
  valid: [
    { name: 'a plain chain', doc: chainDoc(['ai', 'tool']) },
    { name: 'write the new, then delete the old', doc: line(write('Insert new embeddings', 'insert'), write('Delete old embeddings', 'delete')) },
    { name: 'delete and write of different data', doc: line(write('Delete temp file', 'delete'), write('Append report row', 'append')) },
    { name: 'mark as read at the end', doc: new Builder().add('trigger', 't').add('ai', 'x', { label: 'Extract invoice' }).add('tool', 'read', write('Mark as read', 'markAsRead')).add('output', 'o').chain('t', 'x', 'read', 'o').build() },
  ],
  invalid: [
    // The example: delete old embeddings before inserting new ones.
    { name: 'delete old embeddings before inserting new ones', doc: line(write('Delete old embeddings', 'delete'), write('Insert new embeddings', 'insert')), errors: [{ nodeIds: ['s0', 's1'], message: /deletes before/ }] },
    // Without the source operation the label says it ("Clear sheet" then "Append rows to sheet").
    { name: 'read from labels', doc: line(write('Clear sheet'), write('Append rows to sheet')), errors: [{ nodeIds: ['s0', 's1'] }] },
    // Corpus 0319_Gmail_Googlecalendartool_Send_Triggered.json marks read beside the reply; here it comes first.
    {
      name: 'mark an e-mail read before the extraction that might fail',
      doc: new Builder().add('trigger', 't').add('tool', 'read', write('Mark as read', 'markAsRead')).add('ai', 'x', { label: 'Extract invoice' }).add('output', 'o').chain('t', 'read', 'x', 'o').build(),
      errors: [{ nodeIds: ['read', 'x'], message: /not delivered again/ }],
    },
  ],
});
