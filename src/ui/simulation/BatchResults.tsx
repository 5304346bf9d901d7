/**
 * The last batch's report: the result in one sentence and a glossary of its words, KPI cards with 95% intervals (each `data-kpi="NAME"`), the analyzer's closed-form
 * estimate beside the simulated success, cost and p95, outcome mix, cycle-time histogram, failures by node and
 * error, human gates, cost by node, automation leverage and the hypothesis verdicts.
 */
import { useId, useState } from 'react';
import { reportKpi, type KpiValue, type Workflow } from '../../domain/index.ts';
import { estimateDisagrees, estimateRows } from './estimate-rows.ts';
import type { BatchState, ClosedFormEstimate, SimReport } from '../../store/simulation-store.ts';
import { CycleHistogram, OutcomeBar } from './SimCharts.tsx';
import { GLOSSARY, kpiDefinition } from './glossary.ts';
import { resultsSummary } from './results-summary.ts';
import { formatCount, formatKpi, formatPercent, formatSeconds, formatUsd, KPI_META } from './sim-format.ts';

export function KpiCard({ name, k, label }: { name: string; k: KpiValue | undefined; label?: string | undefined }) {
  const meta = KPI_META.find((m) => m.name === name);
  const definition = kpiDefinition(name);
  return (
    <div className="sim-kpi" data-kpi={name} title={definition}>
      <span className="sim-kpi__label">{label ?? meta?.label ?? name}</span> <span className="sim-kpi__value">{formatKpi(name, k?.mean ?? null)}</span>
      {k?.ci95 && (
        <span className="sim-kpi__ci" title="95% confidence interval across replications (see Interval in the glossary)">
          {' '}
          95% CI {formatKpi(name, k.ci95[0])} – {formatKpi(name, k.ci95[1])}
        </span>
      )}
    </div>
  );
}

function EstimateTable({ report, estimate }: { report: SimReport; estimate: ClosedFormEstimate }) {
  return (
    <table className="sim-table" aria-label="Closed-form estimate beside simulation">
      <caption>Analyzer estimate vs simulation{estimate.scenario ? ` (both for ${estimate.scenario.name}${estimate.scenario.faults > 0 ? ', its faults included' : ''})` : ''}</caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Simulated (95% CI)</th>
          <th scope="col">Closed form</th>
          <th scope="col">Agreement</th>
        </tr>
      </thead>
      <tbody>
        {estimateRows(estimate).map((r) => {
          const k = reportKpi(report.kpis, r.kpi);
          const declined = r.declined !== undefined || !Number.isFinite(r.estimate);
          const off = !declined && estimateDisagrees(k, r.estimate);
          return (
            <tr key={r.kpi} data-estimate={r.kpi} className={off ? 'sim-flag' : undefined}>
              <th scope="row">{r.label}</th>
              <td>
                {formatKpi(r.kpi, k?.mean ?? null)}
                {k?.ci95 ? ` (${formatKpi(r.kpi, k.ci95[0])} – ${formatKpi(r.kpi, k.ci95[1])})` : ''}
              </td>
              <td title={r.declined}>{declined ? 'not estimated' : formatKpi(r.kpi, r.estimate)}</td>
              <td>{declined ? (r.declined ?? 'no closed form') : off ? '⚠ outside the interval' : 'within the interval'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function nodeLabel(doc: Workflow, id: string): string {
  const n = doc.nodes.find((x) => x.id === id);
  return n ? n.label || id : `${id} (removed)`;
}

function FailuresTable({ report, doc }: { report: SimReport; doc: Workflow }) {
  const rows: { node: string; error: string; tries: number }[] = [];
  const caseRows: { node: string; failed: number; stuck: number; fallbacks: number; breaker: number | undefined }[] = [];
  for (const [id, n] of Object.entries(report.nodes)) {
    for (const [error, count] of Object.entries(n.failures)) if (count) rows.push({ node: id, error, tries: count });
    if (n.caseFailures + n.stuck + n.fallbacks > 0 || (n.breakerOpens ?? 0) > 0) caseRows.push({ node: id, failed: n.caseFailures, stuck: n.stuck, fallbacks: n.fallbacks, breaker: n.breakerOpens });
  }
  rows.sort((a, b) => b.tries - a.tries);
  if (rows.length === 0 && caseRows.length === 0) return <p className="muted">No failures in this run.</p>;
  return (
    <>
      {rows.length > 0 && (
        <table className="sim-table" aria-label="Failures by node and error type">
          <caption>Failed tries by node and error type</caption>
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Error</th>
              <th scope="col">Failed tries</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.node}/${r.error}`} data-node-id={r.node}>
                <td>{nodeLabel(doc, r.node)}</td>
                <td>{r.error}</td>
                <td>{formatCount(r.tries)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {caseRows.length > 0 && (
        <table className="sim-table" aria-label="Case failures by node">
          <caption>Where cases ended badly</caption>
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Cases failed</th>
              <th scope="col">Stuck</th>
              <th scope="col">Fallbacks</th>
              <th scope="col">Breaker opens</th>
            </tr>
          </thead>
          <tbody>
            {caseRows.map((r) => (
              <tr key={r.node}>
                <td>{nodeLabel(doc, r.node)}</td>
                <td>{formatCount(r.failed)}</td>
                <td>{formatCount(r.stuck)}</td>
                <td>{formatCount(r.fallbacks)}</td>
                <td>{r.breaker ?? '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function GatesTable({ report, doc }: { report: SimReport; doc: Workflow }) {
  const gates = Object.entries(report.nodes).filter(([, n]) => n.gate);
  if (gates.length === 0) return null;
  return (
    <table className="sim-table" aria-label="Human gates">
      <caption>Human gates</caption>
      <thead>
        <tr>
          <th scope="col">Gate</th>
          <th scope="col">Arrivals</th>
          <th scope="col">Mean queue</th>
          <th scope="col">Mean wait</th>
          <th scope="col">Utilisation</th>
          <th scope="col">SLA breaches</th>
          <th scope="col">Reviewer h/day</th>
        </tr>
      </thead>
      <tbody>
        {gates.map(([id, n]) =>
          n.gate ? (
            <tr key={id} data-gate={id}>
              <td>{nodeLabel(doc, id)}</td>
              <td>{formatCount(n.gate.arrivals)}</td>
              <td>{n.gate.meanQueueLength.toFixed(2)}</td>
              <td>{formatSeconds(n.gate.meanWaitSeconds)}</td>
              <td>{formatPercent(n.gate.utilisation)}</td>
              <td>{formatCount(n.gate.slaBreaches)}</td>
              <td>{n.gate.reviewerHoursPerDay.toFixed(1)}</td>
            </tr>
          ) : null,
        )}
      </tbody>
    </table>
  );
}

function CostTable({ report, doc }: { report: SimReport; doc: Workflow }) {
  if (report.costByNode.length === 0) return null;
  return (
    <table className="sim-table" aria-label="Cost by node">
      <caption>Cost by node</caption>
      <thead>
        <tr>
          <th scope="col">Node</th>
          <th scope="col">Per case</th>
          <th scope="col">Share</th>
        </tr>
      </thead>
      <tbody>
        {report.costByNode.map((c) => (
          <tr key={c.node}>
            <td>{nodeLabel(doc, c.node)}</td>
            <td>{formatUsd(c.costPerCase)}</td>
            <td>
              <span className="sim-share" style={{ width: `${Math.round(c.share * 60)}px` }} /> {formatPercent(c.share)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Leverage({ report, doc }: { report: SimReport; doc: Workflow }) {
  const p = doc.profile;
  const human = report.kpis.humanHoursPerDay?.mean ?? null;
  const manual = p?.runsPerDay !== undefined && p.effortMinutes !== undefined ? (p.runsPerDay * p.effortMinutes) / 60 : null;
  return (
    <p className="sim-leverage">
      <strong>Automation leverage:</strong> {formatKpi('leverage', report.kpis.leverage?.mean ?? null)} —{' '}
      {manual !== null ? `${manual.toFixed(1)} manual hours/day` : 'no manual effort in the profile'} against {formatKpi('humanHoursPerDay', human)} of designed human work.
    </p>
  );
}

function Hypothesis({ report }: { report: SimReport }) {
  if (report.hypothesis.length === 0) return null;
  return (
    <ul className="sim-hypothesis" aria-label="Hypothesis">
      {report.hypothesis.map((h, i) => (
        <li key={i} data-pass={h.pass} className={h.pass ? 'sim-pass' : 'sim-fail'}>
          {h.pass ? '✔ pass' : '✘ fail'}: {h.metric} {h.op} {formatKpi(h.metric, h.value)} (simulated {formatKpi(h.metric, h.actual)})
        </li>
      ))}
    </ul>
  );
}

/** Every word the results use, defined; a disclosure so it is one click from the figures and out of the way. */
function Glossary() {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="sim-glossary">
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        What the terms mean
      </button>
      <dl id={id} hidden={!open} aria-label="Glossary">
        {GLOSSARY.map((g) => (
          <div key={g.term}>
            <dt>{g.term}</dt>
            <dd>{g.definition}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

export function BatchResults({ batch, doc }: { batch: BatchState; doc: Workflow }) {
  const r = batch.report;
  if (!r) return null;
  const deadline = doc.profile?.slaSeconds;
  return (
    <div className="sim-results" aria-busy={batch.status === 'running'}>
      <p className="sim-summary" aria-label="Result in one sentence">
        {resultsSummary(r, doc)}
      </p>
      <Glossary />
      <p className="muted">
        {batch.designName ?? 'Design'} · scenario {r.scenario} · {formatCount(r.cases)} cases × {r.replications} replications · seed {r.seed} ·{' '}
        {formatCount(r.events)} events
      </p>
      <Hypothesis report={r} />
      <div className="sim-kpis">
        {/* A KPI the report does not carry (met the deadline, without a deadline in the profile) gets no card. */}
        {KPI_META.filter((m) => reportKpi(r.kpis, m.name) !== undefined).map((m) => (
          <KpiCard key={m.name} name={m.name} k={reportKpi(r.kpis, m.name)} label={m.name === 'deadlineMetRate' && deadline !== undefined ? `Met the ${formatSeconds(deadline)} deadline` : undefined} />
        ))}
      </div>
      {batch.estimate && <EstimateTable report={r} estimate={batch.estimate} />}
      <div className="sim-row">
        <OutcomeBar mix={r.outcomeMix} />
        <CycleHistogram edges={r.histogram.edges} counts={r.histogram.counts} deadlineSeconds={deadline} />
      </div>
      <Leverage report={r} doc={doc} />
      <div className="sim-row">
        <FailuresTable report={r} doc={doc} />
        <GatesTable report={r} doc={doc} />
        <CostTable report={r} doc={doc} />
      </div>
      {r.rarelyReached.length > 0 && <p className="muted">Reached by fewer than 1% of cases: {r.rarelyReached.map((id) => nodeLabel(doc, id)).join(', ')}</p>}
    </div>
  );
}
