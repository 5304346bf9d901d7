/**
 * What the words on the results mean, in one place: the glossary under the summary lists them, and each KPI card
 * explains itself with the entry its label uses. Definitions follow docs/simulator.md ("How a case ends", "KPIs").
 */

export interface GlossaryEntry {
  /** The word as the results write it. */
  readonly term: string;
  readonly definition: string;
}

export const GLOSSARY: readonly GlossaryEntry[] = [
  { term: 'Case', definition: 'One run of the workflow from its trigger to an output: one application, one ticket, one document.' },
  { term: 'Success', definition: 'Cases that ended at an output whose outcome is success. Some of them may still carry a wrong result: see silent error.' },
  { term: 'Rejected / escalated / error', definition: 'Cases that ended at an output with that outcome: turned down, handed to a person, or reported as an error on purpose.' },
  { term: 'Failed', definition: 'Cases ended by an error nobody handled: no retry absorbed it and no catcher routed it.' },
  { term: 'Stuck', definition: 'Cases that could not go on: a port with no edge (a router with no branch to take), a step entered more often than the loop limit allows, or a join that can never fire. A stuck case is a design bug.' },
  { term: 'Silent error', definition: 'A case that ended as a success although a step produced a wrong result and no check or reviewer caught it.' },
  { term: 'Cycle time', definition: 'Time from a case’s arrival to its end, waiting included. p50 is the time half the cases finish within, p90 nine in ten, p95 and p99 likewise.' },
  { term: 'Met the deadline', definition: 'Cases whose cycle time is within the deadline of the task profile, whatever their outcome.' },
  { term: 'SLA breach', definition: 'An item that waited at a human gate longer than the gate’s SLA, or finished after it.' },
  { term: 'Fallback', definition: 'Cases where a step’s error was caught and the case took its error route instead of failing.' },
  { term: 'Tries per success', definition: 'Calls to AI steps and tools, retries included, for each successful case.' },
  { term: 'Leverage', definition: 'How many hours of manual work a day the workflow replaces for each hour of human work it still needs (effort × runs per day from the profile, over the human hours per day).' },
  { term: 'Interval', definition: 'The 95% confidence interval: the range the true figure lies in with 95% confidence, from the spread across replications. More replications make it narrower.' },
  { term: 'Replication', definition: 'One independent repeat of the whole batch of cases with its own random draws; the figures are means across replications.' },
  { term: 'Points', definition: 'A difference between two percentages, in percentage points: from 90% to 93% is +3 points.' },
  { term: 'Clear difference', definition: 'The interval of B − A leaves out zero: the difference is real, not luck of the draw.' },
  { term: 'Log scale', definition: 'Each step along the axis multiplies the time (1 min, 10 min, 100 min) so fast and very slow cases fit on one chart.' },
];

/** The glossary entry each KPI's label uses, by KPI name. */
const KPI_TERMS: Readonly<Record<string, string>> = {
  successRate: 'Success',
  rejectedRate: 'Rejected / escalated / error',
  escalatedRate: 'Rejected / escalated / error',
  errorRate: 'Rejected / escalated / error',
  failedRate: 'Failed',
  stuckRate: 'Stuck',
  silentErrorRate: 'Silent error',
  deadlineMetRate: 'Met the deadline',
  cycleSecondsP50: 'Cycle time',
  cycleSecondsP90: 'Cycle time',
  cycleSecondsP95: 'Cycle time',
  cycleSecondsP99: 'Cycle time',
  meanCycleSeconds: 'Cycle time',
  triesPerSuccess: 'Tries per success',
  leverage: 'Leverage',
  fallbackRate: 'Fallback',
};

/** The definition a KPI's label explains itself with, if it has one. */
export function kpiDefinition(kpi: string): string | undefined {
  const term = KPI_TERMS[kpi];
  return term === undefined ? undefined : GLOSSARY.find((g) => g.term === term)?.definition;
}
