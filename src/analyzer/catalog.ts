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
import overbuiltSimpleTask from './rules/overbuilt-simple-task.ts';
import workflowTooLarge from './rules/workflow-too-large.ts';
import chainTooLong from './rules/chain-too-long.ts';
import redundantAiChain from './rules/redundant-ai-chain.ts';
import longLlmChain from './rules/long-llm-chain.ts';
import stackedAutomationLayers from './rules/stacked-automation-layers.ts';
import qualityGateOveruse from './rules/quality-gate-overuse.ts';
import routingComplexity from './rules/routing-complexity.ts';
import highConnectorDegree from './rules/high-connector-degree.ts';
import lowEndToEndReliability from './rules/low-end-to-end-reliability.ts';
import noErrorHandling from './rules/no-error-handling.ts';
import deadErrorPort from './rules/dead-error-port.ts';
import unreachableBranch from './rules/unreachable-branch.ts';
import singlePointOfFailure from './rules/single-point-of-failure.ts';
import uncheckedAiOutput from './rules/unchecked-ai-output.ts';
import swallowedError from './rules/swallowed-error.ts';
import noMonitoring from './rules/no-monitoring.ts';
import unboundedRetry from './rules/unbounded-retry.ts';
import missingTimeout from './rules/missing-timeout.ts';
import humanGateTimeout from './rules/human-gate-timeout.ts';
import humanGateOutcomes from './rules/human-gate-outcomes.ts';
import approvalFatigue from './rules/approval-fatigue.ts';
import gateAfterSideEffect from './rules/gate-after-side-effect.ts';
import criticalPathLatency from './rules/critical-path-latency.ts';
import costPerRun from './rules/cost-per-run.ts';
import labelRequired from './rules/label-required.ts';
import verbObjectLabel from './rules/verb-object-label.ts';
import toolCentricDesign from './rules/tool-centric-design.ts';
import hardcodedSecret from './rules/hardcoded-secret.ts';
import continueOnError from './rules/continue-on-error.ts';
import publicTriggerSpend from './rules/public-trigger-spend.ts';
import dataLossOrdering from './rules/data-loss-ordering.ts';
import llmWrittenCode from './rules/llm-written-code.ts';
import agentSideEffects from './rules/agent-side-effects.ts';

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
  unreachableBranch,
  superfluousRouter,
  implicitRouting,
  joinFork,
  splitJoinMismatch,
  avoidInclusiveRouting,
  singleEntrySingleExit,
  overbuiltSimpleTask,
  workflowTooLarge,
  chainTooLong,
  redundantAiChain,
  longLlmChain,
  stackedAutomationLayers,
  qualityGateOveruse,
  routingComplexity,
  highConnectorDegree,
  lowEndToEndReliability,
  noErrorHandling,
  deadErrorPort,
  singlePointOfFailure,
  uncheckedAiOutput,
  swallowedError,
  noMonitoring,
  unboundedRetry,
  missingTimeout,
  humanGateTimeout,
  humanGateOutcomes,
  approvalFatigue,
  gateAfterSideEffect,
  criticalPathLatency,
  costPerRun,
  labelRequired,
  verbObjectLabel,
  toolCentricDesign,
  hardcodedSecret,
  continueOnError,
  publicTriggerSpend,
  dataLossOrdering,
  llmWrittenCode,
  agentSideEffects,
];

/**
 * @example ruleById('dead-end')?.defaultSeverity // 'error'
 */
export function ruleById(id: string): AnyRule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
