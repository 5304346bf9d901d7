/**
 * Over-building: steps a design has that add no correctness, found by their shape rather than by counting
 * steps. The over-engineering band (score.ts) and the over-engineering rules share these detections, so the
 * verdict a person reads and the findings that explain it agree.
 *
 * Plumbing never counts: routers, joins, loops and data steps (set fields, merge, split, wait...) move items
 * between the steps that do the work, and real designs are full of them (37% of the steps of the n8n corpus).
 */
import type { AiNode, WorkflowNode } from '../domain/index.ts';
import type { GraphCore } from './graph-core.ts';
import { isAutomationLayer } from './rule-helpers.ts';

/** Kinds that only move or reshape items. Kept as strings so kinds added to the format later are named here too. */
const PLUMBING: ReadonlySet<string> = new Set(['router', 'join', 'loop', 'data']);

export function isPlumbing(node: WorkflowNode): boolean {
  return PLUMBING.has(node.kind);
}

/** AI steps that produce text by a language model (the ones that can be merged into one prompt). */
const LANGUAGE: ReadonlySet<string> = new Set(['llm', 'agent', 'extractor', 'classifier']);

export function isLanguageStep(node: WorkflowNode): node is AiNode {
  return node.kind === 'ai' && LANGUAGE.has(node.config.capability);
}

/**
 * The one step `id` hands its result to through plumbing, if its normal output reaches exactly one non-plumbing
 * node (and nothing else, no output either).
 */
export function onlyNextStep(core: GraphCore, id: string): WorkflowNode | undefined {
  const seen = new Set<string>([id]);
  const stack = core.outEdges(id).filter((e) => e.sourcePort === 'out').map((e) => e.target);
  let found: WorkflowNode | undefined;
  while (stack.length > 0) {
    const t = stack.pop()!;
    if (seen.has(t)) continue;
    seen.add(t);
    const n = core.node(core.indexOf(t));
    if (isPlumbing(n)) {
      for (const e of core.outEdges(t)) stack.push(e.target);
      continue;
    }
    if (found !== undefined && found.id !== n.id) return undefined;
    found = n;
  }
  return found;
}

/** The steps (or triggers) that hand `id` its input through plumbing. */
function previousSteps(core: GraphCore, id: string): Set<string> {
  const out = new Set<string>();
  const seen = new Set<string>([id]);
  const stack = core.inEdges(id).map((e) => e.source);
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    const n = core.node(core.indexOf(s));
    if (isPlumbing(n)) for (const e of core.inEdges(s)) stack.push(e.source);
    else out.add(s);
  }
  return out;
}

/**
 * Pairs of AI steps of the same language capability where the first hands its result only to the second and
 * the second gets its input only from the first (through plumbing): usually one prompt split in two.
 * @example redundantAiPairs(core) // [[draft, polish]] for trigger -> draft -> set fields -> polish -> output
 */
export function redundantAiPairs(core: GraphCore): [AiNode, AiNode][] {
  const pairs: [AiNode, AiNode][] = [];
  for (const n of core.workNodes) {
    if (!isLanguageStep(n)) continue;
    const next = onlyNextStep(core, n.id);
    if (next === undefined || next.id === n.id || !isLanguageStep(next) || next.config.capability !== n.config.capability) continue;
    const prev = previousSteps(core, next.id);
    if (prev.size === 1 && prev.has(n.id)) pairs.push([n, next]);
  }
  return pairs;
}

/** Why a step is surplus. */
export type SurplusReason = 'redundant-ai' | 'wrapper-layer' | 'repeated-check' | 'repeated-approval';

export interface SurplusStep {
  readonly nodeId: string;
  readonly reason: SurplusReason;
}

/**
 * Steps that add no correctness: the second AI step of a redundant pair, an automation layer that only hands
 * over to another layer, every check after the first in a series on the same result, every approval after the
 * first in a row. Each step counted once, for its first reason.
 * @example surplusSteps(core).length // 2 for the over-engineered meeting-notes template
 */
export function surplusSteps(core: GraphCore): SurplusStep[] {
  const out: SurplusStep[] = [];
  const seen = new Set<string>();
  const add = (nodeId: string, reason: SurplusReason): void => {
    if (seen.has(nodeId) || !core.onNormalPath(nodeId)) return;
    seen.add(nodeId);
    out.push({ nodeId, reason });
  };
  for (const [, second] of redundantAiPairs(core)) add(second.id, 'redundant-ai');
  for (const n of core.workNodes) {
    if (!isAutomationLayer(n)) continue;
    const next = onlyNextStep(core, n.id);
    if (next !== undefined && isAutomationLayer(next)) add(n.id, 'wrapper-layer');
  }
  for (const [kind, port, reason] of [
    ['check', 'pass', 'repeated-check'],
    ['human', 'approve', 'repeated-approval'],
  ] as const) {
    for (const n of core.workNodes) {
      if (n.kind !== kind || (n.kind === 'human' && n.config.type !== 'approval')) continue;
      // The next step after a passed check (an approval) through plumbing, if it is another one of the same.
      const after = core.outEdges(n.id).filter((e) => e.sourcePort === port);
      if (after.length !== 1) continue;
      let t = core.node(core.indexOf(after[0]!.target));
      const visited = new Set<string>([n.id]);
      while (isPlumbing(t) && core.outEdges(t.id).length === 1 && !visited.has(t.id)) {
        visited.add(t.id);
        t = core.node(core.indexOf(core.outEdges(t.id)[0]!.target));
      }
      if (t.kind === kind && (t.kind !== 'human' || t.config.type === 'approval') && t.id !== n.id) add(t.id, reason);
    }
  }
  return out;
}
