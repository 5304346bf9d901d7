/**
 * Quick fixes: pure document transforms for findings whose fix is safe to apply without asking anything.
 * Each returns a new document and never mutates its input, so the editor's store can apply one as a single
 * undoable command. New ids are derived deterministically from the node they fix (`<id>_alert`, then
 * `<id>_alert_2`...), so applying a fix twice to equal documents gives equal results.
 */
import type { Retrier, Workflow, WorkflowEdge, WorkflowNode } from '../domain/index.ts';
import type { Finding, QuickFixId } from './types.ts';

/** Per-try timeouts the add-timeout fix sets (the same as createNode's defaults). */
export const FIX_TIMEOUT_SECONDS = { ai: 30, tool: 10 } as const;
/** What cap-retries caps to when the finding carries no limits. */
export const FIX_RETRY_LIMITS = { maxAttempts: 5, maxIntervalSeconds: 300, minBackoffCoefficient: 1 } as const;
/** Longest label name-after-purpose writes. */
export const MAX_FIX_LABEL = 60;

function freshId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let k = 2; ; k++) if (!taken.has(`${base}_${k}`)) return `${base}_${k}`;
}

function idsOf(doc: Workflow): Set<string> {
  return new Set<string>([...doc.nodes.map((n) => n.id), ...doc.edges.map((e) => e.id)]);
}

function replaceNode(doc: Workflow, node: WorkflowNode): Workflow {
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === node.id ? node : n)) };
}

function target(doc: Workflow, finding: Finding): WorkflowNode {
  const id = finding.nodeIds[0];
  const node = doc.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`the step it was for (${id ?? 'none'}) is no longer in the design`);
  return node;
}

function numberEvidence(finding: Finding, key: string, fallback: number): number {
  const v = finding.evidence?.[key];
  return typeof v === 'number' ? v : fallback;
}

/** A new output next to `near`, for fixes that need somewhere to send cases. */
function newOutput(doc: Workflow, near: WorkflowNode, base: string, label: string, config: Extract<WorkflowNode, { kind: 'output' }>['config']): WorkflowNode {
  return { id: freshId(`${near.id}_${base}`, idsOf(doc)), kind: 'output', label, position: { x: near.position.x + 240, y: near.position.y + 120 }, config };
}

function addDefaultBranch(doc: Workflow, finding: Finding): Workflow {
  const router = target(doc, finding);
  if (router.kind !== 'router') throw new Error('adding a default branch applies to routers only');
  const out = newOutput(doc, router, 'unmatched', 'Escalate unmatched case', { type: 'notify', outcome: 'escalated' });
  const taken = idsOf(doc);
  taken.add(out.id);
  const edge: WorkflowEdge = { id: freshId(`${router.id}_default`, taken), source: router.id, sourcePort: 'out', target: out.id, isDefault: true, label: 'otherwise' };
  return { ...doc, nodes: [...doc.nodes, out], edges: [...doc.edges, edge] };
}

function addTimeout(doc: Workflow, finding: Finding): Workflow {
  const node = target(doc, finding);
  if (node.kind !== 'ai' && node.kind !== 'tool') throw new Error('setting a timeout applies to AI and tool steps only');
  const policy = node.policy ?? {};
  const timeouts = { ...policy.timeouts, startToCloseSeconds: FIX_TIMEOUT_SECONDS[node.kind] };
  return replaceNode(doc, { ...node, policy: { ...policy, timeouts } });
}

function capRetries(doc: Workflow, finding: Finding): Workflow {
  const node = target(doc, finding);
  if (node.kind !== 'ai' && node.kind !== 'tool') throw new Error('capping retries applies to AI and tool steps only');
  const maxAttempts = Math.min(numberEvidence(finding, 'maxAttempts', FIX_RETRY_LIMITS.maxAttempts), FIX_RETRY_LIMITS.maxAttempts);
  const maxInterval = numberEvidence(finding, 'maxIntervalSeconds', FIX_RETRY_LIMITS.maxIntervalSeconds);
  const minCoefficient = numberEvidence(finding, 'minBackoffCoefficient', FIX_RETRY_LIMITS.minBackoffCoefficient);
  const retry = (node.policy?.retry ?? []).map((r): Retrier => {
    const capped: Retrier = { ...r, maximumAttempts: Math.min(r.maximumAttempts, maxAttempts) };
    if (r.initialIntervalSeconds !== undefined) capped.initialIntervalSeconds = Math.min(r.initialIntervalSeconds, maxInterval);
    if (r.maximumIntervalSeconds !== undefined) capped.maximumIntervalSeconds = Math.min(r.maximumIntervalSeconds, maxInterval);
    // Below 1 the wait shrinks each try; 2 is the usual exponential backoff.
    if (r.backoffCoefficient !== undefined && r.backoffCoefficient < minCoefficient) capped.backoffCoefficient = Math.max(2, minCoefficient);
    return capped;
  });
  return replaceNode(doc, { ...node, policy: { ...node.policy, retry } });
}

function addErrorRoute(doc: Workflow, finding: Finding): Workflow {
  const node = target(doc, finding);
  if (node.kind !== 'ai' && node.kind !== 'tool') throw new Error('routing errors applies to AI and tool steps only');
  const policy = node.policy ?? {};
  const catches = (policy.catch ?? []).some((c) => c.port === 'error');
  const fixed: WorkflowNode = catches ? node : { ...node, policy: { ...policy, catch: [...(policy.catch ?? []), { errorEquals: ['ALL'], port: 'error' }] } };
  const hasEdge = doc.edges.some((e) => e.source === node.id && e.sourcePort === 'error');
  const withCatch = replaceNode(doc, fixed);
  if (hasEdge) return withCatch;
  const label = node.label.trim() || node.id;
  const out = newOutput(doc, node, 'alert', `Alert: ${label} failed`.slice(0, 200), { type: 'alert', outcome: 'error' });
  const taken = idsOf(doc);
  taken.add(out.id);
  const edge: WorkflowEdge = { id: freshId(`${node.id}_error`, taken), source: node.id, sourcePort: 'error', target: out.id };
  return { ...withCatch, nodes: [...withCatch.nodes, out], edges: [...withCatch.edges, edge] };
}

function removeConnector(doc: Workflow, finding: Finding): Workflow {
  const node = target(doc, finding);
  const ins = doc.edges.filter((e) => e.target === node.id);
  const outs = doc.edges.filter((e) => e.source === node.id);
  const inEdge = ins[0];
  const outEdge = outs[0];
  if ((node.kind !== 'router' && node.kind !== 'join') || ins.length !== 1 || outs.length !== 1 || !inEdge || !outEdge) {
    throw new Error('removing a connector applies to a router or join with one edge in and one out');
  }
  // The incoming edge keeps its id, source, port and any condition; it now ends where the outgoing one did.
  const bridged: WorkflowEdge = { ...inEdge, target: outEdge.target };
  return {
    ...doc,
    nodes: doc.nodes.filter((n) => n.id !== node.id),
    edges: doc.edges.filter((e) => e.id !== outEdge.id).map((e) => (e.id === inEdge.id ? bridged : e)),
    ...(doc.lint?.suppressions ? { lint: { ...doc.lint, suppressions: doc.lint.suppressions.filter((s) => s.nodeId !== node.id) } } : {}),
  };
}

/**
 * A label from a purpose: its first clause, capitalised, at most MAX_FIX_LABEL characters on a word boundary.
 * @example labelFromPurpose('extract the total and due date from the invoice. Return JSON.') // 'Extract the total and due date from the invoice'
 */
export function labelFromPurpose(purpose: string): string {
  const clause = purpose.trim().split(/[.;:\n]/)[0]?.trim() ?? '';
  let label = clause;
  if (label.length > MAX_FIX_LABEL) {
    const cut = label.slice(0, MAX_FIX_LABEL);
    const space = cut.lastIndexOf(' ');
    label = space > 0 ? cut.slice(0, space) : cut;
  }
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function nameAfterPurpose(doc: Workflow, finding: Finding): Workflow {
  const node = target(doc, finding);
  const purpose = node.kind === 'ai' || node.kind === 'tool' ? (node.config.purpose ?? '') : '';
  const label = labelFromPurpose(purpose);
  if (label.length === 0) throw new Error('naming a step after its purpose needs a step with a purpose');
  return replaceNode(doc, { ...node, label });
}

/**
 * Each quick fix in words: what its button offers (`action`) and what the editor says once it is applied
 * (`done`). People read these; the ids stay in the document's findings and the rule pages.
 */
export const QUICK_FIX_WORDS: Readonly<Record<QuickFixId, { readonly action: string; readonly done: string }>> = {
  'add-default-branch': { action: 'Add a default branch to an escalation', done: 'Added a default branch' },
  'add-timeout': { action: 'Set a timeout per try', done: 'Set a timeout' },
  'cap-retries': { action: 'Cap the retries', done: 'Capped the retries' },
  'add-error-route': { action: 'Send any error to the error port', done: 'Sent errors to the error port' },
  'remove-superfluous-connector': { action: 'Remove the connector and join its neighbours', done: 'Removed the connector' },
  'name-after-purpose': { action: 'Name the step after its purpose', done: 'Named the step after its purpose' },
};

const FIXES: Record<QuickFixId, (doc: Workflow, finding: Finding) => Workflow> = {
  'add-default-branch': addDefaultBranch,
  'add-timeout': addTimeout,
  'cap-retries': capRetries,
  'add-error-route': addErrorRoute,
  'remove-superfluous-connector': removeConnector,
  'name-after-purpose': nameAfterPurpose,
};

/**
 * Apply a finding's quick fix. Pure: returns a new document, never mutates `doc`. Throws when the finding has
 * no quick fix or does not fit the document (the editor only offers fixes from a fresh analysis of it).
 * @example const next = applyQuickFix(doc, analysis.findings.find((f) => f.quickFix === 'add-timeout')!)
 */
export function applyQuickFix(doc: Workflow, finding: Finding): Workflow {
  if (finding.quickFix === undefined) throw new Error('this finding has no quick fix');
  return FIXES[finding.quickFix](doc, finding);
}
