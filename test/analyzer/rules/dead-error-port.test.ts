import rule from '../../../src/analyzer/rules/dead-error-port.ts';
import { Builder } from '../fixtures.ts';
import { ruleTester } from '../rule-tester.ts';

const alert = { config: { type: 'alert' as const, outcome: 'error' as const } };
const toError = [{ errorEquals: ['ALL' as const], port: 'error' }];

/** trigger -> a -> o, with a's error port wired to an alert when `wired`. */
const step = (kind: 'ai' | 'tool' | 'data', policy: object, wired: boolean): Builder => {
  const b = new Builder().add('trigger', 't').add(kind, 'a', { policy }).add('output', 'o').add('output', 'x', alert).chain('t', 'a', 'o');
  return wired ? b.link('a', 'x', { id: 'err', sourcePort: 'error' }) : b;
};

ruleTester(rule, {
  valid: [
    { name: 'an error edge with a catcher', doc: step('tool', { catch: toError }, true).build() },
    { name: 'no error port at all (no-error-handling judges that)', doc: step('tool', {}, false).build() },
    { name: 'continue on error: the catcher sends to "out", which has its edge', doc: step('ai', { catch: [{ errorEquals: ['ALL'], port: 'out' }] }, false).build() },
    { name: 'a data step with both halves', doc: step('data', { catch: toError }, true).build() },
  ],
  invalid: [
    { name: 'an error edge no catcher feeds (an AI step)', doc: step('ai', {}, true).build(), errors: [{ severity: 'warning', nodeIds: ['a'], edgeIds: ['err'], quickFix: 'add-error-route', message: /has an error edge but no catcher sends errors to it, so it is never taken/ }] },
    { name: 'a catcher that routes only to "out" does not feed the error edge', doc: step('tool', { catch: [{ errorEquals: ['timeout'], port: 'out' }] }, true).build(), errors: [{ edgeIds: ['err'] }] },
    { name: 'a data step: no quick fix (it applies to AI and tool steps)', doc: step('data', {}, true).build(), errors: [{ nodeIds: ['a'], message: /fail the case\.$/ }] },
    { name: 'a catcher to an error port with no edge gets cases stuck', doc: step('tool', { catch: [{ errorEquals: ['timeout', 'rate_limited'], port: 'error' }] }, false).build(), errors: [{ severity: 'error', nodeIds: ['a'], quickFix: 'add-error-route', message: /sends errors \(timed out or rate limited\) to its "error" port, which has no edge: a case with such an error gets stuck/ }] },
  ],
});
