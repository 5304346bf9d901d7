/**
 * Hand-drawn SVG charts for the simulation panel (no chart library: three small charts do not justify ~100 KiB).
 * Each chart has a role="img" with a text alternative that states the figures, so the data is not only visual.
 */
import { formatKpi, formatPercent, formatSeconds, kpiMeta } from './sim-format.ts';

const OUTCOME_COLOURS: Readonly<Record<string, string>> = {
  success: 'var(--success)',
  rejected: 'var(--kind-human)',
  escalated: 'var(--info)',
  error: 'var(--warning)',
  failed: 'var(--error)',
  stuck: 'var(--muted)',
};

/** One stacked bar of case outcomes, with a legend. */
export function OutcomeBar({ mix }: { mix: Readonly<Record<string, number>> }) {
  const entries = Object.entries(mix);
  const total = entries.reduce((a, [, v]) => a + v, 0);
  if (total === 0) return null;
  let x = 0;
  const summary = entries.map(([k, v]) => `${k} ${formatPercent(v / total)}`).join(', ');
  return (
    <figure className="sim-figure">
      <figcaption>Outcome mix</figcaption>
      <svg className="sim-outcome-bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label={`Outcome mix: ${summary}`}>
        {entries.map(([k, v]) => {
          const w = (v / total) * 100;
          const rect = <rect key={k} x={x} y={0} width={w} height={6} fill={OUTCOME_COLOURS[k] ?? 'var(--muted)'} />;
          x += w;
          return rect;
        })}
      </svg>
      <ul className="sim-legend">
        {entries
          .filter(([, v]) => v > 0)
          .map(([k, v]) => (
            <li key={k}>
              <span className="sim-swatch" style={{ background: OUTCOME_COLOURS[k] ?? 'var(--muted)' }} />
              {k} {formatPercent(v / total)}
            </li>
          ))}
      </ul>
    </figure>
  );
}

/**
 * Cycle-time histogram over the report's log-spaced bins. The axis says it is logarithmic (equal steps multiply the
 * time), and the deadline, when the profile has one, is drawn where it falls.
 */
export function CycleHistogram({ edges, counts, deadlineSeconds }: { edges: readonly number[]; counts: readonly number[]; deadlineSeconds?: number | undefined }) {
  const max = Math.max(0, ...counts);
  if (max === 0 || counts.length === 0) return null;
  const W = 320;
  const H = 110;
  const pad = { l: 4, r: 4, t: 6, b: 34 };
  const bw = (W - pad.l - pad.r) / counts.length;
  const peak = counts.indexOf(max);
  const deadlineX = deadlineSeconds === undefined ? null : logPosition(edges, deadlineSeconds);
  const label = `Cycle-time histogram on a log scale: ${counts.length} bins from ${formatSeconds(edges[0] ?? 0)} to ${formatSeconds(edges[edges.length - 1] ?? 0)}; most cases between ${formatSeconds(edges[peak] ?? 0)} and ${formatSeconds(edges[peak + 1] ?? 0)}${deadlineSeconds !== undefined ? `; deadline ${formatSeconds(deadlineSeconds)}` : ''}`;
  const tickEvery = Math.max(1, Math.ceil(counts.length / 5));
  return (
    <figure className="sim-figure">
      <figcaption>Cycle time (log scale)</figcaption>
      <svg className="sim-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {counts.map((c, i) => {
          const h = (c / max) * (H - pad.t - pad.b);
          return (
            <rect key={i} className="sim-bar" x={pad.l + i * bw + 0.5} y={H - pad.b - h} width={Math.max(1, bw - 1)} height={h}>
              <title>{`${formatSeconds(edges[i] ?? 0)}–${formatSeconds(edges[i + 1] ?? 0)}: ${c} cases`}</title>
            </rect>
          );
        })}
        <line x1={pad.l} x2={W - pad.r} y1={H - pad.b} y2={H - pad.b} className="sim-axis" />
        {edges.map((e, i) =>
          i % tickEvery === 0 ? (
            <text key={i} x={pad.l + i * bw} y={H - 18} className="sim-tick">
              {formatSeconds(e)}
            </text>
          ) : null,
        )}
        {deadlineX !== null && (
          <g className="sim-deadline">
            <line x1={pad.l + deadlineX * (W - pad.l - pad.r)} x2={pad.l + deadlineX * (W - pad.l - pad.r)} y1={pad.t} y2={H - pad.b} />
            <text x={pad.l + deadlineX * (W - pad.l - pad.r) + 3} y={pad.t + 8} className="sim-tick">
              deadline
            </text>
          </g>
        )}
        <text x={W / 2} y={H - 3} className="sim-tick sim-axis-label" textAnchor="middle">
          cycle time, log scale
        </text>
      </svg>
    </figure>
  );
}

/**
 * Where `seconds` falls along log-spaced bin edges, as a fraction of the axis (0 at the first edge, 1 at the
 * last); null when outside them. Bins are equally wide on the chart, so the position is the bin's index plus the
 * log fraction within it.
 * @example logPosition([1, 10, 100], 10) // 0.5
 */
export function logPosition(edges: readonly number[], seconds: number): number | null {
  const first = edges[0];
  const last = edges[edges.length - 1];
  if (first === undefined || last === undefined || first < 0 || last <= first || seconds < first || seconds > last) return null;
  const bins = edges.length - 1;
  for (let i = 0; i < bins; i++) {
    const lo = edges[i] ?? 0;
    const hi = edges[i + 1] ?? 0;
    // The first bin may start at 0 (log spacing starts after it): linear inside that one.
    if (seconds <= hi) return (i + (lo > 0 ? Math.log(seconds / lo) / Math.log(hi / lo) : (seconds - lo) / (hi - lo))) / bins;
  }
  return 1;
}

export interface LineSeries {
  readonly kpi: string;
  /** (x, mean, ci low, ci high) per point. */
  readonly points: readonly { readonly x: number; readonly y: number | null; readonly lo: number | null; readonly hi: number | null }[];
}

/** Two KPIs against one parameter, each on its own y scale (left and right axes), with interval whiskers. */
export function SweepChart({ xLabel, series }: { xLabel: string; series: readonly [LineSeries, LineSeries] }) {
  const W = 360;
  const H = 170;
  const pad = { l: 52, r: 52, t: 10, b: 30 };
  const xs = series[0].points.map((p) => p.x);
  if (xs.length === 0) return null;
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const sx = (x: number): number => (xMax === xMin ? (pad.l + W - pad.r) / 2 : pad.l + ((x - xMin) / (xMax - xMin)) * (W - pad.l - pad.r));
  const scales = series.map((s) => {
    const vals = s.points.flatMap((p) => [p.y, p.lo, p.hi]).filter((v): v is number => v !== null && Number.isFinite(v));
    let lo = Math.min(...vals, Infinity);
    let hi = Math.max(...vals, -Infinity);
    if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
    if (hi === lo) [lo, hi] = [lo - Math.abs(lo || 1) * 0.1, hi + Math.abs(hi || 1) * 0.1];
    return { lo, hi, y: (v: number): number => H - pad.b - ((v - lo) / (hi - lo)) * (H - pad.t - pad.b) };
  });
  const colours = ['var(--kind-ai)', 'var(--kind-human)'];
  const summary = series
    .map((s) => `${kpiMeta(s.kpi).label}: ${s.points.map((p) => `${fmtX(p.x)} → ${formatKpi(s.kpi, p.y)}`).join('; ')}`)
    .join('. ');
  return (
    <figure className="sim-figure">
      <figcaption>
        {series.map((s, i) => (
          <span key={s.kpi} className="sim-series-label" style={{ color: colours[i] }}>
            {i === 0 ? '● ' : '■ '}
            {kpiMeta(s.kpi).label}
            {i === 0 ? ' (left)' : ' (right)'}
          </span>
        ))}{' '}
        against {xLabel}
      </figcaption>
      <svg className="sim-chart sim-chart--sweep" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Sweep of ${xLabel}. ${summary}`}>
        <line x1={pad.l} x2={W - pad.r} y1={H - pad.b} y2={H - pad.b} className="sim-axis" />
        <line x1={pad.l} x2={pad.l} y1={pad.t} y2={H - pad.b} className="sim-axis" />
        <line x1={W - pad.r} x2={W - pad.r} y1={pad.t} y2={H - pad.b} className="sim-axis" />
        {series.map((s, i) => {
          const sc = scales[i];
          if (!sc) return null;
          const pts = s.points.filter((p): p is { x: number; y: number; lo: number | null; hi: number | null } => p.y !== null);
          const d = pts.map((p, k) => `${k === 0 ? 'M' : 'L'}${sx(p.x).toFixed(1)},${sc.y(p.y).toFixed(1)}`).join(' ');
          return (
            <g key={s.kpi} stroke={colours[i]} fill={colours[i]}>
              <path d={d} fill="none" strokeWidth={2} />
              {pts.map((p) => (
                <g key={p.x}>
                  {p.lo !== null && p.hi !== null && <line x1={sx(p.x)} x2={sx(p.x)} y1={sc.y(p.lo)} y2={sc.y(p.hi)} strokeWidth={1} />}
                  {i === 0 ? <circle cx={sx(p.x)} cy={sc.y(p.y)} r={3} /> : <rect x={sx(p.x) - 3} y={sc.y(p.y) - 3} width={6} height={6} />}
                </g>
              ))}
              <text x={i === 0 ? 4 : W - 4} y={pad.t + 8} className="sim-tick" textAnchor={i === 0 ? 'start' : 'end'} stroke="none">
                {formatKpi(s.kpi, sc.hi)}
              </text>
              <text x={i === 0 ? 4 : W - 4} y={H - pad.b} className="sim-tick" textAnchor={i === 0 ? 'start' : 'end'} stroke="none">
                {formatKpi(s.kpi, sc.lo)}
              </text>
            </g>
          );
        })}
        {xs.map((x) => (
          <text key={x} x={sx(x)} y={H - 10} className="sim-tick" textAnchor="middle">
            {fmtX(x)}
          </text>
        ))}
      </svg>
    </figure>
  );
}

const fmtX = (x: number): string => String(Number(x.toPrecision(3)));
