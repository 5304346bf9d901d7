import { describe, expect, it } from 'vitest';
import { defineRule } from '../../src/analyzer/define-rule.ts';
import { analyze, resolveRules } from '../../src/analyzer/engine.ts';
import { ALL_RULES } from '../../src/analyzer/catalog.ts';
import { Builder, chainDoc } from './fixtures.ts';

const ids = (a: ReturnType<typeof analyze>, rule: string) => a.findings.filter((f) => f.ruleId === rule);

describe('engine', () => {
  it('raises info rules to warnings under strict', () => {
    const doc = new Builder().add('trigger', 't').add('ai', 'a', { label: 'Invoice extractor' }).add('output', 'o').chain('t', 'a', 'o').build();
    expect(ids(analyze(doc), 'verb-object-label')[0]?.severity).toBe('info');
    expect(ids(analyze(doc, { preset: 'strict' }), 'verb-object-label')[0]?.severity).toBe('warning');
  });

  it('runs only structure rules under the structure preset', () => {
    const doc = chainDoc(['ai', 'ai', 'ai']);
    const cats = new Set(analyze(doc, { preset: 'structure' }).findings.map((f) => ALL_RULES.find((r) => r.id === f.ruleId)?.meta.category));
    expect([...cats].every((c) => c === 'structure')).toBe(true);
    expect(ids(analyze(doc), 'redundant-ai-chain').length).toBeGreaterThan(0);
  });

  it('layers preset, document lint.rules and call options', () => {
    // Tools that lose 10% of cases each: a chain of 3 that chain-too-long reports once it counts as long.
    const lossy = { stub: { latency: { type: 'fixed', value: 1 }, outcomes: { ok: 0.9, timeout: 0.1 } }, policy: {} } as const;
    const doc = new Builder().add('trigger', 't').add('tool', 'a', lossy).add('tool', 'b', lossy).add('tool', 'c', lossy).add('output', 'o').chain('t', 'a', 'b', 'c', 'o')
      .lint({ preset: 'recommended', rules: { 'chain-too-long': ['warning', { infoAbove: 2 }], 'no-monitoring': 'off' } }).build();
    const a = analyze(doc);
    expect(ids(a, 'chain-too-long').map((f) => f.severity)).toEqual(['warning']);
    expect(ids(a, 'no-monitoring')).toEqual([]);
    const b = analyze(doc, { rules: { 'chain-too-long': ['error', { infoAbove: 5 }] } });
    expect(ids(b, 'chain-too-long')).toEqual([]);
    const c = analyze(doc, { rules: { 'chain-too-long': 'error' } });
    expect(ids(c, 'chain-too-long').map((f) => f.severity)).toEqual(['error']);
  });

  it('ignores unknown options and options of the wrong type', () => {
    const doc = chainDoc(['tool']);
    const r = resolveRules(doc, { rules: { 'chain-too-long': ['info', { infoAbove: 'two', bogus: 1 }] } }).find((x) => x.rule.id === 'chain-too-long');
    expect(r?.options).toEqual({ infoAbove: 5, warningAbove: 10, minCompletion: 0.95 });
  });

  it('returns suppressed findings separately, matched by rule and node', () => {
    // A webhook: someone waits (missing-timeout reports) and nobody watches the runs (no-monitoring reports).
    const doc = new Builder().add('trigger', 't', { config: { type: 'webhook' } }).add('ai', 'a', { policy: {} }).add('ai', 'b', { policy: {} }).add('output', 'o').chain('t', 'a', 'b', 'o')
      .lint({ suppressions: [{ ruleId: 'missing-timeout', nodeId: 'a', reason: 'The provider enforces 20 s.' }, { ruleId: 'no-monitoring', reason: 'Monitored by the platform.' }] }).build();
    const a = analyze(doc);
    expect(ids(a, 'missing-timeout').map((f) => f.nodeIds)).toEqual([['b']]);
    expect(a.suppressed.map((f) => f.ruleId).sort()).toEqual(['missing-timeout']);
    // no-monitoring names nodes, so a workflow-level suppression does not match it.
    expect(ids(a, 'no-monitoring').length).toBe(1);
  });

  it('turns a throwing rule into one rule-error finding and still completes', () => {
    const broken = defineRule({ id: 'broken', meta: { description: 'x', docs: 'docs/rules/broken.md', category: 'structure' }, defaultSeverity: 'warning', options: {}, check() { throw new Error('boom'); } });
    const a = analyze(chainDoc(['ai']), { catalog: [broken, ...ALL_RULES] });
    const errs = ids(a, 'rule-error');
    expect(errs).toHaveLength(1);
    expect(errs[0]?.message).toMatch(/broken.*boom/);
    expect(a.metrics.nodes).toBe(3);
  });

  it('sorts errors before warnings before infos', () => {
    const doc = new Builder().add('ai', 'a', { label: 'x' }).add('tool', 'b').build();
    const ranks = analyze(doc).findings.map((f) => ({ error: 0, warning: 1, info: 2 })[f.severity]);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
    expect(ranks[0]).toBe(0);
  });
});
