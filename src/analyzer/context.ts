/**
 * The one immutable graph context of an analysis: GraphCore's structure (adjacency, reachability, SCCs,
 * dominators, split/join matching) plus the flow estimates and metrics, each computed on first use and shared
 * by every rule.
 */
import type { Workflow } from '../domain/index.ts';
import { propagate, type FlowResult } from './estimates.ts';
import { GraphCore, lazy } from './graph-core.ts';
import { computeMetrics } from './metrics.ts';
import { overEngineering } from './score.ts';
import type { Metrics, OverEngineeringBand } from './types.ts';

export class GraphContext extends GraphCore {
  /** Expected flow of one case: success, visits, cost and time (estimates.ts). */
  readonly flow: () => FlowResult = lazy(() => propagate(this));
  readonly metrics: () => Metrics = lazy(() => computeMetrics(this, this.flow()));
  readonly overEngineering: () => { ratio: number; needed: number; used: number; band: OverEngineeringBand } = lazy(() =>
    overEngineering(this.workNodes.length, this.doc.profile),
  );

  /** Expected visits of a node per case. */
  visits(id: string): number {
    const i = this.indexOf(id);
    return i < 0 ? 0 : (this.flow().visits[i] ?? 0);
  }
}

/**
 * Build the context for one document revision.
 * @example createContext(doc).onEveryPath('n3')
 */
export function createContext(doc: Workflow): GraphContext {
  return new GraphContext(doc);
}
