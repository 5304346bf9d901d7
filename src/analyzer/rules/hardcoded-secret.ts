import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'hardcoded-secret',
  meta: { description: 'A secret typed into a step\'s settings travels with every copy of the workflow and cannot be rotated in one place.', docs: 'docs/rules/hardcoded-secret.md', category: 'safety' },
  defaultSeverity: 'error',
  options: {
    /** A placeholder ("<YOUR_API_KEY>") is a secret waiting to be typed in: report it, as a warning. */
    reportPlaceholders: true,
  },
  check({ graph, options }, report) {
    for (const n of graph.nodes) {
      const secrets = n.inlineSecrets ?? [];
      const real = secrets.filter((s) => s.placeholder !== true);
      const placeholders = secrets.filter((s) => s.placeholder === true);
      const where = (list: typeof secrets): string => list.map((s) => `"${s.parameter}"`).join(', ');
      if (real.length > 0) {
        report({
          message: `${nameOf(n)} has a secret typed into its settings (${where(real)}): anyone with the workflow file has it.`,
          nodeIds: [n.id],
          fix: 'Move it into a credential (or an environment variable) and revoke the exposed one.',
          evidence: { secrets: real.length },
        });
      }
      if (placeholders.length > 0 && options.reportPlaceholders) {
        report({
          severity: 'warning',
          message: `${nameOf(n)} expects a secret typed into its settings (${where(placeholders)} is a placeholder): the real one would travel with every copy of the workflow.`,
          nodeIds: [n.id],
          fix: 'Use a credential for it instead of a field of the step.',
          evidence: { placeholders: placeholders.length },
        });
      }
    }
  },
});
