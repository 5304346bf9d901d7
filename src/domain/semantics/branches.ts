/**
 * Branch weights: which edges a case takes out of a router, and the share of cases each edge gets on average.
 *
 * The simulator decides per case (conditions are evaluated on the case); the analyzer works with expected
 * shares. Both come from the rules here.
 */
import type { Condition } from '../edge.schema.ts';
import type { ROUTER_MODES } from '../node.schema.ts';

/** What routing reads of an edge (a WorkflowEdge fits). */
export interface BranchEdge {
  readonly condition?: Condition | undefined;
  readonly probability?: number | undefined;
  readonly isDefault?: boolean | undefined;
}

/**
 * How an exclusive router treats an edge: a `condition` decides first (a probability on the same edge is only the
 * analyzer's guess of how often it holds); else a `probability` makes it a weighted edge; else `isDefault`; else
 * it is a plain edge.
 * @example exclusiveRole({ condition: { field: 'confidence', op: '<', value: 0.8 }, probability: 0.2 }) // 'condition'
 */
export function exclusiveRole(e: BranchEdge): 'condition' | 'weight' | 'default' | 'plain' {
  if (e.condition !== undefined) return 'condition';
  if (e.probability !== undefined) return 'weight';
  return e.isDefault ? 'default' : 'plain';
}

/** How an exclusive router splits the cases that no condition claimed. */
export interface UnclaimedSplit {
  /**
   * Per edge, in document order: the share of those cases it takes by weight (0 for every edge that is not a
   * weighted edge). Weights that sum to less than 1 leave the rest to the default edge; with no default edge, or
   * when they sum to more than 1, they are renormalised to sum to 1.
   */
  readonly weights: readonly number[];
  /** The edge that takes what the weights leave: the first default edge, else the first plain edge; -1 if none. */
  readonly fallback: number;
  /** 1 - sum(weights): the share `fallback` takes (cases with no edge to take end stuck). */
  readonly fallbackShare: number;
}

/**
 * The split of the cases no condition claims at an exclusive router. The simulator draws one uniform number per
 * such case when some weight is positive, and walks the weights in document order; past them it takes
 * `fallback`.
 * @example splitUnclaimed([{ probability: 0.3 }, { probability: 0.2 }, { isDefault: true }]) // { weights: [0.3, 0.2, 0], fallback: 2, fallbackShare: 0.5 }
 * @example splitUnclaimed([{ probability: 3 }, { probability: 1 }]).weights // [0.75, 0.25] (renormalised)
 */
export function splitUnclaimed(edges: readonly BranchEdge[]): UnclaimedSplit {
  let total = 0;
  let def = -1;
  let plain = -1;
  edges.forEach((e, j) => {
    const role = exclusiveRole(e);
    if (role === 'weight') total += e.probability ?? 0;
    else if (role === 'default' && def < 0) def = j;
    else if (role === 'plain' && plain < 0) plain = j;
  });
  const scale = total < 1 && def >= 0 ? 1 : total;
  const weights = edges.map((e) => (total > 0 && exclusiveRole(e) === 'weight' ? (e.probability ?? 0) / scale : 0));
  const fallback = def >= 0 ? def : plain;
  const weighted = weights.reduce((a, b) => a + b, 0);
  return { weights, fallback, fallbackShare: fallback >= 0 ? Math.max(0, 1 - weighted) : 0 };
}

/**
 * The routing mode of the edges leaving one port: a router's own mode; several edges out of one port of any
 * other node are taken together, like a parallel router's.
 */
export type BranchMode = (typeof ROUTER_MODES)[number];

/**
 * Expected share of cases each edge takes (document order), as the analyzer reads a design. Shares of an
 * exclusive router sum to 1 at most (the rest has no branch and ends stuck); a parallel split gives every edge
 * 1; an inclusive router gives each edge its own chance.
 *
 * Exclusive: a conditional edge's expected share is its `probability` when it has one (conditions claim cases
 * in document order, so these shares are of all cases; if they add up to more than 1 they are scaled to 1).
 * Conditional edges without one split what is left evenly, together with the cases no condition claims (which
 * count as one more branch when the router has a weighted, default or plain edge); those are split by
 * `splitUnclaimed`. Inclusive: a condition's edge its `probability`, else 1/2; a weighted edge its
 * probability; a plain edge 1; the default edge the chance that no other edge fired (other edges independent).
 * @example expectedBranchShares('exclusive', [{ condition: c, probability: 0.2 }, { probability: 0.5 }, { isDefault: true }]) // [0.2, 0.4, 0.4]
 * @example expectedBranchShares('inclusive', [{ probability: 0.5 }, { isDefault: true }]) // [0.5, 0.5]
 */
export function expectedBranchShares(mode: BranchMode, edges: readonly BranchEdge[]): number[] {
  if (mode === 'parallel') return edges.map(() => 1);
  if (mode === 'inclusive') return inclusiveShares(edges);
  const shares = edges.map(() => 0);
  let known = 0;
  const unknown: number[] = [];
  edges.forEach((e, j) => {
    if (e.condition === undefined) return;
    if (e.probability !== undefined) known += e.probability;
    else unknown.push(j);
  });
  const scale = known > 1 ? 1 / known : 1;
  edges.forEach((e, j) => {
    if (e.condition !== undefined && e.probability !== undefined) shares[j] = e.probability * scale;
  });
  const rest = Math.max(0, 1 - known * scale);
  const unclaimed = splitUnclaimed(edges);
  const hasUnclaimedRoute = unclaimed.fallback >= 0 || unclaimed.weights.some((w) => w > 0);
  const parts = unknown.length + (hasUnclaimedRoute ? 1 : 0);
  if (parts === 0) return shares;
  const each = rest / parts;
  for (const j of unknown) shares[j] = each;
  if (hasUnclaimedRoute) {
    unclaimed.weights.forEach((w, j) => (shares[j] = (shares[j] ?? 0) + each * w));
    if (unclaimed.fallback >= 0) shares[unclaimed.fallback] = (shares[unclaimed.fallback] ?? 0) + each * unclaimed.fallbackShare;
  }
  return shares;
}

function inclusiveShares(edges: readonly BranchEdge[]): number[] {
  const shares = edges.map((e) => {
    if (e.condition !== undefined) return e.probability ?? 0.5;
    if (e.probability !== undefined) return e.probability;
    return e.isDefault ? 0 : 1;
  });
  const def = edges.findIndex((e) => e.condition === undefined && e.probability === undefined && e.isDefault === true);
  if (def >= 0) {
    // The default edge fires only when no other edge did.
    let none = 1;
    shares.forEach((s, j) => {
      if (j !== def && !(edges[j]?.isDefault === true && edges[j]?.condition === undefined && edges[j]?.probability === undefined)) none *= 1 - s;
    });
    shares[def] = none;
  }
  return shares;
}
