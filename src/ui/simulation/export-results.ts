/**
 * "Export results": the last batch as JSON (the same `scenario, seed, cases, replications, kpis, nodes, hypothesis`
 * shape as `baton simulate --format json`, so a page export and a CLI run of the same seed can be diffed, plus the
 * panel's extra figures) and as CSV (one KPI per row, then one row per node).
 */
import { reportKpi } from '../../domain/index.ts';
import type { BatchState, SimReport } from '../../store/simulation-store.ts';
import { KPI_META } from './sim-format.ts';

/** The CLI's JSON contract (interfaces.md) first, then what else the panel shows. */
export function resultsJson(batch: BatchState): string {
  const r = batch.report;
  if (!r) return '{}';
  const nodes: Record<string, { visits: number; failures: Readonly<Partial<Record<string, number>>>; utilisation?: number; meanWaitSeconds?: number }> = {};
  for (const [id, n] of Object.entries(r.nodes)) {
    nodes[id] = { visits: n.visits, failures: n.failures, ...(n.gate ? { utilisation: n.gate.utilisation, meanWaitSeconds: n.gate.meanWaitSeconds } : {}) };
  }
  const out = {
    scenario: r.scenario,
    seed: r.seed,
    cases: r.cases,
    replications: r.replications,
    kpis: r.kpis,
    nodes,
    hypothesis: r.hypothesis,
    design: batch.designName,
    events: r.events,
    outcomeMix: r.outcomeMix,
    histogram: r.histogram,
    nodeDetails: r.nodes,
    costByNode: r.costByNode,
    rarelyReached: r.rarelyReached,
    estimate: batch.estimate,
  };
  return JSON.stringify(out, null, 2);
}

function csvCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const row = (cells: readonly (string | number | null | undefined)[]): string => cells.map(csvCell).join(',');

/** KPIs (name, mean, 95% low, 95% high), a blank line, then nodes (visits, failures, cost...). */
export function resultsCsv(r: SimReport): string {
  const lines = [row(['kpi', 'mean', 'ci95_low', 'ci95_high'])];
  const names = [...KPI_META.map((k) => k.name), ...Object.keys(r.kpis).filter((k) => !KPI_META.some((m) => m.name === k))];
  for (const name of names) {
    const k = reportKpi(r.kpis, name);
    if (k) lines.push(row([name, k.mean, k.ci95?.[0], k.ci95?.[1]]));
  }
  lines.push('');
  lines.push(row(['node', 'kind', 'visits', 'reached_share', 'failed_tries', 'case_failures', 'stuck', 'fallbacks', 'cost_per_case', 'gate_utilisation', 'gate_mean_wait_seconds']));
  for (const [id, n] of Object.entries(r.nodes)) {
    let tries = 0;
    for (const v of Object.values(n.failures)) tries += v ?? 0;
    lines.push(row([id, n.kind, n.visits, n.reachedShare, tries, n.caseFailures, n.stuck, n.fallbacks, n.costPerCase, n.gate?.utilisation, n.gate?.meanWaitSeconds]));
  }
  return lines.join('\n') + '\n';
}
