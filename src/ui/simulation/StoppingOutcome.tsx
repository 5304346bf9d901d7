/**
 * How a batch run under the stopping rule ended: how many replications it took, and whether the main KPI's 95%
 * interval got within the asked share of its mean or the cap stopped it first.
 */
import type { SimReport } from '../../store/simulation-store.ts';
import { formatKpi, formatKpiDelta, kpiMeta } from './sim-format.ts';

export function stoppingText(report: SimReport): string | null {
  const s = report.stopping;
  if (!s) return null;
  const kpi = kpiMeta(s.kpi).label.toLowerCase();
  const target = `${Math.round(s.relativeHalfWidth * 100)}%`;
  const mean = report.kpis[s.kpi]?.mean ?? null;
  // A half-width is a difference (percentage points for a rate), not a value: formatted as one, without its sign.
  const width = s.halfWidth === null ? '(interval unknown)' : `±${formatKpiDelta(s.kpi, s.halfWidth).replace(/^[+−±-]/, '')}`;
  return s.met
    ? `Stopped after ${report.replications} replications: ${kpi} ${formatKpi(s.kpi, mean)} ${width}, within ${target} of its mean.`
    : `Stopped at the cap of ${s.maxReplications} replications: ${kpi} ${formatKpi(s.kpi, mean)} ${width} is still wider than ${target} of its mean.`;
}

export function StoppingOutcome({ report }: { report: SimReport | null }) {
  const text = report ? stoppingText(report) : null;
  return text ? (
    <p className="muted" data-testid="stopping-outcome">
      {text}
    </p>
  ) : null;
}
