/**
 * The analysis at a glance: complexity score and band with its three biggest contributors, the
 * over-engineering ratio (shouted when over-engineered: that is the analyzer's headline judgement) and the
 * closed-form estimates. Every figure explains itself on hover and on keyboard focus.
 */
import { useId, type ReactNode } from 'react';
import type { Analysis } from '../../analyzer/index.ts';
import type { Profile } from '../../domain/index.ts';
import type { EditorState } from '../../store/editor-store.ts';
import { selectAnalysis } from '../../store/analysis.ts';
import { formatSeconds } from '../../domain/index.ts';
import { useEditorStore } from '../editor-context.tsx';

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

export function ScoreCardView({ analysis: a, profileFilled = true }: { analysis: Analysis; profileFilled?: boolean }) {
  const oe = a.overEngineering;
  // With no task described, only surplus steps (evidence in the design itself) make it over-engineered.
  const over = oe.band === 'over-engineered' && (profileFilled || oe.surplus > 0);
  const used = Math.round(oe.used * 10) / 10;
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
            tip={`Work steps a case passes (${used}) over the steps the task profile needs (${oe.needed}). Over-engineered when steps add no correctness (a redundant AI step, a wrapper layer, a repeated check: ${oe.surplus} here), or when the profile's task needs far fewer judgement steps; size alone never is.`}
          />
        ) : (
          <Figure
            className={over ? 'figure--over' : ''}
            label="Over-engineering"
            value={oe.surplus > 0 ? `${oe.surplus} step${oe.surplus === 1 ? '' : 's'} add${oe.surplus === 1 ? 's' : ''} nothing` : 'describe the task first'}
            tip="Fill in the task profile (in the Inspector with nothing selected: effort by hand, risk, runs per day) and Baton also judges whether the design does more than the task needs. Steps that add no correctness (a redundant AI step, a wrapper layer, a repeated check) are counted either way."
          />
        )}
        <Figure label="Success" value={percent(a.estimates.success)} tip="Estimated share of cases that end at a success output (closed form, from each step's success and the routing)." />
        <Figure label="Latency p50 / p95" value={`${formatSeconds(a.estimates.p50Seconds)} / ${formatSeconds(a.estimates.p95Seconds)}`} tip="Estimated time from trigger to output for a typical case and for 19 cases in 20, waits for people included." />
        <Figure label="Cost per case" value={usd(a.estimates.costPerCase)} tip="Expected spend on AI, tools and people per case, retries and loops included (USD)." />
        <Figure
          label="Leverage"
          value={leverageText(a.leverage.ratio)}
          tip="Hours a person would spend doing the task by hand, divided by the human hours the design still needs (needs the profile's runs per day and effort)."
        />
      </dl>
      {over && (
        <p className="scorecard__over" role="note">
          Over-engineered: {oe.surplus > 0 ? `${oe.surplus} step(s) add no correctness; ` : ''}
          {profileFilled ? `${used} work steps per case where the task needs about ${oe.needed}. ` : ''}Try the simplest version first; add steps only for a measured failure.
        </p>
      )}
      {a.score.contributors.length > 0 && (
        <p className="scorecard__contrib">
          Score mostly from: {a.score.contributors.map((c) => `${c.factor} (+${Math.round(c.points)})`).join(', ')}
        </p>
      )}
    </section>
  );
}

const selectProfileFilled = (s: EditorState): boolean => profileDescribesTask(s.doc.profile);

export function ScoreCard() {
  const analysis = useEditorStore(selectAnalysis);
  const filled = useEditorStore(selectProfileFilled);
  return <ScoreCardView analysis={analysis} profileFilled={filled} />;
}
