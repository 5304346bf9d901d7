import { defineRule } from '../define-rule.ts';
import { contentWords, isToolNameOnly, NODE_TYPE_WORDS, TOOL_NAMES, toolNames, toolNamesIn, wordSet, type ToolNames } from '../label-words.ts';
import { isLanguageStep } from '../overbuilding.ts';
import { isCall, nameOf } from '../rule-helpers.ts';

/**
 * Does a label say what the step does? Two words or more once tool names and node-type words are out: "Summarize
 * news (GPT-4o)", and noun phrases too ("Front view generator"): how it reads is verb-object-label's business.
 */
function saysWhat(label: string, drop: ReadonlySet<string>, tools: ToolNames): boolean {
  return contentWords(label, tools, drop).length >= 2;
}

export default defineRule({
  id: 'tool-centric-design',
  meta: { description: 'Steps named after the tool or model, or with no stated purpose, describe how and not what.', docs: 'docs/rules/tool-centric-design.md', category: 'naming' },
  defaultSeverity: 'warning',
  options: { vendorNames: TOOL_NAMES, nodeTypeWords: NODE_TYPE_WORDS, reportAnyToolMention: false },
  check({ graph, options }, report) {
    const vendors = toolNames(options.vendorNames);
    const typeWords = wordSet(options.nodeTypeWords);
    for (const n of graph.workNodes) {
      const purpose = isCall(n) ? (n.config.purpose ?? '').trim() : '';
      const named = toolNamesIn(n.label, vendors).sort((a, b) => b.length - a.length);
      // Named after a tool: the label is the tool's name and nothing else ("Google Sheets1", "OpenAI Chat Model").
      // A label that says what the step does and mentions the model in passing ("Summarize news (GPT-4o)") is fine.
      const onlyTool = isToolNameOnly(n.label, vendors, typeWords);
      if (named.length > 0 && (onlyTool || options.reportAnyToolMention)) {
        report({
          message: `${nameOf(n)} is named after a tool or model ("${named[0]}"), not after what it does.`,
          nodeIds: [n.id],
          fix: 'Name the step after its purpose; put the model in its configuration.',
          ...(purpose.length > 0 ? { quickFix: 'name-after-purpose' as const } : {}),
        });
      } else if (onlyTool) {
        report({ message: `${nameOf(n)} is named after the kind of step it is, not after what it does.`, nodeIds: [n.id], fix: 'Name the step after what it does ("Draft reply", "Classify ticket").', ...(purpose.length > 0 ? { quickFix: 'name-after-purpose' as const } : {}) });
      } else if (isLanguageStep(n) && purpose.length === 0 && !saysWhat(n.label, typeWords, vendors)) {
        // An AI step is specified by what it must achieve; when neither its label nor a purpose says it, nobody can test it.
        report({ message: `${nameOf(n)} has no stated purpose, and its label does not say what it must achieve.`, nodeIds: [n.id], fix: 'Write what the step must achieve in its Purpose field (or its prompt): it is what you will test it against.' });
      }
    }
  },
});
