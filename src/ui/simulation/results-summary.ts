/**
 * The simulation result in one sentence, for a person who is not a statistician: how many cases finish in time,
 * how they end (and where, when most do not succeed), and what went wrong at people's desks (SLA breaches) or in
 * the design (stuck cases, silent errors). Computed from the report and the design only, so it is tested without
 * a page and says nothing the figures below it do not show.
 */
import { formatSeconds, type SimulationReport, type Workflow } from '../../domain/index.ts';
import type { CaseOutcome } from '../../domain/semantics/index.ts';
import { formatCount, formatPercent } from './sim-format.ts';

/**
 * A share as people say it: "9 in 10" when that is within 2 points of the figure, else a percent; "all" and
 * "none" only when exact.
 * @example shareInWords(0.9) // "9 in 10"
 * @example shareInWords(0.937) // "93.7%"
 */
export function shareInWords(x: number): string {
  if (x >= 1) return 'all';
  if (x <= 0) return 'none';
  const tenths = Math.round(x * 10);
  if (tenths >= 1 && tenths <= 9 && Math.abs(x * 10 - tenths) <= 0.2) return `${tenths} in 10`;
  return formatPercent(x);
}

/** How each end state reads after a share ("95% are rejected"). */
const OUTCOME_VERBS: Readonly<Record<CaseOutcome, string>> = {
  success: 'succeed',
  rejected: 'are rejected',
  escalated: 'are escalated',
  error: 'end at an error output',
  failed: 'fail (an error nobody handled)',
  stuck: 'get stuck',
};

/** Shares below this are too small to name in the sentence (the figures still show them). */
const NOTABLE = 0.01;

function label(doc: Workflow, id: string): string {
  const n = doc.nodes.find((x) => x.id === id);
  return `“${n?.label.trim() || id}”`;
}

/** The output most cases of this outcome ended at, when the design has several for it. */
function mainOutput(report: SimulationReport, doc: Workflow, outcome: CaseOutcome): string | null {
  const outputs = doc.nodes.filter((n) => n.kind === 'output' && n.config.outcome === outcome);
  if (outputs.length < 2) return null;
  let best: { id: string; visits: number } | null = null;
  let total = 0;
  for (const o of outputs) {
    const visits = report.nodes[o.id]?.visits ?? 0;
    total += visits;
    if (visits > (best?.visits ?? 0)) best = { id: o.id, visits };
  }
  return best && best.visits > total / 2 ? label(doc, best.id) : null;
}

function timing(report: SimulationReport, doc: Workflow): string | null {
  const deadline = doc.profile?.slaSeconds;
  const met = report.kpis.deadlineMetRate?.mean;
  if (deadline !== undefined && met !== undefined && met !== null) {
    const words = shareInWords(met);
    const who = words === 'all' ? 'all cases finish' : words === 'none' ? 'no case finishes' : `${words} cases finish`;
    const p90 = report.kpis.cycleSecondsP90.mean;
    // When many are late, say how late: "9 in 10 within 44 h" against a 24 h deadline.
    const late = met < 0.9 && p90 !== null && p90 > deadline ? ` (9 in 10 within ${formatSeconds(p90)})` : '';
    return `${who} within the ${formatSeconds(deadline)} deadline${late}`;
  }
  const p50 = report.kpis.cycleSecondsP50.mean;
  const p90 = report.kpis.cycleSecondsP90.mean;
  if (p50 === null || p90 === null) return null;
  return `half the cases finish within ${formatSeconds(p50)} and 9 in 10 within ${formatSeconds(p90)}`;
}

function outcomes(report: SimulationReport, doc: Workflow): string | null {
  const entries = (Object.entries(report.outcomeMix) as [CaseOutcome, number][]).filter(([, v]) => v > 0);
  const total = entries.reduce((a, [, v]) => a + v, 0);
  if (total === 0) return null;
  entries.sort((a, b) => b[1] - a[1]);
  const scenario = (doc.scenarios ?? []).length > 1 ? doc.scenarios?.find((s) => s.id === report.scenario)?.name : undefined;
  const phrases = entries
    .filter(([, v], i) => i === 0 || v / total >= NOTABLE)
    .slice(0, 2)
    .map(([outcome, v], i) => {
      const where = i === 0 && outcome !== 'success' ? mainOutput(report, doc, outcome) : null;
      return `${formatPercent(v / total)} ${OUTCOME_VERBS[outcome]}${where ? `, mostly at ${where}` : ''}`;
    });
  return `${scenario ? `under “${scenario}”, ` : ''}${phrases.join(' and ')}`;
}

function breaches(report: SimulationReport, doc: Workflow): string | null {
  const gates = Object.entries(report.nodes)
    .flatMap(([id, n]) => (n.gate && n.gate.slaBreaches > 0 ? [{ id, breaches: n.gate.slaBreaches, arrivals: n.gate.arrivals }] : []))
    .sort((a, b) => b.breaches - a.breaches);
  const worst = gates[0];
  if (!worst) return null;
  const share = worst.arrivals > 0 ? ` (${formatPercent(Math.min(1, worst.breaches / worst.arrivals))})` : '';
  const more = gates.length > 1 ? `, and ${formatCount(gates.slice(1).reduce((a, g) => a + g.breaches, 0))} more at ${gates.length - 1} other gate${gates.length > 2 ? 's' : ''}` : '';
  return `${formatCount(worst.breaches)} of ${formatCount(worst.arrivals)} items at ${label(doc, worst.id)}${share} missed its SLA${more}`;
}

function silent(report: SimulationReport): string | null {
  const rate = report.kpis.silentErrorRate.mean;
  return rate !== null && rate >= NOTABLE ? `${formatPercent(rate)} end as a success with a wrong result (silent errors)` : null;
}

/**
 * One sentence: timing; outcomes (with the scenario's name when the design has several, and the output most of a
 * bad outcome ends at); SLA breaches whenever there are any; silent errors when they are notable.
 * @example resultsSummary(report, doc) // "9 in 10 cases finish within the 24 h deadline; under “Sanctions outage”, 95% are rejected, mostly at “Reject: screening down” and 5% succeed."
 */
export function resultsSummary(report: SimulationReport, doc: Workflow): string {
  const parts = [timing(report, doc), outcomes(report, doc), breaches(report, doc), silent(report)].filter((p): p is string => p !== null);
  if (parts.length === 0) return 'No case finished in this run.';
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
