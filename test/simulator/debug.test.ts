import { describe, expect, it } from 'vitest';
import { createDebugRun, type DebugEvent } from '../../src/simulator/debug.ts';
import { edge, fixed, human, output, router, tool, trigger, workflow } from './helpers.ts';

const retryPolicy = { retry: [{ errorEquals: ['rate_limited' as const], maximumAttempts: 3, initialIntervalSeconds: 1, jitter: 'none' as const }] };
const doc = workflow(
  [trigger(), tool('a', { ok: 1 }, { latency: fixed(2), policy: retryPolicy }), router('r'), human('h', { service: fixed(30) }), output('o'), output('x', 'rejected')],
  [edge('t', 'a', { id: 'ta' }), edge('a', 'r', { id: 'ar' }), edge('r', 'h', { id: 'rh', probability: 0.5 }), edge('r', 'x', { id: 'rx', probability: 0.5 }), edge('h:approve', 'o', { id: 'ho' })],
);

function drain(run: ReturnType<typeof createDebugRun>): DebugEvent[] {
  const out: DebugEvent[] = [];
  for (let e = run.step(); e; e = run.step()) out.push(e);
  return out;
}

describe('debug run', () => {
  it('steps one case event by event, with node statuses and the active edge', () => {
    const run = createDebugRun(doc, undefined, 1);
    run.forceBranch('r', 'rh');
    const first = run.step();
    expect(first).toMatchObject({ type: 'arrive', nodeId: 't', time: 0, caseId: 0 });
    const types: string[] = [];
    for (let e = run.step(); e && !(e.type === 'start' && e.nodeId === 'h'); e = run.step()) types.push(`${e.type}:${e.nodeId ?? ''}`);
    expect(types).toEqual(['route:t', 'arrive:a', 'start:a', 'ok:a', 'route:a', 'arrive:r', 'decision:r', 'route:r', 'arrive:h', 'queued:h']);
    const s = run.state();
    expect(s.nodes).toMatchObject({ t: 'passed', a: 'passed', r: 'passed', h: 'running', o: 'idle' });
    expect(s.activeEdges).toEqual(['rh']);
    expect(s.time).toBe(2);
    const rest = drain(run);
    expect(rest.at(-1)).toMatchObject({ type: 'end', nodeId: null, detail: { outcome: 'success' } });
    expect(run.state().done).toBe(true);
  });

  it('injected faults and breakpoints on conditions and nodes', () => {
    const run = createDebugRun(doc, undefined, 1, { cases: 3 });
    run.injectFault({ target: { node: 'a' }, error: 'rate_limited' });
    run.setBreakpoints({ nodes: ['o'], conditions: ['first-rate-limited', 'case-failed'] });
    const hit = run.runUntilBreak(1000);
    expect(hit).toMatchObject({ reason: 'condition', condition: 'first-rate-limited', event: { type: 'fail', nodeId: 'a' } });
    expect(run.state().nodes.a).toBe('retrying');
    const next = run.runUntilBreak(1000);
    expect(next).toMatchObject({ reason: 'condition', condition: 'case-failed' });
    expect(run.state().nodes.a).toBe('failed');
  });

  it('checkpoint and restore replay the same events', () => {
    const run = createDebugRun(doc, undefined, 3, { cases: 5 });
    for (let i = 0; i < 12; i++) run.step();
    const cp = JSON.parse(JSON.stringify(run.checkpoint()));
    const tail = drain(run);
    run.restore(cp);
    expect(drain(run)).toEqual(tail);
    expect(() => run.forceBranch('r', 'ta')).toThrow(/does not leave/);
  });
});
