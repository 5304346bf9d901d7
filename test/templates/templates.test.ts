import { describe, expect, it } from 'vitest';
import { buildAdjacency, workflowSchema, type Adjacency, type Workflow, type WorkflowNode } from '../../src/domain/index.ts';
import { getTemplate, TEMPLATES } from '../../src/templates/index.ts';
import { nodeSize } from '../../src/ui/canvas/node-appearance.ts';

/** Space between two nodes side by side, for an edge's caption (20 px between rows). */
const MIN_GAP = 80;

/** Ids reachable from `starts` following edges forward (or backward when `reverse`). */
function reach(adj: Adjacency, starts: readonly string[], reverse = false): Set<string> {
  const seen = new Set<string>(starts);
  const stack = [...starts];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    const edges = (reverse ? adj.incoming : adj.outgoing).get(id) ?? [];
    for (const e of edges) {
      const next = reverse ? e.source : e.target;
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

function graphNodes(doc: Workflow): WorkflowNode[] {
  return doc.nodes.filter((n) => n.kind !== 'note');
}

function hasStub(n: WorkflowNode): boolean {
  return (n.kind === 'ai' || n.kind === 'tool' || n.kind === 'human' || n.kind === 'check') && n.stub !== undefined;
}

const WORK_KINDS = new Set(['ai', 'tool', 'human', 'check']);

describe('templates gallery', () => {
  it('has at least the nine templates, with unique ids that getTemplate finds', () => {
    expect(TEMPLATES.length).toBeGreaterThanOrEqual(9);
    const ids = TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of TEMPLATES) expect(getTemplate(t.id)).toBe(t);
    expect(getTemplate('no-such-template')).toBeUndefined();
  });

  it('marks exactly the over-engineered template, with a profile that says the task is simple', () => {
    const over = TEMPLATES.filter((t) => t.overEngineered === true);
    expect(over).toHaveLength(1);
    const t = over[0];
    expect(t?.name).toMatch(/over-engineered/i);
    expect(t?.doc.profile).toMatchObject({ effortMinutes: 5, risk: 'low', outputs: 1, inputModalities: 1 });
    const nodes = t?.doc.nodes ?? [];
    expect(nodes.filter((n) => n.kind === 'ai')).toHaveLength(3);
    expect(nodes.filter((n) => n.kind === 'tool' && (n.config.type === 'automation' || n.config.type === 'subworkflow'))).toHaveLength(2);
    expect(nodes.filter((n) => n.kind === 'human' && n.config.type === 'approval')).toHaveLength(1);
  });
});

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('template %s', (_id, t) => {
  const doc = t.doc;
  const adj = buildAdjacency(doc);
  const nodes = graphNodes(doc);

  it('parses with workflowSchema without issues', () => {
    const result = workflowSchema.safeParse(doc);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('describes itself: id matches, situation and summary written, profile complete', () => {
    expect(doc.id).toBe(t.id);
    expect(t.situation.length).toBeGreaterThan(200);
    expect(t.summary.length).toBeGreaterThan(20);
    expect(t.tags.length).toBeGreaterThan(0);
    for (const key of ['effortMinutes', 'risk', 'runsPerDay', 'slaSeconds', 'budgetPerRun', 'outputs', 'inputModalities'] as const) {
      expect(doc.profile?.[key], key).toBeDefined();
    }
  });

  it('gives every ai/tool/human/check node a stub, and every ai/tool node a purpose and a policy', () => {
    for (const n of nodes) {
      if (WORK_KINDS.has(n.kind)) expect(hasStub(n), n.id).toBe(true);
      if (n.kind === 'ai' || n.kind === 'tool') {
        expect(n.config.purpose?.length ?? 0, n.id).toBeGreaterThan(10);
        expect(n.policy?.timeouts?.startToCloseSeconds, n.id).toBeDefined();
      }
    }
  });

  it('has a scenario with a fault and a hypothesis', () => {
    const s = doc.scenarios?.find((x) => (x.faults?.length ?? 0) > 0 && (x.hypothesis?.length ?? 0) > 0);
    expect(s).toBeDefined();
  });

  it('has unique labels', () => {
    const labels = nodes.map((n) => n.label);
    expect(labels.every((l) => l.trim().length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it('has an alert output for handled failures', () => {
    expect(nodes.some((n) => n.kind === 'output' && n.config.type === 'alert' && n.config.outcome === 'error')).toBe(true);
  });

  it('lays nodes out without overlaps', () => {
    for (let i = 0; i < doc.nodes.length; i++) {
      for (let j = i + 1; j < doc.nodes.length; j++) {
        const a = doc.nodes[i];
        const b = doc.nodes[j];
        if (!a || !b) continue;
        // Drawn sizes (the canvas's), with a gap for edge captions between columns.
        const [left, right] = a.position.x <= b.position.x ? [a, b] : [b, a];
        const [top, bottom] = a.position.y <= b.position.y ? [a, b] : [b, a];
        const overlap = right.position.x < left.position.x + nodeSize(left).width + MIN_GAP && bottom.position.y < top.position.y + nodeSize(top).height + MIN_GAP / 4;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });

  it('reaches every node from a trigger, and an output from every non-output node', () => {
    const triggers = nodes.filter((n) => n.kind === 'trigger').map((n) => n.id);
    const outputs = nodes.filter((n) => n.kind === 'output').map((n) => n.id);
    expect(triggers.length).toBeGreaterThan(0);
    const fromTrigger = reach(adj, triggers);
    const toOutput = reach(adj, outputs, true);
    for (const n of nodes) {
      expect(fromTrigger.has(n.id), `${n.id} unreachable`).toBe(true);
      if (n.kind !== 'output') expect(toOutput.has(n.id), `${n.id} reaches no output`).toBe(true);
    }
  });

  it('handles every failure port of ai/tool/check/human nodes', () => {
    for (const n of nodes) {
      const ports = new Set((adj.outgoing.get(n.id) ?? []).map((e) => e.sourcePort));
      if (n.kind === 'ai' || n.kind === 'tool') expect([n.id, ports.has('out'), ports.has('error')]).toEqual([n.id, true, true]);
      if (n.kind === 'check') expect([n.id, ports.has('pass'), ports.has('fail')]).toEqual([n.id, true, true]);
      if (n.kind === 'human') {
        expect([n.id, ports.has('approve'), ports.has('reject')]).toEqual([n.id, true, true]);
        // A gate with an SLA must say where a case goes when the SLA passes.
        if (n.config.slaSeconds !== undefined) expect([n.id, ports.has('timeout')]).toEqual([n.id, true]);
        // Reviewers who may send an item back need somewhere to send it.
        if ((n.stub?.outcomes.revise ?? 0) > 0) expect([n.id, ports.has('revise')]).toEqual([n.id, true]);
      }
    }
  });

  it('gives each branch out of an exclusive router a condition, probability or default, and exactly one default', () => {
    for (const n of nodes) {
      if (n.kind !== 'router' || n.config.mode !== 'exclusive') continue;
      const out = adj.outgoing.get(n.id) ?? [];
      expect(out.length, n.id).toBeGreaterThanOrEqual(2);
      for (const e of out) expect(e.condition !== undefined || e.probability !== undefined || e.isDefault === true, e.id).toBe(true);
      expect(out.filter((e) => e.isDefault === true), n.id).toHaveLength(1);
      const weights = out.reduce((s, e) => s + (e.probability ?? 0), 0);
      expect(weights, n.id).toBeLessThan(1);
    }
  });

  it('retries only where a repeat is safe (no retry on a non-idempotent side effect)', () => {
    for (const n of nodes) {
      if (n.kind !== 'tool' || n.config.sideEffect === 'none' || n.config.idempotent) continue;
      expect(n.policy?.retry ?? [], n.id).toEqual([]);
    }
  });
});
