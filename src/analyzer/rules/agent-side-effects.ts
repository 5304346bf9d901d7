import type { AgentTool, WorkflowNode } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { labelWords, wordSet } from '../label-words.ts';
import { isGate, isPublicTrigger, nameOf } from '../rule-helpers.ts';

/** Words that name a read: a tool called "Get chart" or "youtube_search" looks things up. */
const READ_WORDS = 'get,search,list,read,fetch,find,lookup,look,query,retrieve,check,scrape,scraper,scraping,crawl,crawler,browse,analyze,analyse,view,show,load,download,research,describe,count,calculate,calculator,think,weather,identify,analysis,transcribe,transcription,stats,summarize,summarise,translate';
/** Words that name a change; a name with one of them is a write whatever else it says ("Search and update"). */
const WRITE_WORDS = 'create,add,update,upsert,insert,save,store,write,send,reply,post,publish,delete,remove,cancel,book,reschedule,schedule,place,order,pay,charge,refund,move,rename,mark,label,set,assign,archive,close,invite,execute,run,email,message,notify,submit';

/** "a, b and 2 more" */
function listed(tools: readonly AgentTool[]): string {
  const names = tools.slice(0, 3).map((t) => `"${t.name}"`);
  return names.join(', ') + (tools.length > 3 ? ` and ${tools.length - 3} more` : '');
}

export default defineRule({
  id: 'agent-side-effects',
  meta: { description: 'An AI step may call tools that change things (send e-mail, write a database) on the model\'s own decision, with no person or check before the action.', docs: 'docs/rules/agent-side-effects.md', category: 'safety' },
  defaultSeverity: 'warning',
  options: {
    /** Report agents whose tools only make reversible changes (info; a warning when a public trigger steers them). */
    reportReversible: true,
    /** Tool names that read (see READ_WORDS): declared as writes by an import that could not tell, they are taken at their word. */
    readWords: READ_WORDS,
    writeWords: WRITE_WORDS,
  },
  check({ graph, options }, report) {
    const reads = wordSet(options.readWords);
    const writes = wordSet(options.writeWords);
    /**
     * A reversible tool whose name says it reads and nothing about writing ("Get chart", "Search notion database").
     * Importers declare tools they cannot see into (sub-workflows, HTTP calls, MCP clients) as reversible writes,
     * to be safe; the name is the author's word for what it does. Irreversible tools are never waved through.
     */
    const readsByName = (t: AgentTool): boolean => {
      if (t.sideEffect !== 'reversible') return false;
      const words = labelWords(t.name);
      return words.some((w) => reads.has(w)) && !words.some((w) => writes.has(w));
    };
    // Which AI steps a stranger can steer: reached from a public trigger without passing a person or a check.
    const steeredBy = new Map<string, WorkflowNode>();
    for (const t of graph.triggers) {
      if (!isPublicTrigger(t)) continue;
      const seen = new Set<string>([t.id]);
      const queue = [t.id];
      for (let head = 0; head < queue.length; head++) {
        for (const next of graph.successorIds(queue[head]!)) {
          if (seen.has(next)) continue;
          seen.add(next);
          if (isGate(graph.node(graph.indexOf(next)))) continue;
          if (!steeredBy.has(next)) steeredBy.set(next, t);
          queue.push(next);
        }
      }
    }
    for (const n of graph.workNodes) {
      // An embedding step that writes to its vector store does what the workflow says, not what a model decides.
      if (n.kind !== 'ai' || n.config.capability === 'embedding') continue;
      const acting = (n.config.tools ?? []).filter((t) => t.sideEffect !== 'none' && !readsByName(t));
      if (acting.length === 0) continue;
      const irreversible = acting.filter((t) => t.sideEffect === 'irreversible');
      const stranger = steeredBy.get(n.id);
      if (irreversible.length === 0 && stranger === undefined && !options.reportReversible) continue;
      const what = irreversible.length > 0 ? `tools whose effects cannot be undone (a message sent, a record deleted): ${listed(irreversible)}` : `tools that change data: ${listed(acting)}`;
      report({
        severity: irreversible.length > 0 || stranger !== undefined ? 'warning' : 'info',
        message: `${nameOf(n)} may call ${what}, on the model's own decision${stranger ? ` and steered by anyone who reaches ${nameOf(stranger)}` : ''}; no person or check sees the action before it happens.`,
        nodeIds: [n.id, ...(stranger ? [stranger.id] : [])],
        fix: 'Let the agent propose the action and carry it out in a tool step after an approval or a check; or give the agent read-only tools (a draft, not a send). Suppress with a reason when the tool is safe to call freely.',
        evidence: { tools: acting.length, irreversible: irreversible.length },
      });
    }
  },
});
