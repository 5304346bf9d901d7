/**
 * The analysis at a glance: complexity score and band with its three biggest contributors, the
 * over-engineering ratio (shouted when over-engineered: that is the analyzer's headline judgement) and the
 * closed-form estimates (or "not estimated", with why, where the analyzer has no closed form for a figure). After a
 * simulation run it shows the run's figures beside the estimate for the same run (its scenario's arrivals and
 * faults), labelled, so the two numbers a person sees are for one thing. Every figure explains itself on hover and
 * on keyboard focus.
 */
import { useId, type ReactNode } from 'react';
import type { Analysis } from '../../analyzer/index.ts';
import { formatSeconds, reportKpi, type Profile } from '../../domain/index.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { selectAnalysis } from '../../store/analysis.ts';
import type { BatchState, SimulationState } from '../../store/simulation-store.ts';
import { useEditorStore } from '../editor-context.tsx';
import { estimateRows } from '../simulation/estimate-rows.ts';
import { formatKpi } from '../simulation/sim-format.ts';
import { useSimulationServices, useSimulationState, type SimulationServices } from '../simulation/simulation-services.tsx';

/** A figure with a one-line explanation, shown on hover and on focus and read as its description. */
function Figure({ label, value, tip, className = '' }: { label: string; value: ReactNode; tip: string; className?: string }) {
  const id = useId();
  return (
    <div className={`figure ${className}`} tabIndex={0} aria-describedby={id}>
      <dt>{label}</dt>
      <dd>{value}</dd>
      <span role="tooltip" id={id} className="figure__tip">
        {tip}
      </span>
    </div>
  );
}

const percent = (p: number): string => `${(Math.round(p * 1000) / 10).toFixed(1)} %`;
const usd = (x: number): string => (x === 0 ? '$0' : x < 0.01 ? `$${x.toPrecision(2)}` : `$${x.toFixed(2)}`);

const NOT_ESTIMATED = 'not estimated';

/** A figure's text, or "not estimated" when the analyzer declines it (never NaN on the card). */
function shown(x: number, declined: string | undefined, fmt: (x: number) => string): string {
  return declined !== undefined || !Number.isFinite(x) ? NOT_ESTIMATED : fmt(x);
}

/** A figure's tip, with the analyzer's reason when it declines it. */
function tipOf(tip: string, declined: string | undefined): string {
  return declined === undefined ? tip : `Not estimated: ${declined}.`;
}

function leverageText(ratio: number | null): string {
  if (ratio === null) return '—';
  if (!Number.isFinite(ratio)) return 'no human time';
  return `${ratio.toFixed(1)}×`;
}

/**
 * Whether the profile says anything about the task. Steps needed are counted from it, so with nothing filled in
 * the over-engineering ratio is a guess against a one-step task: shown as a prompt, never shouted (issue 11: a red
 * "4.5x over-engineered" banner greeted people before they had described the task).
 */
export function profileDescribesTask(p: Profile | undefined): boolean {
  return p !== undefined && (p.effortMinutes !== undefined || p.risk !== undefined || p.outputs !== undefined || p.inputModalities !== undefined || p.runsPerDay !== undefined);
}

export function ScoreCardView({ analysis: a, profileFilled = true, lastRun = null }: { analysis: Analysis; profileFilled?: boolean; lastRun?: BatchState | null }) {
  const oe = a.overEngineering;
  // With no task described, only surplus steps (evidence in the design itself) make it over-engineered.
  const over = oe.band === 'over-engineered' && (profileFilled || oe.surplus > 0);
  const e = a.estimates;
  const no = e.notEstimated;
  return (
    <section className="scorecard" aria-label="Complexity score">
      <dl className="scorecard__grid">
        <Figure
          className={`figure--band figure--${a.score.band.replace(' ', '-')}`}
          label="Complexity"
          value={
            <>
              <span className="scorecard__score">{a.score.value}</span> {a.score.band}
            </>
          }
          tip="0-100 from size, longest path, routing, connector degree, structure and tools: simple < 20, moderate < 45, complex < 70."
        />
        {profileFilled ? (
          <Figure
            className={over ? 'figure--over' : ''}
            label="Over-engineering"
            value={`${oe.ratio}× · ${oe.band}`}
            tip={`Work steps a case passes (${oe.usedText}) over the steps the task profile needs (${oe.needed}). Over-engineered when steps add no correctness (a redundant AI step, a wrapper layer, a repeated check: ${oe.surplus} here), or when the profile's task needs far fewer judgement steps; size alone never is.`}
          />
        ) : (
          <Figure
            className={over ? 'figure--over' : ''}
            label="Over-engineering"
            value={oe.surplus > 0 ? `${oe.surplus} step${oe.surplus === 1 ? '' : 's'} add${oe.surplus === 1 ? 's' : ''} nothing` : 'describe the task first'}
            tip="Fill in the task profile (in the Inspector with nothing selected: effort by hand, risk, runs per day) and Baton also judges whether the design does more than the task needs. Steps that add no correctness (a redundant AI step, a wrapper layer, a repeated check) are counted either way."
          />
        )}
        <Figure
          label="Success"
          value={shown(e.success, no.success, percent)}
          tip={tipOf("Estimated share of cases that end at a success output (closed form, from each step's success and the routing; profile arrivals, no faults).", no.success)}
        />
        <Figure
          label="Latency p50 / p95"
          value={`${shown(e.p50Seconds, no.p50Seconds, formatSeconds)} / ${shown(e.p95Seconds, no.p95Seconds, formatSeconds)}`}
          tip={tipOf("Estimated time from trigger to output for a typical case and for 19 cases in 20: queues for people, their office hours and SLA timeouts included.", no.p95Seconds ?? no.p50Seconds)}
        />
        <Figure label="Cost per case" value={shown(e.costPerCase, no.costPerCase, usd)} tip={tipOf('Expected spend on AI, tools and people per case, retries and loops included (USD).', no.costPerCase)} />
        <Figure
          label="Leverage"
          value={leverageText(a.leverage.ratio)}
          tip="Hours a person would spend doing the task by hand, divided by the human hours the design still needs (needs the profile's runs per day and effort)."
        />
      </dl>
      {over && (
        <p className="scorecard__over" role="note">
          Over-engineered: {oe.surplus > 0 ? `${oe.surplus === 1 ? '1 step adds' : `${oe.surplus} steps add`} no correctness. ` : ''}
          {profileFilled ? `${oe.usedText} where the task needs about ${oe.needed}. ` : ''}Try the simplest version first; add steps only for a measured failure.
        </p>
      )}
      {a.score.contributors.length > 0 && (
        <p className="scorecard__contrib">
          Score mostly from: {a.score.contributors.map((c) => `${c.factor} (+${Math.round(c.points)})`).join(', ')}
        </p>
      )}
      {lastRun && <LastRunView batch={lastRun} />}
    </section>
  );
}

/**
 * The last simulation run beside the analyzer's estimate for that same run (its scenario's arrivals, faults and
 * cases), labelled: never a fault run against the fault-free card above.
 */
export function LastRunView({ batch }: { batch: BatchState }) {
  const { report, estimate } = batch;
  if (!report || !estimate) return null;
  const scenario = estimate.scenario;
  const label = scenario ? `${scenario.name}${scenario.faults > 0 ? `, with its ${scenario.faults} fault${scenario.faults === 1 ? '' : 's'}` : ''}` : report.scenario;
  return (
    <table className="scorecard__run" aria-label="Last simulation run beside the estimate">
      <caption>
        Last run: {label} · {report.cases.toLocaleString('en-US')} cases × {report.replications}
      </caption>
      <thead>
        <tr>
          <th scope="col">Figure</th>
          <th scope="col">Estimate (same run)</th>
          <th scope="col">Simulated</th>
        </tr>
      </thead>
      <tbody>
        {estimateRows(estimate).map((r) => {
          const k = reportKpi(report.kpis, r.kpi);
          return (
            <tr key={r.kpi} data-run-figure={r.kpi}>
              <th scope="row">{r.label}</th>
              <td title={r.declined}>{r.declined !== undefined || !Number.isFinite(r.estimate) ? NOT_ESTIMATED : formatKpi(r.kpi, r.estimate)}</td>
              <td>{formatKpi(r.kpi, k?.mean ?? null)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const selectBatch = (s: SimulationState): BatchState => s.batch;

/** The last finished run with its estimate, from the simulation services (none in tests without them). */
function useLastRun(services: SimulationServices): BatchState | null {
  const batch = useSimulationState(services, selectBatch);
  return batch.status === 'done' && batch.report && batch.estimate ? batch : null;
}

const selectProfileFilled = (s: EditorState): boolean => profileDescribesTask(s.doc.profile);

export function ScoreCard() {
  const services = useSimulationServices();
  return services ? <ScoreCardWithRun services={services} /> : <ScoreCardLive lastRun={null} />;
}

function ScoreCardWithRun({ services }: { services: SimulationServices }) {
  return <ScoreCardLive lastRun={useLastRun(services)} />;
}

function ScoreCardLive({ lastRun }: { lastRun: BatchState | null }) {
  const analysis = useEditorStore(selectAnalysis);
  const filled = useEditorStore(selectProfileFilled);
  return analysis ? <ScoreCardView analysis={analysis} profileFilled={filled} lastRun={lastRun} /> : <ScoreCardPending />;
}

/**
 * Each figure's label and the width its value usually takes (a typical "46.7 complex", "1.21× · proportionate"),
 * so the pending card wraps into the same rows as the loaded one at any panel width.
 */
const PENDING_FIGURES = [
  ['Complexity', '7em'],
  ['Over-engineering', '12em'],
  ['Success', '4em'],
  ['Latency p50 / p95', '8em'],
  ['Cost per case', '3.5em'],
  ['Leverage', '3em'],
] as const;

/**
 * The card while the analyzer's code loads (store/analysis.ts): the same figures, each shown as pending, so the
 * panel does not jump when the analysis arrives and no figure reads as a result (never a zero or an empty score).
 */
export function ScoreCardPending() {
  return (
    <section className="scorecard scorecard--pending" aria-label="Complexity score" aria-busy="true">
      <dl className="scorecard__grid">
        {PENDING_FIGURES.map(([label, width]) => (
          <Figure key={label} label={label} value={<span className="figure__pending" style={{ minWidth: width }}>…</span>} tip="Analysing the design: the figure appears in a moment." />
        ))}
      </dl>
      {/* Holds the place of the loaded card's "Score mostly from" line, so nothing below moves when it arrives. */}
      <p className="scorecard__contrib">Analysing the design…</p>
    </section>
  );
}
