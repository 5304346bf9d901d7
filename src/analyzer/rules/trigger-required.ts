import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'trigger-required',
  meta: { description: 'A workflow needs a trigger: without one no case ever starts.', docs: 'docs/rules/trigger-required.md', category: 'structure' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    if (graph.triggers.length === 0 && graph.size > 0) {
      report({ message: 'The workflow has no trigger, so no case can start.', fix: 'Add a Trigger and connect it to the first step.' });
    }
  },
});
