/**
 * What a BPMN file carries beyond the standard elements (docs/interop.md, "BPMN 2.0"): FEEL for edge conditions,
 * the `baton` extension elements (ids, scalar settings, an agent's tools, timeouts, retries, catchers, breakers,
 * edge fields) and the documentation text of a task. src/interop/bpmn/export.ts places them on the elements.
 */
import type { Condition, WorkflowEdge, WorkflowNode } from '../../domain/index.ts';
import { attrs } from './xml.ts';

/** The namespace of Baton's extension elements (retries, timeouts, the Baton ids and fields). */
export const BATON_BPMN_NAMESPACE = 'urn:baton:bpmn:1.0';
/** The expression language of conditions (`expressionLanguage` on the definitions). */
export const FEEL = 'https://www.omg.org/spec/DMN/20191111/FEEL/';

/** Seconds as an ISO 8601 duration: 90 -> PT90S, 0.5 -> PT0.5S. */
export function isoDuration(seconds: number): string {
  return `PT${Number(seconds.toPrecision(12))}S`;
}

/** FEEL string literal. */
export function feelString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;
}

/** FEEL for a Baton condition: `confidence < 0.6`, `intent = "new"`. A field that is no FEEL name is renamed. */
export function feelCondition(c: Condition, onRename: (from: string, to: string) => void): string {
  let name = c.field;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    name = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[0-9])/, '_') || '_';
    onRename(c.field, name);
  }
  const value = typeof c.value === 'string' ? feelString(c.value) : String(c.value);
  const op = c.op === '==' ? '=' : c.op;
  return `${name} ${op} ${value}`;
}

/** A node's `baton` extension elements: its id, kind and scalar settings, an agent's tools, then timeouts, retries, catchers, breaker. */
export function extensionFor(node: WorkflowNode): string {
  const parts: string[] = [];
  const fields: Record<string, string | number | boolean | undefined> = { id: node.id, kind: node.kind };
  // Scalar settings become attributes; lists (an agent's tools) get elements of their own below.
  if (node.kind !== 'note') {
    for (const [k, v] of Object.entries(node.config)) if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') fields[k] = v;
  }
  parts.push(`<baton:node${attrs(fields)} />`);
  if (node.kind === 'ai') for (const t of node.config.tools ?? []) parts.push(`<baton:tool${attrs({ name: t.name, type: t.type, sideEffect: t.sideEffect, description: t.description })} />`);
  if (node.kind === 'ai' || node.kind === 'tool' || node.kind === 'data' || node.kind === 'human') {
    const t = node.policy?.timeouts;
    if (t) parts.push(`<baton:timeouts${attrs({ startToCloseSeconds: t.startToCloseSeconds, scheduleToCloseSeconds: t.scheduleToCloseSeconds })} />`);
  }
  if (node.kind === 'ai' || node.kind === 'tool' || node.kind === 'data') {
    const p = node.policy;
    for (const r of p?.retry ?? []) {
      parts.push(
        `<baton:retry${attrs({
          errorEquals: r.errorEquals.join(' '),
          maximumAttempts: r.maximumAttempts,
          initialIntervalSeconds: r.initialIntervalSeconds,
          backoffCoefficient: r.backoffCoefficient,
          maximumIntervalSeconds: r.maximumIntervalSeconds,
          jitter: r.jitter,
          honorRetryAfter: r.honorRetryAfter,
        })} />`,
      );
    }
    for (const c of p?.catch ?? []) parts.push(`<baton:catch${attrs({ errorEquals: c.errorEquals.join(' '), port: c.port })} />`);
    if (p?.circuitBreaker) parts.push(`<baton:circuitBreaker${attrs({ ...p.circuitBreaker })} />`);
  }
  return parts.join('');
}

/** An edge's `baton` extension elements: its id, port, share, default flag and condition as typed fields. */
export function edgeExtension(e: WorkflowEdge): string {
  const fields = { id: e.id, sourcePort: e.sourcePort, probability: e.probability, isDefault: e.isDefault };
  const condition = e.condition ? `<baton:condition${attrs({ field: e.condition.field, op: e.condition.op, value: String(e.condition.value), type: typeof e.condition.value })} />` : '';
  return `<baton:edge${attrs(fields)} />${condition}`;
}

/** A task's documentation: its description, purpose and output contract; none when it has none. */
export function documentationFor(node: WorkflowNode): string | undefined {
  const parts: string[] = [];
  if (node.description) parts.push(node.description);
  if ((node.kind === 'ai' || node.kind === 'tool' || node.kind === 'data') && node.config.purpose) parts.push(`Purpose: ${node.config.purpose}`);
  if (node.kind === 'ai' && node.config.outputContract) parts.push(`Returns: ${node.config.outputContract}`);
  return parts.length > 0 ? parts.join('\n\n') : undefined;
}
