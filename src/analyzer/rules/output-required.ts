import { defineRule } from '../define-rule.ts';

export default defineRule({
  id: 'output-required',
  meta: { description: 'A workflow needs an output: without one no case can finish.', docs: 'docs/rules/output-required.md', category: 'structure' },
  defaultSeverity: 'error',
  options: {},
  check({ graph }, report) {
    if (graph.outputs.length === 0 && graph.size > 0) {
      report({ message: 'The workflow has no output, so no case can finish.', fix: 'Add an Output where the result is delivered and connect the last step to it.' });
    }
  },
});
