import type { WorkflowNode } from '../../domain/index.ts';
import { defineRule } from '../define-rule.ts';
import { aiSourcesOf, declaresReads } from '../lineage.ts';
import { isGate, nameOf, reachedFrom } from '../rule-helpers.ts';

export default defineRule({
  id: 'unchecked-ai-output',
  meta: { description: 'An AI result reaches an irreversible action or a delivered output with no check or person in between.', docs: 'docs/rules/unchecked-ai-output.md', category: 'fragility' },
  defaultSeverity: 'warning',
  options: {
    /** A branch on the model's confidence is a gate of sorts: the low-confidence cases go elsewhere. */
    confidenceRoutingCounts: true,
    /**
     * An answer delivered back into a chat, or sent back to whoever wrote to a bot in their own conversation
     * (a step marked `toRequester`), is read by the person who asked, who is the check of a chat assistant; it is
     * reported only when the profile says the risk is medium or high.
     */
    chatRepliesAreRead: true,
  },
  check({ graph, doc, options }, report) {
    // Triggers whose starter reads what the case delivers: a chat's asker. (Not a run by hand: a new Baton design's
    // trigger is manual until the conductor says otherwise, and its delivered output is the point of the review.)
    const readers = graph.triggers.filter((t) => t.kind === 'trigger' && options.chatRepliesAreRead && t.config.type === 'chat');
    const fromReaders = reachedFrom(graph, readers);
    const fromOthers = reachedFrom(graph, graph.triggers.filter((t) => !readers.includes(t)));
    const risky = doc.profile?.risk === 'medium' || doc.profile?.risk === 'high';
    /** An AI step only chat conversations reach: what it delivers goes back to the person who asked. */
    const readByAsker = (aiId: string): boolean => {
      const i = graph.indexOf(aiId);
      return !risky && fromReaders[i] === 1 && fromOthers[i] === 0;
    };
    const passes = (e: { sourcePort: string; condition?: { field: string } | undefined }): boolean => e.sourcePort === 'out' && !(options.confidenceRoutingCounts && e.condition?.field === 'confidence');
    /** Does a case go from `from` to `to` along success edges with no gate? (Only asked when lineage names another AI step.) */
    const reachesUnguarded = (from: string, to: string): boolean => {
      const seen = new Set([from]);
      const stack = [from];
      while (stack.length > 0) {
        for (const e of graph.outEdges(stack.pop()!)) {
          if (!passes(e) || seen.has(e.target)) continue;
          if (e.target === to) return true;
          seen.add(e.target);
          if (!isGate(graph.node(graph.indexOf(e.target)))) stack.push(e.target);
        }
      }
      return false;
    };
    // One multi-source search from every AI step along success edges, stopping at checks and human gates;
    // each node remembers the first AI step that reached it, so the search is linear. A node past a reported
    // side effect is on the same unchecked path: it is marked covered and not reported again (an irreversible
    // send followed by the output it ends at is one finding, not two).
    const judged = (n: WorkflowNode): boolean => n.kind === 'ai' && n.config.capability !== 'embedding' && n.config.capability !== 'speech';
    /** The AI steps lineage names for a step, looking through a voice to the script it reads (corpus 1262). */
    const judgedSourcesOf = (id: string, seen = new Set<string>()): string[] =>
      aiSourcesOf(graph, id).flatMap((a) => {
        if (seen.has(a)) return [];
        seen.add(a);
        const node = graph.node(graph.indexOf(a));
        if (judged(node)) return [a];
        return node.kind === 'ai' && node.config.capability === 'speech' ? judgedSourcesOf(a, seen) : [];
      });
    const origin = new Map<string, string>();
    const covered = new Set<string>();
    const queue: string[] = [];
    for (const n of graph.workNodes) {
      // Embeddings are vectors for a store, not a result anyone reads or acts on. A voice reads the script it is
      // given: what it says was decided before it (by a model upstream, whose search passes through the voice and
      // is reported, or by the sheet or the caller: corpus 1400, 0492), not by the speech step.
      if (!judged(n)) continue;
      origin.set(n.id, n.id);
      queue.push(n.id);
    }
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      const from = origin.get(id)!;
      for (const e of graph.outEdges(id)) {
        if (!passes(e)) continue;
        const t = graph.node(graph.indexOf(e.target));
        if (isGate(t) || origin.has(t.id)) continue;
        origin.set(t.id, from);
        if (covered.has(id)) covered.add(t.id);
        // A reply to the person who wrote is read by them: the path's delivery is that reply, not what follows it.
        if (t.kind === 'tool' && t.config.toRequester === true && options.chatRepliesAreRead && !risky) covered.add(t.id);
        const sink = (t.kind === 'tool' && t.config.sideEffect === 'irreversible') || (t.kind === 'output' && t.config.outcome === 'success' && t.config.type !== 'discard');
        if (sink && !covered.has(t.id) && !(t.kind === 'output' && readByAsker(from))) {
          // Lineage: a step that says what it reads is judged by that (a fixed-text notification uses no AI output).
          const sources = declaresReads(graph, t.id) ? judgedSourcesOf(t.id) : [from];
          const source = sources.includes(from) ? from : sources.find((a) => reachesUnguarded(a, t.id));
          if (source !== undefined) {
            covered.add(t.id);
            const what = t.kind === 'output' ? 'is delivered' : 'triggers an irreversible action';
            report({
              severity: doc.profile?.risk === 'high' ? 'error' : 'warning',
              message: `The result of AI step ${nameOf(graph.node(graph.indexOf(source)))} ${what} at ${nameOf(t)} with no check or human gate in between.`,
              nodeIds: [source, t.id],
              fix: 'Add a Quality check (schema, rule or grader) or a human approval before it.',
            });
          }
        }
        if (t.kind !== 'output') queue.push(t.id);
      }
    }
  },
});
