/**
 * "Export results": the last batch as JSON (what `baton simulate --format json` prints, `reportJson`, so a page
 * export and a CLI run of the same seed can be diffed, plus the design's name and the analyzer's estimate) and as
 * CSV (one KPI per row, then one row per node).
 */
import { reportJson, reportKpi } from '../../domain/index.ts';
import type { BatchState, SimReport } from '../../store/simulation-store.ts';
import { KPI_META } from './sim-format.ts';

/** The CLI's JSON (the whole report), then the design's name and the analyzer's estimate the panel shows. */
export function resultsJson(batch: BatchState): string {
  const r = batch.report;
  if (!r) return '{}';
  return JSON.stringify({ ...reportJson(r), design: batch.designName, estimate: batch.estimate }, null, 2);
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
