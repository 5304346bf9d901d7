import { defineRule } from '../define-rule.ts';
import { isToolNameOnly, NODE_TYPE_WORDS, NOT_VERBS, NOUN_ENDINGS, TOOL_NAMES, toolNames, VERBS_LIKE_NOUNS, withoutToolPrefix, wordSet } from '../label-words.ts';
import { listOption, nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'verb-object-label',
  meta: { description: 'Work-step labels read best as "verb object" (7PMG G6): "Extract invoice fields", not "Invoice extractor".', docs: 'docs/rules/verb-object-label.md', category: 'naming' },
  defaultSeverity: 'info',
  options: { minWords: 2, nounEndings: NOUN_ENDINGS, notVerbs: NOT_VERBS, verbs: VERBS_LIKE_NOUNS },
  check({ graph, options }, report) {
    const endings = listOption(options.nounEndings);
    const notVerbs = wordSet(options.notVerbs);
    const verbs = wordSet(options.verbs);
    const tools = toolNames(TOOL_NAMES);
    const typeWords = wordSet(NODE_TYPE_WORDS);
    for (const n of graph.workNodes) {
      if (n.label.trim().length === 0) continue; // label-required
      // A label that is only a tool's name ("Google Sheets1", "HTTP Request") is tool-centric-design's finding.
      if (isToolNameOnly(n.label, tools, typeWords)) continue;
      // Words, not whitespace runs: "sendSlackMessage" is three words, "get_orders" two. A leading tool name
      // ("Google Sheets - Create rows", "OpenAI: Make shorter") is a prefix; the label is what follows it.
      const words = withoutToolPrefix(n.label, tools, typeWords);
      const first = words[0];
      if (first === undefined) continue; // only symbols or digits: nothing to read
      const looksLikeVerb = verbs.has(first) || (!notVerbs.has(first) && !endings.some((e) => first.length > e.length + 1 && first.endsWith(e)));
      if (words.length >= options.minWords && looksLikeVerb) continue;
      report({ message: `${nameOf(n)} does not read as "verb object".`, nodeIds: [n.id], fix: 'Start with what the step does: "Classify ticket", "Send reminder", "Approve refund".' });
    }
  },
});
