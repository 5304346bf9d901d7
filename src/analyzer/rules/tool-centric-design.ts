import { defineRule } from '../define-rule.ts';
import { isCall, listOption, nameOf } from '../rule-helpers.ts';

const VENDORS = 'gpt,gpt-4,gpt-4o,gpt-5,chatgpt,openai,claude,anthropic,gemini,bard,llama,mistral,cohere,copilot,zapier,make.com,n8n,ifttt,power automate,uipath,langchain,huggingface';

export default defineRule({
  id: 'tool-centric-design',
  meta: { description: 'Steps named after the tool or model, or with no stated purpose, describe how and not what.', docs: 'docs/rules/tool-centric-design.md', category: 'naming' },
  defaultSeverity: 'warning',
  options: { vendorNames: VENDORS },
  check({ graph, options }, report) {
    const vendors = listOption(options.vendorNames);
    const spaced = vendors.map((v) => v.includes(' '));
    const dashed = vendors.map((v) => `${v}-`);
    for (const n of graph.workNodes) {
      const label = n.label.toLowerCase();
      const words = label.split(/[^a-z0-9.-]+/).filter((t) => t.length > 0);
      const tokens = new Set(words);
      const vendor = vendors.find((v, i) => (spaced[i] ? label.includes(v) : tokens.has(v) || words.some((t) => t.startsWith(dashed[i]!))));
      const purpose = isCall(n) ? (n.config.purpose ?? '').trim() : '';
      if (vendor !== undefined) {
        report({
          message: `${nameOf(n)} is named after a tool or model ("${vendor}"), not after what it does.`,
          nodeIds: [n.id],
          fix: 'Name the step after its purpose; put the model in its configuration.',
          ...(purpose.length > 0 ? { quickFix: 'name-after-purpose' as const } : {}),
        });
      } else if (isCall(n) && purpose.length === 0) {
        report({ message: `${nameOf(n)} has no stated purpose.`, nodeIds: [n.id], fix: 'Write what the step must achieve in its Purpose field: it is what you will test it against.' });
      }
    }
  },
});
