/**
 * The one immutable graph context of an analysis: GraphCore's structure (adjacency, reachability, SCCs,
 * dominators, split/join matching) plus the flow estimates and metrics, each computed on first use and shared
 * by every rule.
 */
import type { Workflow } from '../domain/index.ts';
import { flowOf, normalReach, stepsUsed, type FlowResult } from './estimates.ts';
import { GraphCore, lazy } from './graph-core.ts';
import { computeMetrics } from './metrics.ts';
import { surplusSteps } from './overbuilding.ts';
import { isAutomationLayer } from './rule-helpers.ts';
import { overEngineering, type OverEngineeringResult } from './score.ts';
import type { Metrics } from './types.ts';

export class GraphContext extends GraphCore {
  /** Expected flow of one case: success, visits, cost and time (estimates.ts). */
  readonly flow: () => FlowResult = lazy(() => flowOf(this));
  readonly metrics: () => Metrics = lazy(() => computeMetrics(this, this.flow()));
  /** How often a case reaches each node when nothing fails (estimates.ts, normalReach). */
  readonly normalReach: () => Float64Array = lazy(() => normalReach(this));
  readonly overEngineering: () => OverEngineeringResult = lazy(() => {
    const reach = this.normalReach();
    let judgement = 0;
    for (const n of this.workNodes) if (n.kind !== 'tool' || isAutomationLayer(n)) judgement += reach[this.indexOf(n.id)]!;
    return overEngineering(stepsUsed(this, reach), this.doc.profile, {
      workNodes: this.workNodes.length,
      normalWorkNodes: this.workNodes.filter((n) => this.onNormalPath(n.id)).length,
      reachableWorkNodes: this.workNodes.filter((n) => this.reachableFromTrigger(n.id)).length,
      judgement,
      surplus: surplusSteps(this),
    });
  });

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
