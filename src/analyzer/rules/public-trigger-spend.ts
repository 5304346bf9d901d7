import type { WorkflowNode } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { isPublicTrigger, listOption, nameOf } from '../rule-helpers.ts';

/** Words that show a decision is about who is asking (an allow-list, a token, a quota), not about what they ask. */
const IDENTITY_WORDS = 'user,users,userid,user_id,username,sender,chat,chatid,chat_id,email,e-mail,ip,token,auth,authorized,authorised,authenticated,allow,allowed,allowlist,whitelist,blocklist,blacklist,banned,role,member,members,subscriber,owner,admin,password,secret,api key,quota,rate limit,credits,premium';

/** Steps that cost money per call: AI steps, and tools with a price per call. */
const spends = (n: WorkflowNode): boolean => n.kind === 'ai' || (n.kind === 'tool' && (n.stub?.costPerCall ?? 0) > 0);

export default defineRule({
  id: 'public-trigger-spend',
  meta: { description: 'A trigger anyone can reach starts paid steps (LLM calls, image generation) with no allow-list or rate limit before them.', docs: 'docs/rules/public-trigger-spend.md', category: 'safety' },
  defaultSeverity: 'warning',
  options: { identityWords: IDENTITY_WORDS },
  check({ graph, options }, report) {
    const words = listOption(options.identityWords);
    const text = (s: string | undefined): string => (s ?? '').toLowerCase();
    const mentionsIdentity = (s: string): boolean => {
      const tokens = new Set(s.split(/[^a-z0-9_@-]+/).filter((t) => t.length > 0));
      return words.some((w) => (w.includes(' ') ? s.includes(w) : tokens.has(w)));
    };
    /**
     * A guard: a person or check, or a decision whose wording is about who is asking (its label, description, its
     * branches' labels and conditions). A router that sorts messages by type is routing, not access control.
     */
    const judged = new Map<string, boolean>();
    const guards = (n: WorkflowNode): boolean => {
      if (n.kind === 'human' || n.kind === 'check') return true;
      if (n.kind !== 'router') return false;
      let is = judged.get(n.id);
      if (is === undefined) {
        const parts = [n.label, n.description, ...graph.outEdges(n.id).flatMap((e) => [e.label, e.condition?.field, typeof e.condition?.value === 'string' ? e.condition.value : undefined])];
        is = mentionsIdentity(parts.map(text).join(' '));
        judged.set(n.id, is);
      }
      return is;
    };
    for (const t of graph.triggers) {
      if (!isPublicTrigger(t)) continue;
      // Every paid step reachable from the trigger without passing a guard.
      const seen = new Set<string>([t.id]);
      const queue = [t.id];
      const paid: WorkflowNode[] = [];
      for (let head = 0; head < queue.length; head++) {
        for (const next of graph.successorIds(queue[head]!)) {
          if (seen.has(next)) continue;
          seen.add(next);
          const n = graph.node(graph.indexOf(next));
          if (guards(n)) continue;
          if (spends(n)) paid.push(n);
          queue.push(next);
        }
      }
      if (paid.length === 0) continue;
      const names = paid.slice(0, 3).map(nameOf).join(', ') + (paid.length > 3 ? ` and ${paid.length - 3} more` : '');
      report({
        message: `Anyone who reaches ${nameOf(t)} can start ${names}, which cost money per call, with no allow-list or rate limit before them.`,
        nodeIds: [t.id, ...paid.map((n) => n.id)],
        fix: 'Authenticate the trigger, or check the sender against an allow-list (and cap calls per sender) before the first paid step.',
        evidence: { paidSteps: paid.length },
      });
    }
  },
});
