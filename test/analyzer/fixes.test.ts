import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/engine.ts';
import { applyQuickFix, labelFromPurpose } from '../../src/analyzer/fixes.ts';
import type { Finding, QuickFixId } from '../../src/analyzer/types.ts';
import { workflowSchema, type Workflow } from '../../src/domain/index.ts';
import { Builder } from './fixtures.ts';

function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object') {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

/** Find the finding with this quick fix, apply it to a frozen document, and check the result. */
function fixOnce(doc: Workflow, quickFix: QuickFixId): { before: Finding; after: Workflow } {
  const snapshot = structuredClone(doc);
  const before = analyze(doc).findings.find((f) => f.quickFix === quickFix);
  if (!before) throw new Error(`no finding offers ${quickFix}`);
  const after = applyQuickFix(deepFreeze(doc), before);
  expect(doc).toEqual(snapshot);
  expect(workflowSchema.safeParse(after).success).toBe(true);
  expect(analyze(after).findings.some((f) => f.ruleId === before.ruleId && f.quickFix === quickFix && f.nodeIds[0] === before.nodeIds[0])).toBe(false);
  return { before, after };
}

describe('quick fixes', () => {
  it('add-default-branch: a default edge to a new escalation output', () => {
    const doc = new Builder().add('trigger', 't').add('router', 'r').add('output', 'a').add('output', 'b').chain('t', 'r')
      .link('r', 'a', { condition: { field: 'confidence', op: '>=', value: 0.8 } }).link('r', 'b', { probability: 0.2 }).build();
    const { after } = fixOnce(doc, 'add-default-branch');
    const edge = after.edges.find((e) => e.isDefault === true);
    expect(edge?.source).toBe('r');
    const out = after.nodes.find((n) => n.id === edge?.target);
    expect(out?.kind === 'output' && out.config.outcome).toBe('escalated');
  });

  it('add-timeout: sets startToCloseSeconds and keeps the rest of the policy', () => {
    const doc = new Builder().add('trigger', 't', { config: { type: 'chat' } }).add('ai', 'a', { policy: { retry: [{ errorEquals: ['timeout'], maximumAttempts: 2 }] } }).add('output', 'o').chain('t', 'a', 'o').build();
    const { after } = fixOnce(doc, 'add-timeout');
    const a = after.nodes.find((n) => n.id === 'a');
    expect(a?.kind === 'ai' && a.policy).toEqual({ retry: [{ errorEquals: ['timeout'], maximumAttempts: 2 }], timeouts: { startToCloseSeconds: 30 } });
  });

  it('cap-retries: caps attempts and intervals and repairs the backoff', () => {
    const doc = new Builder().add('trigger', 't').add('tool', 'x', { policy: { retry: [{ errorEquals: ['timeout'], maximumAttempts: 50, maximumIntervalSeconds: 900, backoffCoefficient: 0.5 }] } }).add('output', 'o').chain('t', 'x', 'o').build();
    const { after } = fixOnce(doc, 'cap-retries');
    const x = after.nodes.find((n) => n.id === 'x');
    expect(x?.kind === 'tool' && x.policy?.retry).toEqual([{ errorEquals: ['timeout'], maximumAttempts: 5, maximumIntervalSeconds: 300, backoffCoefficient: 2 }]);
  });

  it('add-error-route: a catcher, an error edge and a new alert output', () => {
    const doc = new Builder().add('trigger', 't', { config: { type: 'schedule' } }).add('ai', 'a', { policy: {} }).add('tool', 'b').add('output', 'o').chain('t', 'a', 'b', 'o').build();
    const { after } = fixOnce(doc, 'add-error-route');
    const a = after.nodes.find((n) => n.id === 'a');
    expect(a?.kind === 'ai' && a.policy?.catch).toEqual([{ errorEquals: ['ALL'], port: 'error' }]);
    const edge = after.edges.find((e) => e.source === 'a' && e.sourcePort === 'error');
    const alert = after.nodes.find((n) => n.id === edge?.target);
    expect(alert?.kind === 'output' && alert.config).toEqual({ type: 'alert', outcome: 'error' });
    // The flow now ends handled rather than failed.
    expect(analyze(after).findings.some((f) => f.ruleId === 'no-monitoring')).toBe(false);
  });

  it('remove-superfluous-connector: bridges the edges and drops the node', () => {
    const doc = new Builder().add('trigger', 't').add('router', 'r').add('output', 'o').chain('t', 'r', 'o').build();
    const { after } = fixOnce(doc, 'remove-superfluous-connector');
    expect(after.nodes.map((n) => n.id)).toEqual(['t', 'o']);
    expect(after.edges).toEqual([{ id: 'e1', source: 't', sourcePort: 'out', target: 'o' }]);
  });

  it('name-after-purpose: the first clause of the purpose becomes the label', () => {
    const doc = new Builder().add('trigger', 't').add('ai', 'a', { label: 'GPT-4o', config: { purpose: 'extract the total and due date. Return JSON.' } }).add('output', 'o').chain('t', 'a', 'o').build();
    const { after } = fixOnce(doc, 'name-after-purpose');
    expect(after.nodes.find((n) => n.id === 'a')?.label).toBe('Extract the total and due date');
    expect(labelFromPurpose('x'.repeat(10) + ' ' + 'y'.repeat(70))).toBe('X'.concat('x'.repeat(9)));
  });

  it('refuses a finding without a quick fix', () => {
    const f: Finding = { ruleId: 'dead-end', severity: 'error', message: 'm', nodeIds: [], edgeIds: [], docs: 'docs/rules/dead-end.md' };
    expect(() => applyQuickFix(new Builder().build(), f)).toThrow(/no quick fix/);
  });
});
