import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/engine.ts';
import { complexityBand, overEngineering, stepsNeeded, stepsUsedText } from '../../src/analyzer/score.ts';
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

  it('counts volume as a reason for more steps: one more at 50 runs a day, another at 500', () => {
    expect(stepsNeeded({ effortMinutes: 5, risk: 'low', runsPerDay: 49 })).toBe(1);
    expect(stepsNeeded({ effortMinutes: 5, risk: 'low', runsPerDay: 50 })).toBe(2);
    expect(stepsNeeded({ effortMinutes: 8, risk: 'medium', runsPerDay: 800 })).toBe(4);
  });

  it('measures used as the work steps a case passes when nothing fails, not |W|', () => {
    // 80% take a one-step branch, 20% a three-step branch; the first step has a fallback behind its error port.
    const doc = new Builder()
      .add('trigger', 't').add('ai', 'a', { policy: { catch: [{ errorEquals: ['ALL'], port: 'error' }] } }).add('ai', 'fb').add('join', 'm', { config: { mode: 'any' } })
      .add('router', 'r').add('tool', 'x').add('tool', 'y1').add('tool', 'y2').add('tool', 'y3').add('output', 'o')
      .chain('t', 'a', 'm', 'r').link('a', 'fb', { sourcePort: 'error' }).chain('fb', 'm')
      .link('r', 'x', { probability: 0.8 }).link('r', 'y1', { isDefault: true }).chain('y1', 'y2', 'y3', 'o').chain('x', 'o')
      .profile({ effortMinutes: 5, risk: 'low' })
      .build();
    const oe = analyze(doc).overEngineering;
    expect(oe.used).toBeCloseTo(1 + 0.8 + 0.2 * 3, 9);
    expect(oe.workNodes).toBe(6);
    expect(oe.resilienceNodes).toBe(1);
    expect(oe.band).toBe('proportionate');
  });

  it('counts the steps of a revision loop once', () => {
    const doc = new Builder()
      .add('trigger', 't').add('join', 'm', { config: { mode: 'any' } }).add('ai', 'd')
      .add('human', 'h', { stub: { serviceTime: { type: 'fixed', value: 60 }, outcomes: { approve: 0.5, revise: 0.4, reject: 0.1 } } })
      .add('tool', 's').add('output', 'o').add('output', 'no', { config: { type: 'discard', outcome: 'rejected' } })
      .chain('t', 'm', 'd', 'h', 's', 'o').link('h', 'm', { sourcePort: 'revise' }).link('h', 'no', { sourcePort: 'reject' })
      .build();
    // d and h once each; s always, since the failure port (reject) is not taken when nothing fails.
    expect(analyze(doc).overEngineering.used).toBeCloseTo(3, 9);
  });

  it('bands the seed example as over-engineered', () => {
    const a = analyze(seedExample());
    // Three LLM steps in a row: the second and third are surplus (redundant pairs); the two tools are automations.
    expect(a.overEngineering).toEqual({ ratio: 6, needed: 1, used: 6, band: 'over-engineered', workNodes: 6, resilienceNodes: 0, surplus: 2, surplusSteps: [{ nodeId: 'a2', reason: 'redundant-ai' }, { nodeId: 'a3', reason: 'redundant-ai' }], judgement: 6, usedText: '6 work steps per case' });
    expect(a.findings.some((f) => f.ruleId === 'overbuilt-simple-task')).toBe(true);
    expect(overEngineering(3, { risk: 'high', effortMinutes: 30 }).band).toBe('lean');
    expect(overEngineering(9, { risk: 'high', effortMinutes: 30 }).band).toBe('proportionate');
    // Lean judges the normal path's size: 3 expected steps out of 5 normal nodes is not lean for a 4-step task.
    expect(overEngineering(3, { risk: 'high', effortMinutes: 30 }, { workNodes: 6, normalWorkNodes: 5 }).band).toBe('proportionate');
  });

  it('says the steps used in words: whole steps, or an average with what it weighs (corpus 0061 read "0.5 steps for ~1 needed")', () => {
    expect(stepsUsedText(1)).toBe('1 work step per case');
    expect(stepsUsedText(3)).toBe('3 work steps per case');
    expect(stepsUsedText(2.98)).toBe('3 work steps per case');
    expect(stepsUsedText(0.5)).toBe('0.5 work steps per case on average (a step on a branch counts by the share of cases that take it)');
    // A design whose only work step is on one of two even branches (as the n8n import of corpus 0061).
    const branch = new Builder().add('trigger', 't').add('router', 'r').add('tool', 'gh', { label: 'Open issue' }).add('output', 'o').add('output', 'skip').chain('t', 'r', 'gh', 'o').link('r', 'skip').build();
    const oe = analyze(branch).overEngineering;
    expect(oe.used).toBeCloseTo(0.5, 9);
    expect(oe.usedText).toMatch(/^0\.5 work steps per case on average \(a step on a branch counts by the share of cases that take it\)$/);
  });

  it('measures over-building, not size (issue 10)', () => {
    // Size alone, with no stated task and nothing redundant, is not over-engineering.
    expect(overEngineering(12, undefined, { workNodes: 12, normalWorkNodes: 12, judgement: 4 }).band).toBe('proportionate');
    // The minimal design: read a sheet, one LLM call, send; with a stated 5-minute task it needs 1 step and uses
    // 3, but two of them are the task's own input and output, not judgement.
    const minimal = new Builder().add('trigger', 't').add('tool', 'read', { label: 'Read rows' }).add('ai', 'llm', { label: 'Draft message' }).add('tool', 'send', { label: 'Send message' }).add('output', 'o').chain('t', 'read', 'llm', 'send', 'o').profile({ effortMinutes: 5, risk: 'low' }).build();
    expect(analyze(minimal).overEngineering).toMatchObject({ used: 3, judgement: 1, surplus: 0, band: 'proportionate' });
    // An article converted to HTML twice by two LLM steps (data steps between them do not hide it): surplus.
    const twice = new Builder().add('trigger', 't').add('ai', 'html1', { label: 'Convert article to HTML' }).add('join', 'j', { config: { mode: 'any' } }).add('ai', 'html2', { label: 'Convert draft to HTML' }).add('tool', 'post', { label: 'Publish page' }).add('output', 'o').chain('t', 'html1', 'j', 'html2', 'post', 'o').build();
    expect(analyze(twice).overEngineering).toMatchObject({ surplus: 1, band: 'over-engineered' });
    // The spec's over-built simple task (3 AI steps, 2 automation layers, a gate; 5 minutes) stays over-engineered.
    const spec = new Builder().add('trigger', 't').add('tool', 'l1', { config: { type: 'automation' } }).add('ai', 'a').add('tool', 'z').add('ai', 'b', { config: { capability: 'extractor' } }).add('ai', 'c', { config: { capability: 'classifier' } }).add('check', 'g').add('tool', 'l2', { config: { type: 'subworkflow' } }).add('output', 'o').add('output', 'x', { config: { type: 'discard', outcome: 'rejected' } }).chain('t', 'l1', 'a', 'z', 'b', 'c', 'g', 'l2', 'o').link('g', 'x', { sourcePort: 'fail' }).profile({ effortMinutes: 5, risk: 'low' }).build();
    expect(analyze(spec).overEngineering.band).toBe('over-engineered');
  });

  it('a new deliverable, a map and reduce, or a sub-workflow per item is not surplus (issue 10, corpus review)', () => {
    // Corpus 1327: an article, then a title written from it; both are posted (the post reads both: lineage).
    const titled = new Builder().add('trigger', 't').add('ai', 'article', { label: 'Write article', reads: ['t'] }).add('ai', 'title', { label: 'Write title for article', reads: ['article'] })
      .add('tool', 'post', { label: 'Create post', reads: ['article', 'title'] }).add('output', 'o').chain('t', 'article', 'title', 'post', 'o').build();
    expect(analyze(titled).overEngineering).toMatchObject({ surplus: 0, band: 'proportionate' });
    // Corpus 0759: a sub-workflow per call in a for-each, then one sub-workflow over all calls: decomposition.
    const perCall = new Builder().add('trigger', 't').add('loop', 'each').add('tool', 'one', { label: 'Process transcript', config: { type: 'subworkflow' } })
      .add('tool', 'all', { label: 'Process all transcripts', config: { type: 'subworkflow' } }).add('output', 'o')
      .link('t', 'each').link('each', 'one', { sourcePort: 'each' }).link('one', 'each').link('each', 'all', { sourcePort: 'done' }).chain('all', 'o').build();
    expect(analyze(perCall).overEngineering).toMatchObject({ surplus: 0, band: 'proportionate' });
    // The same two layers one after the other with nothing between: a wrapper, surplus.
    const wrapped = new Builder().add('trigger', 't').add('tool', 'one', { label: 'Run scenario', config: { type: 'automation' } })
      .add('tool', 'all', { label: 'Run sub-workflow', config: { type: 'subworkflow' } }).add('output', 'o').chain('t', 'one', 'all', 'o').build();
    expect(analyze(wrapped).overEngineering.surplusSteps).toEqual([{ nodeId: 'one', reason: 'wrapper-layer' }]);
  });
});
