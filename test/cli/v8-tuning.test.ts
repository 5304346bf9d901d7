/**
 * The cold-start tuning of `baton simulate` applies to short runs only: the planned work is counted as cases x
 * replications x timed nodes, and above SHORT_RUN_ACTIVITIES V8 is left as it is.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importWorkflow } from '../../src/interop/import.ts';
import { plannedActivities, SHORT_RUN_ACTIVITIES, tuneForShortRun } from '../../src/cli/v8-tuning.ts';

function load(model: string) {
  const r = importWorkflow(readFileSync(new URL(`../../bench/peers/models/${model}.baton.json`, import.meta.url)));
  if (!r.ok) throw new Error(`${model}: not a workflow`);
  return r.doc;
}

describe('short-run tuning', () => {
  it('counts only the nodes that take simulated time', () => {
    // A: one human gate; C: 30 gates and 20 tools among routers, joins, a trigger and an output.
    expect(plannedActivities(load('A'), 20_000, 1)).toBe(20_000);
    expect(plannedActivities(load('C'), 10_000, 1)).toBe(500_000);
    expect(plannedActivities(load('C'), 1000, 10)).toBe(500_000);
    expect(plannedActivities({ nodes: [] }, 5, 2)).toBe(10);
  });

  it('applies to the bench models as the bench runs them, not to long runs', () => {
    expect(tuneForShortRun(plannedActivities(load('C'), 10_000, 1))).toBe(true);
    expect(tuneForShortRun(SHORT_RUN_ACTIVITIES)).toBe(true);
    expect(tuneForShortRun(plannedActivities(load('C'), 40_000, 1))).toBe(false);
    expect(tuneForShortRun(SHORT_RUN_ACTIVITIES + 1)).toBe(false);
  });
});
