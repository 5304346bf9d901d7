import { describe, expect, it } from 'vitest';
import { changedPaths, createNode, createWorkflow, diffWorkflows, isEmptyDiff, type Workflow } from '../../src/domain/index.ts';

function base(): Workflow {
  return {
    ...createWorkflow({ id: 'wf', name: 'Claims', now: '2026-01-01T00:00:00Z' }),
    profile: { risk: 'medium', runsPerDay: 100 },
    nodes: [
      createNode('trigger', { id: 't', position: { x: 0, y: 0 } }),
      createNode('ai', { id: 'a', position: { x: 200, y: 0 } }),
      createNode('output', { id: 'o', position: { x: 400, y: 0 } }),
    ],
    edges: [
      { id: 'e1', source: 't', sourcePort: 'out', target: 'a' },
      { id: 'e2', source: 'a', sourcePort: 'out', target: 'o' },
    ],
    scenarios: [{ id: 's1', name: 'Peak', seed: 1, cases: 100 }],
  };
}

/** Structured copy, then apply an edit: the diff must see only what the edit did. */
function edited(edit: (doc: Workflow) => void): Workflow {
  const doc = structuredClone(base());
  edit(doc);
  return doc;
}

function ai(doc: Workflow) {
  const n = doc.nodes.find((x) => x.id === 'a');
  if (n?.kind !== 'ai') throw new Error('fixture has no ai node');
  return n;
}

describe('diffWorkflows', () => {
  it('finds nothing between a document and its copy, whatever meta says', () => {
    const d = diffWorkflows(base(), edited((doc) => (doc.meta = { updatedAt: '2030-01-01T00:00:00Z' })));
    expect(isEmptyDiff(d)).toBe(true);
  });

  it('reports changed nodes with the paths of the fields that changed', () => {
    const d = diffWorkflows(
      base(),
      edited((doc) => {
        const n = ai(doc);
        n.config.capability = 'classifier';
        if (!n.stub) throw new Error('default ai node has a stub');
        n.stub.outcomes = { ...n.stub.outcomes, ok: 0.9, wrong: 0.07 };
      }),
    );
    expect(d.nodes.changed).toEqual([{ id: 'a', paths: ['config.capability', 'stub.outcomes.ok', 'stub.outcomes.wrong'] }]);
    expect(d.nodes.moved).toEqual([]);
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('keeps position-only changes as moved, apart from content changes', () => {
    const moved = diffWorkflows(base(), edited((doc) => (ai(doc).position = { x: 250, y: 30 })));
    expect(moved.nodes.moved).toEqual(['a']);
    expect(moved.nodes.changed).toEqual([]);
    const both = diffWorkflows(
      base(),
      edited((doc) => {
        ai(doc).position.x = 999;
        ai(doc).label = 'Extract';
      }),
    );
    expect(both.nodes.moved).toEqual(['a']);
    expect(both.nodes.changed).toEqual([{ id: 'a', paths: ['label'] }]);
  });

  it('reports array elements by index and fields present on one side only', () => {
    const d = diffWorkflows(
      base(),
      edited((doc) => {
        const n = ai(doc);
        const [first] = n.policy?.retry ?? [];
        if (!first || !n.policy) throw new Error('default ai node has a retrier');
        n.policy.retry = [{ ...first, maximumAttempts: 5 }, first];
        n.description = 'new';
      }),
    );
    expect(d.nodes.changed).toEqual([{ id: 'a', paths: ['description', 'policy.retry[0].maximumAttempts', 'policy.retry[1]'] }]);
  });

  it('matches nodes, edges and scenarios by id: added, removed, and reordering is not a change', () => {
    const d = diffWorkflows(
      base(),
      edited((doc) => {
        doc.nodes.reverse();
        doc.nodes = doc.nodes.filter((n) => n.id !== 'o');
        doc.nodes.push(createNode('human', { id: 'h', position: { x: 400, y: 0 } }));
        doc.edges = [
          { id: 'e1', source: 't', sourcePort: 'out', target: 'a', label: 'start' },
          { id: 'e3', source: 'a', sourcePort: 'out', target: 'h' },
        ];
        doc.scenarios = [{ id: 's2', name: 'Outage', seed: 2, cases: 10 }];
      }),
    );
    expect(d.nodes).toEqual({ added: ['h'], removed: ['o'], changed: [], moved: [] });
    expect(d.edges).toEqual({ added: ['e3'], removed: ['e2'], changed: [{ id: 'e1', paths: ['label'] }] });
    expect(d.scenarios).toEqual({ added: ['s2'], removed: ['s1'], changed: [] });
  });

  it('reports scenario changes and document-level fields (name, profile, description)', () => {
    const d = diffWorkflows(
      base(),
      edited((doc) => {
        doc.name = 'Claims v2';
        doc.description = 'now with review';
        doc.profile = { risk: 'high', runsPerDay: 100 };
        const s = doc.scenarios?.[0];
        if (s) s.cases = 500;
      }),
    );
    expect(d.fields).toEqual(['description', 'name', 'profile.risk']);
    expect(d.scenarios.changed).toEqual([{ id: 's1', paths: ['cases'] }]);
    // A document without scenarios compares as an empty list, not as a missing field.
    const none = diffWorkflows(base(), edited((doc) => delete doc.scenarios));
    expect(none.scenarios.removed).toEqual(['s1']);
    expect(none.fields).toEqual([]);
  });

  it('reports a node whose kind changed under the same id as changed, kind included', () => {
    const d = diffWorkflows(base(), edited((doc) => (doc.nodes[1] = createNode('tool', { id: 'a', position: { x: 200, y: 0 } }))));
    const paths = d.nodes.changed[0]?.paths ?? [];
    expect(paths).toContain('kind');
    expect(paths).toContain('config.capability');
    expect(paths).toContain('config.sideEffect');
  });

  it('changedPaths names a root replacement "$" and is symmetric in the paths it reports', () => {
    expect(changedPaths(1, 2)).toEqual(['$']);
    const a = { x: { y: 1 }, z: [1, 2] };
    const b = { x: { y: 2 }, z: [1], w: true };
    expect(changedPaths(a, b)).toEqual(changedPaths(b, a));
    expect(changedPaths(a, b)).toEqual(['w', 'x.y', 'z[1]']);
  });
});
