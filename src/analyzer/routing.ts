/**
 * Where a router sends a case, in closed form, with the simulator's rules (docs/simulator.md, "Routers and
 * joins"):
 * - exclusive: the first edge in document order whose condition holds; else the edges with only a probability,
 *   by weight (weights under 1 leave the rest to the default; without a default they are renormalised); else
 *   the default edge; else the first plain edge; else the case is stuck;
 * - inclusive: every edge whose condition holds or whose probability fires, plain edges always, the default only
 *   when nothing else was chosen;
 * - parallel: every edge.
 * Conditions are evaluated exactly where the case's value is known in distribution: `confidence` (the confidence
 * distribution of the step that set it, for a correct or a wrong result), `visits` (the router's visit counter
 * of the expanded graph), a case attribute the scenario does not define (false, as in the engine). An `attempt`
 * condition, or a confidence whose source is ambiguous, is read with the edge's `probability` as its expected
 * share (the format's hint), and the estimate says it approximates.
 */
import { evaluateCondition, type Condition, type Distribution, type WorkflowEdge } from '../domain/index.ts';
import { splitUnclaimed } from '../domain/semantics/index.ts';
import { distributionCdf } from '../domain/index.ts';

/** The case's confidence as a distribution (what the step reports, capped at 1), or undefined when none was set. */
export type ConfidenceLaw = Distribution | undefined;

/** What is known about a case's values when it reaches a router. */
export interface RouteValues {
  readonly confidence: ConfidenceLaw;
  /** True when the confidence's source is ambiguous: conditions on it use the hint. */
  readonly confidenceUnknown: boolean;
  /** Entries into this router by the case, when the router counts them (else undefined: no condition reads it). */
  readonly visits: number | undefined;
  /** Case attributes (a scenario's; none today). */
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
}

/** A choice of edges (indices into the router's edge list, document order) with its probability. */
export interface Choice {
  readonly edges: readonly number[];
  readonly p: number;
}

export interface Routing {
  readonly choices: readonly Choice[];
  /** Probability no edge is taken: the case is stuck at the router. */
  readonly stuck: number;
  /** True when a hint stood in for a condition the estimate cannot evaluate. */
  readonly approximate: boolean;
}

/** P(min(X, 1) op value) for a confidence law, evaluated on an interval's representative point. */
type Verdict = boolean | 'unknown';

/** How a condition reads for a case: certainly true/false, by the confidence, or unknown (attempt). */
function verdict(c: Condition, v: RouteValues, confidence: number | undefined): Verdict {
  if (c.field === 'confidence') {
    if (v.confidenceUnknown) return 'unknown';
    return evaluateCondition(c, { ...v.attributes, confidence });
  }
  if (c.field === 'visits') return evaluateCondition(c, { ...v.attributes, visits: v.visits ?? 0 });
  if (c.field === 'attempt') return 'unknown';
  return evaluateCondition(c, v.attributes);
}

/**
 * The confidence axis cut where any condition's value lies: within a piece every condition on confidence is
 * either true or false. Returns [probability, representative value] per piece (value undefined: no confidence).
 */
function confidencePieces(edges: readonly WorkflowEdge[], law: ConfidenceLaw): [number, number | undefined][] {
  if (law === undefined) return [[1, undefined]];
  const cuts = new Set<number>();
  for (const e of edges) if (e.condition?.field === 'confidence' && typeof e.condition.value === 'number') cuts.add(e.condition.value);
  const points = [...cuts].filter((x) => x > 0 && x < 1).sort((a, b) => a - b);
  // conf = min(draw, 1): a draw above 1 counts as exactly 1 (a point mass at 1 for laws that can exceed it).
  const cdf = (x: number): number => (x >= 1 ? 1 : distributionCdf(law, x));
  const below = (x: number): number => (x >= 1 ? distributionCdf(law, 1 - 1e-12) : distributionCdf(law, x - 1e-12));
  const pieces: [number, number | undefined][] = [];
  let prevEdge = 0;
  let prevCdf = 0;
  for (const x of points) {
    // The open interval (prev, x), then the point x itself (mass only for a law with an atom there).
    const open = below(x) - prevCdf;
    if (open > 0) pieces.push([open, (prevEdge + x) / 2]);
    const atom = cdf(x) - below(x);
    if (atom > 0) pieces.push([atom, x]);
    prevEdge = x;
    prevCdf = cdf(x);
  }
  const rest = below(1) - prevCdf;
  if (rest > 0) pieces.push([rest, (prevEdge + 1) / 2]);
  const atOne = 1 - below(1);
  if (atOne > 0) pieces.push([atOne, 1]);
  return pieces;
}

function add(map: Map<string, Choice>, edges: readonly number[], p: number): void {
  if (p <= 0) return;
  const key = edges.join(',');
  const prev = map.get(key);
  map.set(key, { edges, p: (prev?.p ?? 0) + p });
}

/**
 * Where an exclusive router sends a case: one edge per choice.
 * @example exclusiveRouting([{ probability: 0.3 }, { isDefault: true }], values).choices // [{edges:[0],p:0.3},{edges:[1],p:0.7}]
 */
export function exclusiveRouting(edges: readonly WorkflowEdge[], v: RouteValues): Routing {
  const out = new Map<string, Choice>();
  let stuck = 0;
  let approximate = false;
  // Cases no condition claims: by weight, the rest to the default (or first plain) edge (src/domain/semantics).
  const unclaimed = splitUnclaimed(edges);
  const fallback = (p: number): void => {
    if (p <= 0) return;
    unclaimed.weights.forEach((w, j) => add(out, [j], p * w));
    if (unclaimed.fallback >= 0) add(out, [unclaimed.fallback], p * unclaimed.fallbackShare);
    const taken = unclaimed.weights.reduce((a, b) => a + b, 0) + (unclaimed.fallback >= 0 ? unclaimed.fallbackShare : 0);
    stuck += p * Math.max(0, 1 - taken);
  };
  for (const [w, conf] of confidencePieces(edges, v.confidence)) {
    // Walk the conditions in order; an unknown one fires with its hint (its expected share).
    let left = w;
    for (let j = 0; j < edges.length && left > 0; j++) {
      const c = edges[j]!.condition;
      if (c === undefined) continue;
      const verdictJ = verdict(c, v, conf);
      if (verdictJ === 'unknown') {
        approximate = true;
        const h = edges[j]!.probability ?? 0.5;
        add(out, [j], left * h);
        left *= 1 - h;
      } else if (verdictJ) {
        add(out, [j], left);
        left = 0;
      }
    }
    fallback(left);
  }
  return { choices: [...out.values()], stuck, approximate };
}

/** Above this many probabilistic edges an inclusive router's subsets are not enumerated (2^k). */
const MAX_INCLUSIVE_FLIPS = 10;

/**
 * Which edges an inclusive router takes, as a distribution over sets of edges.
 * @example inclusiveRouting([{}, { probability: 0.5 }], values).choices // [{edges:[0],p:0.5},{edges:[0,1],p:0.5}]
 */
export function inclusiveRouting(edges: readonly WorkflowEdge[], v: RouteValues): Routing {
  const out = new Map<string, Choice>();
  let stuck = 0;
  let approximate = false;
  const def = edges.findIndex((e) => e.condition === undefined && e.probability === undefined && e.isDefault === true);
  for (const [w, conf] of confidencePieces(edges, v.confidence)) {
    const fixed: number[] = [];
    const flips: { j: number; p: number }[] = [];
    edges.forEach((e, j) => {
      if (e.condition !== undefined) {
        const verdictJ = verdict(e.condition, v, conf);
        if (verdictJ === 'unknown') {
          approximate = true;
          flips.push({ j, p: e.probability ?? 0.5 });
        } else if (verdictJ) fixed.push(j);
      } else if (e.probability !== undefined) flips.push({ j, p: e.probability });
      else if (e.isDefault !== true) fixed.push(j);
    });
    if (flips.length > MAX_INCLUSIVE_FLIPS) {
      // Too many independent edges to enumerate: each fires on its own (the estimate says it approximates).
      approximate = true;
      add(out, [...fixed, ...flips.filter((f) => f.p >= 0.5).map((f) => f.j)].sort((a, b) => a - b), w);
      continue;
    }
    for (let mask = 0; mask < 1 << flips.length; mask++) {
      let p = w;
      const chosen = fixed.slice();
      flips.forEach((f, k) => {
        if (mask & (1 << k)) {
          p *= f.p;
          chosen.push(f.j);
        } else p *= 1 - f.p;
      });
      if (p <= 0) continue;
      chosen.sort((a, b) => a - b);
      if (chosen.length > 0) add(out, chosen, p);
      else if (def >= 0) add(out, [def], p);
      else stuck += p;
    }
  }
  return { choices: [...out.values()], stuck, approximate };
}
