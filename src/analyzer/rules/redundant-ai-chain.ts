import { defineRule } from '../define-rule.ts';
import { redundantAiPairs } from '../overbuilding.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'redundant-ai-chain',
  meta: { description: 'AI steps of the same capability feeding only each other are usually one prompt split in two.', docs: 'docs/rules/redundant-ai-chain.md', category: 'over-engineering' },
  defaultSeverity: 'info',
  options: {},
  check({ graph }, report) {
    // Through plumbing: "draft -> set fields -> polish" is the same split prompt as "draft -> polish".
    for (const [first, second] of redundantAiPairs(graph)) {
      report({ message: `${nameOf(first)} only feeds ${nameOf(second)}, another ${first.config.capability} step.`, nodeIds: [first.id, second.id], fix: 'Try one step with a prompt that does both; keep two only if measurements show one fails.' });
    }
  },
});
