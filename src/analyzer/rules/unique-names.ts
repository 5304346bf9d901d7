import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'unique-names',
  meta: { description: 'Two steps with the same label are easy to confuse in reviews, logs and reports.', docs: 'docs/rules/unique-names.md', category: 'structure' },
  defaultSeverity: 'warning',
  options: {},
  check({ graph }, report) {
    const byLabel = new Map<string, string[]>();
    for (const n of graph.workNodes) {
      const key = n.label.trim().toLowerCase();
      if (key.length === 0) continue;
      const list = byLabel.get(key);
      if (list) list.push(n.id);
      else byLabel.set(key, [n.id]);
    }
    for (const [label, ids] of byLabel) {
      if (ids.length < 2) continue;
      report({ message: `${ids.length} steps are called "${label}".`, nodeIds: ids, fix: 'Name each step after what it does, so the names differ.', evidence: { count: ids.length } });
    }
  },
});
