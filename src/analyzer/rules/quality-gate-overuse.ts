import { defineRule } from '../define-rule.ts';
import { nameOf } from '../rule-helpers.ts';

export default defineRule({
  id: 'quality-gate-overuse',
  meta: { description: 'Checks that repeat each other, guard nothing risky, or lead to the same place whatever they decide.', docs: 'docs/rules/quality-gate-overuse.md', category: 'over-engineering' },
  defaultSeverity: 'info',
  options: { maxChecksInSeries: 1 },
  check({ graph, doc, options }, report) {
    const checks = graph.workNodes.filter((n) => n.kind === 'check');
    // Series: count the run of checks each check heads, through pass edges.
    for (const c of checks) {
      const fromCheck = graph.inEdges(c.id).some((e) => e.sourcePort === 'pass' && graph.node(graph.indexOf(e.source)).kind === 'check');
      if (fromCheck) continue;
      const run = [c.id];
      let cur = c.id;
      for (;;) {
        const next = graph.outEdges(cur).filter((e) => e.sourcePort === 'pass').map((e) => graph.node(graph.indexOf(e.target)));
        const nextCheck = next.length === 1 && next[0]!.kind === 'check' && !run.includes(next[0]!.id) ? next[0]! : undefined;
        if (!nextCheck) break;
        run.push(nextCheck.id);
        cur = nextCheck.id;
      }
      if (run.length > options.maxChecksInSeries) {
        report({ message: `${run.length} checks in a row judge the same result.`, nodeIds: run, fix: 'Keep the check that catches the most; merge the rules of the others into it.', evidence: { checks: run.length } });
      }
    }
    if (doc.profile?.risk === 'low') {
      const irreversible = graph.workNodes.some((n) => n.kind === 'tool' && n.config.sideEffect === 'irreversible');
      if (!irreversible) {
        for (const c of checks) report({ message: `${nameOf(c)} guards a low-risk task with no irreversible step.`, nodeIds: [c.id], fix: 'Consider dropping it and sampling results afterwards instead.' });
      }
    }
    for (const c of checks) {
      const pass = new Set(graph.outEdges(c.id).filter((e) => e.sourcePort === 'pass').map((e) => e.target));
      const fail = new Set(graph.outEdges(c.id).filter((e) => e.sourcePort === 'fail').map((e) => e.target));
      if (pass.size > 0 && pass.size === fail.size && [...pass].every((t) => fail.has(t))) {
        report({ severity: 'warning', message: `${nameOf(c)} sends passing and failing items to the same place, so it decides nothing.`, nodeIds: [c.id], fix: 'Route failures somewhere else (retry, review, reject), or remove the check.' });
      }
    }
  },
});
