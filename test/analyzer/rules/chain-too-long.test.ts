import rule from '../../../src/analyzer/rules/chain-too-long.ts';
import type { NodeKind } from '../../../src/domain/index.ts';
import { chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const steps = (k: number): NodeKind[] => Array.from({ length: k }, () => 'tool' as const);

ruleTester(rule, {
  valid: [{ name: '5 steps', doc: chainDoc(steps(5)) }],
  invalid: [
    { name: '6 steps', doc: chainDoc(steps(6)), errors: [{ severity: 'info', message: /6 steps.*estimated at 100\.0%/ }] },
    { name: '11 steps', doc: chainDoc(steps(11)), errors: [{ severity: 'warning' }] },
    { name: 'custom limit', doc: chainDoc(steps(3)), options: { infoAbove: 2 }, errors: [{ severity: 'info' }] },
  ],
});
