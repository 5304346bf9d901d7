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
import { aiSourcesOf, usersOf } from './lineage.ts';
import { valueFor } from './memo.ts';
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

/** Every node going back from `id`, each once, continuing only through the nodes `passes` lets through. */
function* upstream(core: GraphCore, id: string, passes: (n: WorkflowNode) => boolean): Generator<WorkflowNode> {
  const seen = new Set<string>([id]);
  const stack = core.inEdges(id).map((e) => e.source);
  while (stack.length > 0) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    const n = core.node(core.indexOf(s));
    yield n;
    if (passes(n)) for (const e of core.inEdges(s)) stack.push(e.source);
  }
}

/** The steps (or triggers) that hand `id` its input through plumbing. */
function previousSteps(core: GraphCore, id: string): Set<string> {
  const out = new Set<string>();
  for (const n of upstream(core, id, isPlumbing)) if (!isPlumbing(n)) out.add(n.id);
  return out;
}

/**
 * Does this step run once per item of a list, whose results a later step takes together (the map of a
 * map-reduce)? Going back from it through plumbing, the items come from a loop or a split, with no aggregate
 * between (an aggregate makes one item of many again).
 */
function runsPerItem(core: GraphCore, id: string): boolean {
  const aggregate = (n: WorkflowNode): boolean => n.kind === 'data' && n.config.operation === 'aggregate';
  for (const n of upstream(core, id, (m) => isPlumbing(m) && !aggregate(m))) {
    if (n.kind === 'loop' || (n.kind === 'data' && n.config.operation === 'split')) return true;
  }
  return false;
}

/**
 * Map and reduce: `first` runs per item (in a loop's body, or on the items a loop or split hands on) and
 * `second` is outside that loop's body, so it takes what the passes made (per-page extraction, then one report;
 * a sub-workflow per call, then one over all calls). That is decomposition, not one job done twice.
 */
function mapThenReduce(core: GraphCore, first: string, second: string): boolean {
  if (!runsPerItem(core, first)) return false;
  const scc = core.scc();
  const a = core.indexOf(first);
  const b = core.indexOf(second);
  return !(scc.compOf[a] === scc.compOf[b] && scc.cyclic[scc.compOf[a]!] === 1);
}

const FORMAT = String.raw`(?:markdown|html|json|xml|csv|yaml|text|textual|plain[- ]text)`;
const FORMAT_WORDS = new RegExp(String.raw`\b${FORMAT}\b`, 'gi');
/** The format a sentence converts to: "... to HTML", "... into textual data". */
const TARGET = new RegExp(String.raw`\b(?:to|into)\s+(?:an?\s+|the\s+)?(${FORMAT})\b`, 'i');
const CONVERT_VERB = /\b(?:convert|transform|reformat)\w*\b/i;
const formatName = (f: string): string => f.toLowerCase().replace(/^(?:textual|plain[- ]text)$/, 'text');

/** Does this text change content from one format to another (not to JSON: structuring text is extraction)? */
function namesConversion(text: string): boolean {
  const target = TARGET.exec(text)?.[1];
  if (target === undefined || formatName(target) === 'json') return false;
  return (text.match(FORMAT_WORDS) ?? []).some((f) => formatName(f) !== formatName(target));
}

/**
 * Is this language step a change of format? Its label says so ("JSON to HTML", "Markdown to Textual Data
 * Extractor"), or a sentence of its prompt converts one format to another ("analyse the markdown below and
 * convert to textual data"). A data step, or the previous step's own prompt, does that; a second model run only
 * re-types the same content. Turning text into JSON is extraction, not a change of format.
 * @example isFormatConversion(ai({ label: 'OpenAI - JSON to HTML' })) // true
 */
export function isFormatConversion(node: AiNode): boolean {
  if (namesConversion(node.label)) return true;
  return (node.config.purpose ?? '').split(/[.\n!?]/).some((sentence) => CONVERT_VERB.test(sentence) && namesConversion(sentence));
}

/**
 * Why the second step of a pair is the same job again:
 * - `rework`: it reads the first step's result and nothing else uses that result (an intermediate draft,
 *   summarised, polished or reformatted: one prompt split in two);
 * - `conversion`: one of the two only changes the format of the other's text (Markdown to text, JSON to HTML);
 * - `same-input`: it does not read the first step at all but the same input, and both return fields (an output
 *   contract each): two readers of one e-mail for fields one structured call returns.
 */
export type RedundancyKind = 'rework' | 'conversion' | 'same-input';

export interface RedundantPair {
  readonly first: AiNode;
  readonly second: AiNode;
  readonly kind: RedundancyKind;
}

/**
 * Whether `second` (the one step `first` hands its result to) does the same job again, and how; undefined when
 * it makes a new deliverable: the first's result is used elsewhere too (an article posted with its title, search
 * queries mailed with the research), the pair is a map and reduce, or the second reads other input for other
 * purposes (a caption and a title each written from the script). Without lineage (`reads`) every step is taken
 * to read what comes before it, so a hand-drawn chain of two language steps is a rework, as it always was.
 */
function redundancy(core: GraphCore, first: AiNode, second: AiNode): RedundancyKind | undefined {
  if (mapThenReduce(core, first.id, second.id)) return undefined;
  if (!aiSourcesOf(core, second.id).includes(first.id)) {
    const shared = (first.reads ?? []).some((r) => second.reads?.includes(r) === true);
    return shared && first.config.outputContract !== undefined && second.config.outputContract !== undefined ? 'same-input' : undefined;
  }
  if (isFormatConversion(first) || isFormatConversion(second)) return 'conversion';
  // Uses a case normally reaches: an alert route fed by the first step's error port gets its failure, not its result.
  const others = usersOf(core, first.id).filter((u) => u !== second.id && !isPlumbing(core.node(core.indexOf(u))) && core.onNormalPath(u));
  return others.length === 0 ? 'rework' : undefined;
}

/**
 * Pairs of AI steps of the same language capability where the first hands its result only to the second and
 * the second gets its input only from the first (through plumbing), and the second does the first's job again
 * (`redundancy`): usually one prompt split in two.
 * @example redundantAiPairs(core) // [{ first: draft, second: polish, kind: 'rework' }] for trigger -> draft -> set fields -> polish -> output
 */
export function redundantAiPairs(core: GraphCore): RedundantPair[] {
  return valueFor(pairsOf, core, () => {
    const pairs: RedundantPair[] = [];
    for (const n of core.workNodes) {
      if (!isLanguageStep(n)) continue;
      const next = onlyNextStep(core, n.id);
      if (next === undefined || next.id === n.id || !isLanguageStep(next) || next.config.capability !== n.config.capability) continue;
      const prev = previousSteps(core, next.id);
      if (prev.size !== 1 || !prev.has(n.id)) continue;
      const kind = redundancy(core, n, next);
      if (kind !== undefined) pairs.push({ first: n, second: next, kind });
    }
    return pairs;
  });
}
/** The rule and the band ask for the same pairs in one analysis. */
const pairsOf = new WeakMap<GraphCore, RedundantPair[]>();

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
  for (const { second } of redundantAiPairs(core)) add(second.id, 'redundant-ai');
  for (const n of core.workNodes) {
    if (!isAutomationLayer(n)) continue;
    const next = onlyNextStep(core, n.id);
    if (next !== undefined && isAutomationLayer(next) && !mapThenReduce(core, n.id, next.id)) add(n.id, 'wrapper-layer');
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
