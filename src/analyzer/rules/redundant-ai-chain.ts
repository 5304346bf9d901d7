import { defineRule } from '../define-rule.ts';
import { isFormatConversion, redundantAiPairs, type RedundantPair } from '../overbuilding.ts';
import { nameOf } from '../rule-helpers.ts';

/** What the finding says, by why the pair is one job done twice (overbuilding.ts, `redundancy`). */
function explain({ first, second, kind }: RedundantPair): { message: string; fix: string } {
  const a = nameOf(first);
  const b = nameOf(second);
  if (kind === 'same-input') {
    return {
      message: `${a} and ${b} read the same input in turn, each for its own fields: one ${first.config.capability} step with one structured output returns both.`,
      fix: 'Ask one step for all the fields (one output contract); keep two only if measurements show one fails.',
    };
  }
  if (kind === 'conversion') {
    const converter = isFormatConversion(second) ? second : first;
    return {
      message: `${nameOf(converter)} has a language model change the format of ${converter === second ? `what ${a} wrote` : `the input before ${b}`}: another ${first.config.capability} run for content that is already there.`,
      fix: converter === second ? `Ask ${a} for the final format, or convert it in a data step.` : `Give ${b} the input as it is, or convert it in a data step.`,
    };
  }
  return {
    message: `${a} only feeds ${b}, another ${first.config.capability} step, and nothing else uses its result.`,
    fix: 'Try one step with a prompt that does both; keep two only if measurements show one fails.',
  };
}

export default defineRule({
  id: 'redundant-ai-chain',
  meta: { description: 'AI steps of the same capability where the second does the first one\'s job again are usually one prompt split in two.', docs: 'docs/rules/redundant-ai-chain.md', category: 'over-engineering' },
  defaultSeverity: 'info',
  options: {},
  check({ graph }, report) {
    // Through plumbing: "draft -> set fields -> polish" is the same split prompt as "draft -> polish". A second
    // step that makes a new deliverable (a title for the article, research from the queries) is not reported.
    for (const pair of redundantAiPairs(graph)) report({ ...explain(pair), nodeIds: [pair.first.id, pair.second.id] });
  },
});
