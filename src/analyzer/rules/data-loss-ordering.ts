import type { ToolNode, WorkflowNode } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { labelWords } from '../label-words.ts';
import { nameOf } from '../rule-helpers.ts';

/** What a step says it does: the source tool's operation when the importer kept it, else its label ("Delete old rows"). */
const doing = (n: ToolNode): string => (n.config.operation ?? n.label).toLowerCase().replace(/[\s_-]+/g, '');

const DELETES = /^(delete|remove|clear|purge|truncate|drop|destroy|erase|wipe)/;
const WRITES = /^(create|insert|add|append|upsert|upload|write|put|post|save|store|index|update|set|replace|load|import)/;
/** Taking an item off the source's queue: once done, the source will not hand it over again. */
const ACKNOWLEDGES = /^(markasread|markread|markseen|archive|ack|acknowledge|movetotrash|trash|dequeue|deletemessage)/;

/** Words that say nothing about which data a step touches. */
const NOISE = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'into', 'from', 'for', 'on', 'and', 'or', 'with', 'all', 'old', 'new', 'existing', 'data', 'item', 'items', 'record', 'records', 'row', 'rows', 'as', 'by', 'it', 'them']);

/** The words of a step's label and purpose that name what it touches (verbs of the regexes above left out). */
function objectWords(n: ToolNode): Set<string> {
  const words = labelWords(`${n.label} ${n.config.purpose ?? ''}`).filter((w) => !NOISE.has(w) && !DELETES.test(w) && !WRITES.test(w));
  return new Set(words);
}

const canFail = (n: WorkflowNode): boolean => n.kind === 'ai' || n.kind === 'tool';

export default defineRule({
  id: 'data-loss-ordering',
  meta: { description: 'Steps in an order that loses data when a later step fails: delete before the new data is written, acknowledge before the work is done.', docs: 'docs/rules/data-loss-ordering.md', category: 'fragility' },
  defaultSeverity: 'warning',
  options: {},
  check({ graph }, report) {
    const failure = graph.failureEdge();
    /** Nodes after `id` on the normal path (not through failure ports), in breadth-first order. */
    const after = (id: string): WorkflowNode[] => {
      const seen = new Set([id]);
      const out: WorkflowNode[] = [];
      const queue = [graph.indexOf(id)];
      for (let head = 0; head < queue.length; head++) {
        const v = queue[head]!;
        for (let j = graph.succ.offsets[v]!; j < graph.succ.offsets[v + 1]!; j++) {
          if (failure[graph.succ.edgeIndex[j]!] === 1) continue;
          const w = graph.succ.targets[j]!;
          const n = graph.node(w);
          if (seen.has(n.id)) continue;
          seen.add(n.id);
          out.push(n);
          queue.push(w);
        }
      }
      return out;
    };
    for (const n of graph.workNodes) {
      if (n.kind !== 'tool' || n.config.sideEffect === 'none') continue;
      const op = doing(n);
      if (ACKNOWLEDGES.test(op)) {
        const risky = after(n.id).filter(canFail);
        if (risky.length === 0) continue;
        const names = risky.slice(0, 2).map(nameOf).join(' and ');
        report({
          message: `${nameOf(n)} takes the item off its source before ${names}${risky.length > 2 ? ` and ${risky.length - 2} more` : ''}: if one of them fails, the item is not delivered again and its work is lost.`,
          nodeIds: [n.id, ...risky.slice(0, 2).map((r) => r.id)],
          fix: 'Acknowledge (mark as read, archive, delete the message) as the last step, after the work has succeeded.',
        });
      } else if (DELETES.test(op)) {
        const touched = objectWords(n);
        const rewrite = after(n.id).find((t): t is ToolNode => t.kind === 'tool' && t.config.sideEffect !== 'none' && WRITES.test(doing(t)) && [...objectWords(t)].some((w) => touched.has(w)));
        if (!rewrite) continue;
        report({
          message: `${nameOf(n)} deletes before ${nameOf(rewrite)} writes the new data: if anything in between fails, the old data is gone and the new is not there.`,
          nodeIds: [n.id, rewrite.id],
          fix: 'Write the new data first (or to a new version), then delete the old; or make the pair one transaction.',
        });
      }
    }
  },
});
