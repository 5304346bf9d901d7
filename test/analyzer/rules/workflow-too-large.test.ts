import rule from '../../../src/analyzer/rules/workflow-too-large.ts';
import type { NodeKind } from '../../../src/domain/index.ts';
import { chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const steps = (k: number): NodeKind[] => Array.from({ length: k }, () => 'tool' as const);

ruleTester(rule, {
  valid: [
    { name: '20 nodes', doc: chainDoc(steps(18)) },
    { name: '30 nodes with a higher limit', doc: chainDoc(steps(28)), options: { infoAbove: 30 } },
  ],
  invalid: [
    { name: '21 nodes', doc: chainDoc(steps(19)), errors: [{ severity: 'info', message: /21 nodes/ }] },
    { name: '51 nodes', doc: chainDoc(steps(49)), errors: [{ severity: 'warning' }] },
  ],
});
