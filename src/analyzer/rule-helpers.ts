/** Small predicates several rules share. */
import type { Catcher, WorkflowNode } from '../domain/index.ts';
import type { GraphCore } from './graph-core.ts';

/** How a node is named in a message: its label, or its id when it has none. */
export function nameOf(node: WorkflowNode): string {
  const l = node.label.trim();
  return l.length > 0 ? `"${l}"` : `"${node.id}"`;
}

/** AI tools and tools: the steps that call something outside. */
export function isCall(node: WorkflowNode): node is Extract<WorkflowNode, { kind: 'ai' | 'tool' }> {
  return node.kind === 'ai' || node.kind === 'tool';
}

/** The catchers of a step that can fail and route its errors (AI steps and tools). */
export function catchersOf(node: WorkflowNode): readonly Catcher[] {
  return isCall(node) ? (node.policy?.catch ?? []) : [];
}

export function hasRetry(node: WorkflowNode): boolean {
  return isCall(node) && (node.policy?.retry ?? []).some((r) => r.maximumAttempts > 1);
}

/** Does any edge leave this node by `port`? */
export function hasPortEdge(core: GraphCore, node: WorkflowNode, port: string): boolean {
  return core.outEdges(node.id).some((e) => e.sourcePort === port);
}

/** An edge out of the error port with a catcher that routes to it. */
export function hasErrorRoute(core: GraphCore, node: WorkflowNode): boolean {
  return isCall(node) && hasPortEdge(core, node, 'error') && (node.policy?.catch ?? []).some((c) => c.port === 'error');
}

/**
 * An AI step whose result is text a program could run or a person read as the model's own words. Not a voice
 * (speech renders a script it was given), an image, vectors (embedding) or a classifier's label from a fixed set.
 * @example writesText(createNode('ai', ...)) // true (capability llm)
 */
export function writesText(node: WorkflowNode): boolean {
  if (node.kind !== 'ai') return false;
  const c = node.config.capability;
  return c !== 'speech' && c !== 'image-generation' && c !== 'embedding' && c !== 'classifier';
}

export function isAutomationLayer(node: WorkflowNode): boolean {
  return node.kind === 'tool' && (node.config.type === 'automation' || node.config.type === 'subworkflow');
}

export function isGate(node: WorkflowNode): boolean {
  return node.kind === 'check' || node.kind === 'human';
}

/** Parse a comma-separated option into lower-case words. */
export function listOption(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
}

/** Triggers where a person or program waits for the answer: a webhook call or a chat message, unless answered at once. */
export function isInteractiveTrigger(node: WorkflowNode): boolean {
  return node.kind === 'trigger' && (node.config.type === 'webhook' || node.config.type === 'chat') && node.config.waits !== false;
}

/**
 * Nodes (by index) some start node reaches along edges, the starts included: a breadth-first flood over the
 * context's adjacency, linear in the graph.
 * @example reachedFrom(ctx, ctx.triggers.filter(isInteractiveTrigger))[ctx.indexOf('draft')] // 1
 */
export function reachedFrom(core: GraphCore, starts: readonly WorkflowNode[]): Uint8Array {
  const seen = new Uint8Array(core.size);
  const queue: number[] = [];
  for (const s of starts) {
    const i = core.indexOf(s.id);
    if (i >= 0 && seen[i] === 0) {
      seen[i] = 1;
      queue.push(i);
    }
  }
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (let j = core.succ.offsets[v]!; j < core.succ.offsets[v + 1]!; j++) {
      const w = core.succ.targets[j]!;
      if (seen[w] === 0) {
        seen[w] = 1;
        queue.push(w);
      }
    }
  }
  return seen;
}

/**
 * Nodes (by index) that runs nobody watches reach: what every trigger reaches, or, with `manualRunsAreWatched`,
 * what triggers other than \`manual\` ones reach (a run started by hand is watched by the person who started it,
 * who sees it fail and runs it again: n8n's "Test workflow"); with `calledRunsAreWatched`, not \`called\` ones
 * either (another workflow started the run and gets its failure back: n8n's Execute Workflow step fails), unless
 * the caller goes on without waiting for it (\`waits: false\`): then the failure goes back to nobody.
 * @example reachedUnattended(ctx, { manualRunsAreWatched: true })[ctx.indexOf('fetch')] // 0 when only a manual trigger reaches it
 */
export function reachedUnattended(core: GraphCore, watched: { readonly manualRunsAreWatched: boolean; readonly calledRunsAreWatched?: boolean }): Uint8Array {
  const isWatched = (t: WorkflowNode): boolean =>
    t.kind === 'trigger' && ((watched.manualRunsAreWatched && t.config.type === 'manual') || (watched.calledRunsAreWatched === true && t.config.type === 'called' && t.config.waits !== false));
  return reachedFrom(core, core.triggers.filter((t) => !isWatched(t)));
}

/**
 * A trigger anyone can reach. A \`called\` trigger never is, whatever its \`public\` says: only another workflow
 * starts it, and which workflows may is set on the caller's side (n8n's "This workflow can be called by").
 */
export function isPublicTrigger(node: WorkflowNode): boolean {
  return node.kind === 'trigger' && node.config.public === true && node.config.type !== 'called';
}

/** single-point-of-failure's default: steps every case passes below this success rate are its finding. */
export const SPOF_MIN_STEP_SUCCESS = 0.99;

/**
 * A call every case must pass, less reliable than `minStepSuccess`, with no retry and no error route: the
 * single-point-of-failure finding (no-error-handling leaves these to it, so one step is not reported twice).
 */
export function isUnprotectedChokepoint(core: GraphCore, node: WorkflowNode, minStepSuccess: number, success: (n: WorkflowNode) => number): boolean {
  return isCall(node) && !hasRetry(node) && !hasErrorRoute(core, node) && core.onEveryPath(node.id) && success(node) < minStepSuccess;
}
