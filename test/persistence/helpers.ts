/** Shared test helpers for persistence: valid workflows of any size and isolated fake IndexedDB factories. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { createNode, createWorkflow, type Workflow, type WorkflowEdge, type WorkflowNode } from '../../src/domain/index.ts';
import type { IndexedDbEnvironment } from '../../src/persistence/db.ts';

/**
 * A valid chain trigger -> (n - 2) alternating AI / tool steps -> output, laid out left to right.
 * Every step is a full default node (stubs, policies), so sizes resemble real designs.
 */
export function chainWorkflow(n: number, name = `Chain of ${n}`): Workflow {
  const nodes: WorkflowNode[] = [];
  const edges: WorkflowEdge[] = [];
  for (let i = 0; i < n; i++) {
    const position = { x: i * 220, y: (i % 5) * 40 };
    const kind = i === 0 ? 'trigger' : i === n - 1 ? 'output' : i % 2 === 1 ? 'ai' : 'tool';
    nodes.push(createNode(kind, { id: `n${i}`, position }));
    if (i > 0) edges.push({ id: `e${i}`, source: `n${i - 1}`, sourcePort: 'out', target: `n${i}` });
  }
  return { ...createWorkflow({ id: 'wf_test', name, now: '2026-01-01T00:00:00.000Z' }), nodes, edges };
}

/** A fresh, empty IndexedDB per call, so tests never share databases. */
export function freshIndexedDb(): IndexedDbEnvironment {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/** A clock the test moves by hand. */
export function manualClock(start = 1_700_000_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => (t += ms) };
}

/** Ids d_1, d_2... in call order per prefix: readable failures, deterministic ordering. */
export function sequentialIds(): (prefix: string) => string {
  const counters = new Map<string, number>();
  return (prefix) => {
    const next = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, next);
    return `${prefix}_${next}`;
  };
}
