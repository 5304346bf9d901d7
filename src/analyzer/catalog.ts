/** The rule catalog, in the order of analyzer-rules.md. The id of each rule is its file name under rules/. */
import type { AnyRule } from './define-rule.ts';
import triggerRequired from './rules/trigger-required.ts';
import outputRequired from './rules/output-required.ts';
import noDisconnected from './rules/no-disconnected.ts';
import unreachableNode from './rules/unreachable-node.ts';
import deadEnd from './rules/dead-end.ts';
import edgeIntegrity from './rules/edge-integrity.ts';
import uniqueNames from './rules/unique-names.ts';
import cycleWithoutExit from './rules/cycle-without-exit.ts';
import routerBranchConditions from './rules/router-branch-conditions.ts';
import superfluousRouter from './rules/superfluous-router.ts';
import implicitRouting from './rules/implicit-routing.ts';
import joinFork from './rules/join-fork.ts';
import splitJoinMismatch from './rules/split-join-mismatch.ts';
import avoidInclusiveRouting from './rules/avoid-inclusive-routing.ts';
import singleEntrySingleExit from './rules/single-entry-single-exit.ts';

export const ALL_RULES: readonly AnyRule[] = [
  triggerRequired,
  outputRequired,
  noDisconnected,
  unreachableNode,
  deadEnd,
  edgeIntegrity,
  uniqueNames,
  cycleWithoutExit,
  routerBranchConditions,
  superfluousRouter,
  implicitRouting,
  joinFork,
  splitJoinMismatch,
  avoidInclusiveRouting,
  singleEntrySingleExit,
];

/**
 * @example ruleById('dead-end')?.defaultSeverity // 'error'
 */
export function ruleById(id: string): AnyRule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
