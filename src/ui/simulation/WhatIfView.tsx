/**
 * What-if: scenario A vs B with the same seed (common random numbers) and the difference per KPI, and a sweep of
 * one parameter over a range, plotted against two KPIs. The sweep runs on copies of the document (src/app applies
 * the parameter); the open design never changes.
 */
import { useId, useState } from 'react';
import { reportKpi, type Workflow } from '../../domain/index.ts';
import { selectCompare, selectPoolBusy, selectSweep, type BatchSettings } from '../../store/simulation-store.ts';
import { reportKpiDifference, sweepOptions, sweepValues } from '../../store/simulation-whatif.ts';
import { RunProgressBar, statusLine } from './BatchView.tsx';
import { ScenarioSelect } from './RunSettingsFields.tsx';
import { SweepChart, type LineSeries } from './SimCharts.tsx';
import { deltaVerdict, formatKpi, formatKpiDelta, KPI_META, kpiMeta } from './sim-format.ts';
import { useSimulationState, type SimulationServices } from './simulation-services.tsx';

function Comparison({ services, doc, settings }: { services: SimulationServices; doc: Workflow; settings: BatchSettings | null }) {
  const cmp = useSimulationState(services, selectCompare);
  const busy = useSimulationState(services, selectPoolBusy);
  const scenarios = doc.scenarios ?? [];
  const [a, setA] = useState<string | null>(scenarios[0]?.id ?? null);
  const [b, setB] = useState<string | null>(scenarios[1]?.id ?? null);
  const line = statusLine(cmp.status, cmp.error, 'Comparison');
  return (
    <section className="sim-section" aria-label="Scenario comparison">
      <h3>Compare scenarios</h3>
      <div className="sim-actions">
        <ScenarioSelect doc={doc} value={a} onChange={setA} label="A" />
        <ScenarioSelect doc={doc} value={b} onChange={setB} label="B" />
        <button type="button" disabled={busy || !settings} onClick={() => settings && services.compare(doc, a, b, settings)}>
          Compare
        </button>
        <span className="muted">Same seed and cases for both ({settings ? `${settings.cases} × ${settings.replications}, seed ${settings.seed}` : 'fix the run settings'})</span>
      </div>
      {cmp.status === 'running' && cmp.progress && <RunProgressBar label="Comparison progress" progress={cmp.progress} />}
      {line && <p role="status">{line}</p>}
      {cmp.a && cmp.b && (
        <table className="sim-table" aria-label="Scenario A versus B">
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col">A: {cmp.a.name}</th>
              <th scope="col">B: {cmp.b.name}</th>
              <th scope="col">B − A (95% CI)</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {KPI_META.map((m) => {
              const ka = cmp.a && reportKpi(cmp.a.report.kpis, m.name);
              const kb = cmp.b && reportKpi(cmp.b.report.kpis, m.name);
              if (ka === undefined && kb === undefined) return null;
              // Paired over replications when both runs carry per-replication values (same seed: common random numbers).
              const d = reportKpiDifference(cmp.a?.report, cmp.b?.report, m.name);
              const verdict = deltaVerdict(m.better, d);
              return (
                <tr key={m.name} data-diff-kpi={m.name} data-verdict={verdict.tone} className={verdict.tone === 'better' ? 'sim-better' : verdict.tone === 'worse' ? 'sim-worse' : undefined}>
                  <th scope="row">{m.label}</th>
                  <td>{formatKpi(m.name, ka?.mean ?? null)}</td>
                  <td>{formatKpi(m.name, kb?.mean ?? null)}</td>
                  <td>
                    {formatKpiDelta(m.name, d.mean)}
                    {d.ci95 ? ` (${formatKpiDelta(m.name, d.ci95[0])} … ${formatKpiDelta(m.name, d.ci95[1])})` : ''}
                  </td>
                  {/* Said in words as well as colour: colour alone does not reach everyone. */}
                  <td className={verdict.tone === 'better' ? 'sim-verdict--better' : verdict.tone === 'worse' ? 'sim-verdict--worse' : undefined}>
                    {verdict.tone === 'better' ? '▲ ' : verdict.tone === 'worse' ? '▼ ' : ''}
                    {verdict.text}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <caption>
            Better or worse only when the interval of B − A leaves out zero (a real difference, not luck of the draw). Rates differ in percentage points. Intervals pair the two runs replication by replication when they share a seed.
          </caption>
        </table>
      )}
    </section>
  );
}

function Sweep({ services, doc, settings }: { services: SimulationServices; doc: Workflow; settings: BatchSettings | null }) {
  const sweep = useSimulationState(services, selectSweep);
  const busy = useSimulationState(services, selectPoolBusy);
  const options = sweepOptions(doc);
  const [choice, setChoice] = useState(0);
  const option = options[Math.min(choice, options.length - 1)];
  const [range, setRange] = useState<{ from: string; to: string; steps: string } | null>(null);
  const r = range ?? (option ? { from: String(option.range.from), to: String(option.range.to), steps: String(option.range.steps) } : { from: '', to: '', steps: '' });
  const [kpiX, setKpiX] = useState('escalatedRate');
  const [kpiY, setKpiY] = useState('silentErrorRate');
  const ids = { param: useId(), k1: useId(), k2: useId() };
  const from = Number(r.from);
  const to = Number(r.to);
  const steps = Number(r.steps);
  const valid = option !== undefined && r.from.trim() !== '' && r.to.trim() !== '' && Number.isFinite(from) && Number.isFinite(to) && Number.isInteger(steps) && steps >= 1 && steps <= 20;
  const line = statusLine(sweep.status, sweep.error, 'Sweep');
  const paramLabel = sweep.param ? (options.find((o) => o.param.kind === sweep.param?.kind && o.param.nodeId === sweep.param.nodeId)?.label ?? sweep.param.kind) : '';
  const series = (kpi: string): LineSeries => ({
    kpi,
    points: sweep.points.map((p) => {
      const k = reportKpi(p.report.kpis, kpi);
      return { x: p.value, y: k?.mean ?? null, lo: k?.ci95?.[0] ?? null, hi: k?.ci95?.[1] ?? null };
    }),
  });
  const kpiSelect = (id: string, label: string, value: string, set: (v: string) => void) => (
    <span className="sim-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)}>
        {KPI_META.map((m) => (
          <option key={m.name} value={m.name}>
            {m.label}
          </option>
        ))}
      </select>
    </span>
  );
  return (
    <section className="sim-section" aria-label="Parameter sweep">
      <h3>Sweep a parameter</h3>
      {options.length === 0 ? (
        <p className="muted">This design has nothing to sweep yet: add a threshold check, a human gate, a retrier or an AI step with a stub.</p>
      ) : (
        <div className="sim-actions">
          <span className="sim-field">
            <label htmlFor={ids.param}>Parameter</label>
            <select
              id={ids.param}
              value={String(Math.min(choice, options.length - 1))}
              onChange={(e) => {
                setChoice(Number(e.target.value));
                setRange(null);
              }}
            >
              {options.map((o, i) => (
                <option key={`${o.param.kind}/${o.param.nodeId}`} value={i}>
                  {o.label} (now {Number(o.current.toPrecision(3))})
                </option>
              ))}
            </select>
          </span>
          {(['from', 'to', 'steps'] as const).map((k) => (
            <span className="sim-field" key={k}>
              <label>
                {k === 'from' ? 'From' : k === 'to' ? 'To' : 'Steps'}
                <input className="sim-num" style={{ width: '4.5em' }} inputMode="decimal" value={r[k]} onChange={(e) => setRange({ ...r, [k]: e.target.value })} />
              </label>
            </span>
          ))}
          {kpiSelect(ids.k1, 'KPI 1', kpiX, setKpiX)}
          {kpiSelect(ids.k2, 'KPI 2', kpiY, setKpiY)}
          <button
            type="button"
            disabled={busy || !valid || !settings}
            onClick={() => option && settings && services.sweep(doc, option.param, sweepValues({ from, to, steps }, option.integer), settings)}
          >
            Run sweep
          </button>
        </div>
      )}
      {sweep.status === 'running' && sweep.progress && <RunProgressBar label="Sweep progress" progress={sweep.progress} />}
      {line && <p role="status">{line}</p>}
      {sweep.points.length > 0 && (
        <div className="sim-row">
          <SweepChart xLabel={paramLabel} series={[series(kpiX), series(kpiY)]} />
          <table className="sim-table" aria-label="Sweep points">
            <thead>
              <tr>
                <th scope="col">{paramLabel}</th>
                <th scope="col">{kpiMeta(kpiX).label}</th>
                <th scope="col">{kpiMeta(kpiY).label}</th>
              </tr>
            </thead>
            <tbody>
              {sweep.points.map((p) => (
                <tr key={p.value} data-sweep-value={p.value}>
                  <td>{Number(p.value.toPrecision(4))}</td>
                  <td>{formatKpi(kpiX, reportKpi(p.report.kpis, kpiX)?.mean ?? null)}</td>
                  <td>{formatKpi(kpiY, reportKpi(p.report.kpis, kpiY)?.mean ?? null)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function WhatIfView({ services, doc, settings }: { services: SimulationServices; doc: Workflow; settings: BatchSettings | null }) {
  return (
    <div className="sim-view">
      <Comparison services={services} doc={doc} settings={settings} />
      <Sweep services={services} doc={doc} settings={settings} />
    </div>
  );
}
