import rule from '../../../src/analyzer/rules/edge-integrity.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const base = (): Builder => new Builder().add('trigger', 't').add('ai', 'a').add('output', 'o').chain('t', 'a', 'o');

ruleTester(rule, {
  valid: [
    { name: 'a chain', doc: chainDoc(['ai']) },
    { name: 'a guarded self-loop', doc: base().link('a', 'a', { sourcePort: 'error', condition: { field: 'attempt', op: '<', value: 3 } }).build() },
  ],
  invalid: [
    { name: 'a dangling edge', doc: base().link('a', 'ghost', { id: 'bad' }).build(), errors: [{ severity: 'error', edgeIds: ['bad'], message: /^An edge joins "Handle a" to "ghost", but "ghost" is not a node/ }] },
    { name: 'a duplicate edge', doc: base().link('a', 'o', { id: 'dup' }).build(), errors: [{ severity: 'warning', edgeIds: ['e2', 'dup'], message: /^Two edges join "Handle a" to "Handle o" from the same port "out"\.$/ }] },
    { name: 'an unguarded self-loop', doc: base().link('a', 'a', { id: 'loop', sourcePort: 'error' }).build(), errors: [{ severity: 'warning', edgeIds: ['loop'], nodeIds: ['a'], message: /^An edge loops from "Handle a" back to itself/ }] },
  ],
});
