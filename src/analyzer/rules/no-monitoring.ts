import { defineRule } from '../define-rule.ts';
import { isCall, reachedUnattended } from '../rule-helpers.ts';

export default defineRule({
  id: 'no-monitoring',
  meta: { description: 'External calls fail; if no error path raises an alert or notification, nobody finds out.', docs: 'docs/rules/no-monitoring.md', category: 'fragility' },
  defaultSeverity: 'info',
  options: {
    warnAtRunsPerDay: 10,
    /** A run started by hand is watched by the person who started it: they see it fail. */
    manualRunsAreWatched: true,
    /**
     * A run another workflow starts (\`called\`, n8n's Execute Workflow Trigger) is watched by its caller: the
     * failure goes back to the calling step, which fails in turn and retries or routes the error by its own policy.
     */
    calledRunsAreWatched: true,
  },
  check({ graph, doc, options }, report) {
    // A failure handler outside the graph (n8n's error workflow) raises the alert for every failed case.
    if (doc.monitoring?.alertOnFailure === true) return;
    // Calls that run with nobody watching: what a scheduled, event, webhook or chat trigger reaches.
    const unwatched = reachedUnattended(graph, options);
    const calls = graph.workNodes.filter((n) => isCall(n) && unwatched[graph.indexOf(n.id)] === 1);
    if (calls.length === 0) return;
    // Search forward from every failure edge for an alert: an alert/notify output, an error outcome or a notification tool.
    const seen = new Set<string>();
    const queue: string[] = [];
    for (const e of graph.edges) {
      if ((e.sourcePort === 'error' || e.sourcePort === 'fail' || e.sourcePort === 'timeout') && !seen.has(e.target)) {
        seen.add(e.target);
        queue.push(e.target);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const n = graph.node(graph.indexOf(queue[head]!));
      if (n.kind === 'output' && (n.config.type === 'alert' || n.config.type === 'notify' || n.config.outcome === 'error')) return;
      if (n.kind === 'tool' && n.config.type === 'notification') return;
      for (const t of graph.successorIds(n.id)) {
        if (!seen.has(t)) {
          seen.add(t);
          queue.push(t);
        }
      }
    }
    const runs = doc.profile?.runsPerDay ?? 0;
    report({
      severity: runs >= options.warnAtRunsPerDay ? 'warning' : 'info',
      message: `${calls.length} external call(s) run with nobody watching, and no error path raises an alert or notification.`,
      nodeIds: calls.map((n) => n.id),
      fix: 'Route errors to an Output of type alert (or a notification step) so someone hears about failures.',
      evidence: { runsPerDay: runs },
    });
  },
});
