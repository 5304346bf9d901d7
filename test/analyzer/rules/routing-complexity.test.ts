import rule from '../../../src/analyzer/rules/routing-complexity.ts';
import { Builder, chainDoc } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

/** k exclusive routers in a row, each with `fan` branches to outputs (the last branch carries on). */
function routers(k: number, fan: number): Builder {
  const b = new Builder().add('trigger', 't');
  let prev = 't';
  for (let i = 0; i < k; i++) {
    b.add('router', `r${i}`).link(prev, `r${i}`);
    for (let j = 0; j < fan - 1; j++) b.add('output', `o${i}_${j}`).link(`r${i}`, `o${i}_${j}`, { probability: 0.1 });
    prev = `r${i}`;
  }
  return b.add('output', 'end').link(prev, 'end', { isDefault: true });
}

ruleTester(rule, {
  valid: [
    { name: 'a chain', doc: chainDoc(['ai']) },
    { name: 'CFC 20', doc: routers(5, 4).build() },
  ],
  invalid: [
    { name: 'CFC 21 and 7 exclusive routers', doc: routers(7, 3).build(), errors: [{ severity: 'warning', message: /21/ }, { severity: 'info', nodeIds: ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6'] }] },
    { name: 'lower CFC limit', doc: routers(2, 3).build(), options: { maxCfc: 5 }, errors: [{ severity: 'warning' }] },
  ],
});
