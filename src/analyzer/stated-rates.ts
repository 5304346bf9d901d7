/**
 * Which failure rates an estimate rests on. A step states its own when its stub gives outcomes with some share
 * of errors; an AI step or tool without a stub is estimated with its kind's defaults (createNode in
 * src/domain/defaults.ts, as the simulator runs it). A new step made in Baton carries those defaults in its stub,
 * where the conductor sees and edits them, so it states them; an imported n8n step carries none (n8n has no such
 * field). An estimate that only defaults lower says what typical steps of each kind would do, not what this design
 * does: for an n8n import it restates "these calls have no retry", no-error-handling's finding, so the rules that
 * judge the figure (low-end-to-end-reliability, chain-too-long) stay quiet unless some step states its own rates.
 */
import { usesDefaultRates, type WorkflowNode } from '../domain/index.ts';
import type { GraphContext } from './context.ts';

/** Outcomes that end a try in an error (everything but a good or a wrong-but-plausible answer). */
function errorShare(outcomes: Readonly<Record<string, number | undefined>>): number {
  let share = 0;
  for (const [k, p] of Object.entries(outcomes)) if (k !== 'ok' && k !== 'wrong') share += p ?? 0;
  return share;
}

/**
 * Whether a step states a failure rate of its own: its stub's outcomes give errors some share.
 * @example statesFailureRate(createNode('tool', { id: 't', position: { x: 0, y: 0 } })) // true (the editor's 1%)
 */
export function statesFailureRate(node: WorkflowNode): boolean {
  if (node.kind !== 'ai' && node.kind !== 'tool' && node.kind !== 'data') return false;
  const outcomes = node.stub?.outcomes;
  return outcomes !== undefined && errorShare(outcomes) > 0;
}

/** An AI step or tool without a stub: the estimate takes its kind's default failure rates (domain/defaults.ts). */
export { usesDefaultRates };

export interface RateBasis {
  /** Steps a case reaches that state their own failure rates. */
  readonly stated: readonly WorkflowNode[];
  /** Steps a case reaches whose failure rates are their kind's defaults. */
  readonly defaulted: readonly WorkflowNode[];
}

/**
 * The steps that can fail on the way of a case (the flow's visits), split by where their failure rates come from.
 * @example rateBasis(ctx).stated.length === 0 // the estimate rests on default rates only
 */
export function rateBasis(graph: GraphContext): RateBasis {
  const visits = graph.flow().visits;
  const stated: WorkflowNode[] = [];
  const defaulted: WorkflowNode[] = [];
  for (const n of graph.workNodes) {
    if ((visits[graph.indexOf(n.id)] ?? 0) <= 0) continue;
    if (statesFailureRate(n)) stated.push(n);
    else if (usesDefaultRates(n)) defaulted.push(n);
  }
  return { stated, defaulted };
}

/**
 * The words a message adds when part of its figure rests on default rates ("" when none does).
 * @example defaultsNote({ stated: [a], defaulted: [b, c] }) // "; 2 of the 3 steps that can fail use their kind's default failure rates"
 */
export function defaultsNote(basis: RateBasis): string {
  const d = basis.defaulted.length;
  if (d === 0) return '';
  const total = d + basis.stated.length;
  return `; ${d} of the ${total} steps that can fail use their kind's default failure rates`;
}
