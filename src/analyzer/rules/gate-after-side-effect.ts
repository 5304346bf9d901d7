import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'gate-after-side-effect',
  meta: { description: 'An approval or check that comes after the irreversible action it should have guarded.', docs: 'docs/rules/gate-after-side-effect.md', category: 'human' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    const irreversible = graph.workNodes.filter((n) => n.kind === 'tool' && n.config.sideEffect === 'irreversible');
    if (irreversible.length === 0) return;
    // Gates that still guard something: they reach an irreversible step (backward search from those steps).
    const guards = new Set<string>();
    const back = irreversible.map((n) => n.id);
    const seenBack = new Set(back);
    while (back.length > 0) {
      const id = back.pop()!;
      for (const e of graph.inEdges(id)) {
        if (!seenBack.has(e.source)) {
          seenBack.add(e.source);
          guards.add(e.source);
          back.push(e.source);
        }
      }
    }
    // Forward from each irreversible step (first origin wins, so the search is linear).
    const origin = new Map<string, string>();
    const queue: string[] = [];
    for (const n of irreversible) {
      origin.set(n.id, n.id);
      queue.push(n.id);
    }
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      for (const t of graph.successorIds(id)) {
        if (origin.has(t)) continue;
        origin.set(t, origin.get(id)!);
        queue.push(t);
        const node = graph.node(graph.indexOf(t));
        if ((node.kind === 'check' || (node.kind === 'human' && node.config.type === 'approval')) && !guards.has(t)) {
          const effect = graph.node(graph.indexOf(origin.get(id)!));
          report({ message: `${nameOf(node)} comes after the irreversible step ${nameOf(effect)} and guards nothing after it.`, nodeIds: [effect.id, node.id], fix: 'Move the check or approval before the irreversible step.' });
        }
      }
    }
  },
});
