import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/engine.ts';
import { complexityBand, overEngineering, stepsNeeded } from '../../src/analyzer/score.ts';
import type { NodeKind } from '../../src/domain/index.ts';
import { seedExample } from './estimates.test.ts';
import { Builder, chainDoc } from './fixtures.ts';

/** The spec's check: 12 nodes, 13 arcs, one parallel split and one 2-way exclusive split. */
function specModel() {
  return new Builder()
    .add('trigger', 't').add('ai', 'a').add('router', 'p', { config: { mode: 'parallel' } }).add('tool', 'b').add('tool', 'c').add('join', 'j')
    .add('ai', 'd').add('router', 'x').add('tool', 'e').add('tool', 'f').add('tool', 'g').add('output', 'o')
    .chain('t', 'a', 'p').link('p', 'b').link('p', 'c').chain('b', 'j').chain('c', 'j', 'd', 'x')
    .link('x', 'e', { probability: 0.4 }).link('x', 'f', { isDefault: true }).chain('e', 'g').chain('f', 'g', 'o')
    .build();
}

describe('metrics', () => {
  it('matches the spec check: density 0.098, CNC 1.083, CFC 3', () => {
    const m = analyze(specModel()).metrics;
    expect(m.nodes).toBe(12);
    expect(m.arcs).toBe(13);
    expect(m.density.toFixed(3)).toBe('0.098');
    expect(m.cnc.toFixed(3)).toBe('1.083');
    expect(m.cfc).toBe(3);
    expect(m.cyclomatic).toBe(13 - 12 + 2);
    expect(m.workNodes).toBe(7);
    expect(m.longestPath).toBe(5); // a, (b or c), d, (e or f), g
    expect(m.maxDegree).toBe(3);
    expect(m.depth).toBe(1);
    expect(m.structuredness).toBe(1);
  });

  it('counts inclusive splits as 2^k - 1 and a loop once on the longest path', () => {
    const b = new Builder().add('trigger', 't').add('router', 'r', { config: { mode: 'inclusive' } });
    for (const id of ['x', 'y', 'z']) b.add('output', id).link('r', id, { probability: 0.5 });
    expect(analyze(b.chain('t', 'r').build()).metrics.cfc).toBe(7);
    const loop = new Builder().add('trigger', 't').add('ai', 'a').add('check', 'c').add('tool', 'd').add('output', 'o').chain('t', 'a', 'c', 'd', 'o').link('c', 'a', { sourcePort: 'fail' }).build();
    const m = analyze(loop).metrics;
    expect(m.longestPath).toBe(3);
    expect(m.cycles).toBe(1);
  });

  it('analyses 10,000 nodes without recursion', () => {
    const kinds: NodeKind[] = Array.from({ length: 9_998 }, (_, i) => (i % 3 === 0 ? 'ai' : 'tool'));
    const m = analyze(chainDoc(kinds)).metrics;
    expect(m.nodes).toBe(10_000);
    expect(m.longestPath).toBe(9_998);
  });
});

describe('score and over-engineering', () => {
  it('bands the score at 20, 45 and 70', () => {
    expect(complexityBand(19.9)).toBe('simple');
    expect(complexityBand(20)).toBe('moderate');
    expect(complexityBand(45)).toBe('complex');
    expect(complexityBand(70)).toBe('very complex');
  });

  it('scores a bigger design higher and names its top contributors', () => {
    const small = analyze(chainDoc(['ai'])).score;
    const big = analyze(chainDoc(Array.from({ length: 30 }, (_, i) => (i % 2 ? 'ai' : 'tool')))).score;
    expect(small.value).toBe(0);
    expect(small.band).toBe('simple');
    expect(big.value).toBeGreaterThan(small.value);
    // 32 nodes: size (32 - 7) / 43 x 25 ≈ 14.5 points; longest path 30 is past 10, the full 20; two tools add nothing.
    expect(big.contributors.map((c) => c.factor)).toEqual(['longest path', 'size']);
    expect(big.contributors[0]?.points).toBeCloseTo(20, 9);
    expect(big.contributors[1]?.points).toBeCloseTo((25 * 25) / 43, 9);
    expect(big.value).toBeCloseTo(20 + (25 * 25) / 43, 1);
  });

  it('computes N_need from the profile', () => {
    expect(stepsNeeded(undefined)).toBe(1);
    expect(stepsNeeded({ risk: 'high', effortMinutes: 30 })).toBe(4);
    expect(stepsNeeded({ risk: 'medium', effortMinutes: 90, outputs: 2, inputModalities: 3 })).toBe(1 + 2 + 1 + 1 + 1 + 1);
  });

  it('bands the seed example as over-engineered', () => {
    const a = analyze(seedExample());
    expect(a.overEngineering).toEqual({ ratio: 6, needed: 1, used: 6, band: 'over-engineered' });
    expect(a.findings.some((f) => f.ruleId === 'overbuilt-simple-task')).toBe(true);
    expect(overEngineering(3, { risk: 'high', effortMinutes: 30 }).band).toBe('lean');
    expect(overEngineering(9, { risk: 'high', effortMinutes: 30 }).band).toBe('proportionate');
  });
});
