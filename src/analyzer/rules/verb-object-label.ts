import { defineRule } from '../define-rule.ts';
import { listOption, nameOf } from '../rule-helpers.ts';

/** Word endings that mark a noun ("extraction", "classifier", "processing"), not an imperative verb. */
const NOUN_ENDINGS = 'tion,sion,ment,ness,ity,er,or,ing,ance,ence,ure,ist';
/** Common first words of labels that are not verbs. */
const NOT_VERBS = 'the,a,an,ai,llm,gpt,tool,step,node,data,new,final,main,quality,human,manual,auto,email,invoice,ticket,document';

export default defineRule({
  id: 'verb-object-label',
  meta: { description: 'Work-step labels read best as "verb object" (7PMG G6): "Extract invoice fields", not "Invoice extractor".', docs: 'docs/rules/verb-object-label.md', category: 'naming' },
  defaultSeverity: 'info',
  options: { minWords: 2, nounEndings: NOUN_ENDINGS, notVerbs: NOT_VERBS },
  check({ graph, options }, report) {
    const endings = listOption(options.nounEndings);
    const notVerbs = new Set(listOption(options.notVerbs));
    for (const n of graph.workNodes) {
      const words = n.label.trim().split(/\s+/).filter((w) => w.length > 0);
      if (words.length === 0) continue; // label-required
      const first = words[0]!.toLowerCase().replace(/[^a-z-]/g, '');
      const looksLikeVerb = !notVerbs.has(first) && !endings.some((e) => first.endsWith(e));
      if (words.length >= options.minWords && looksLikeVerb) continue;
      report({ message: `${nameOf(n)} does not read as "verb object".`, nodeIds: [n.id], fix: 'Start with what the step does: "Classify ticket", "Send reminder", "Approve refund".' });
    }
  },
});
