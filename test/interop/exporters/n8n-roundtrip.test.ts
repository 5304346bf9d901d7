/**
 * Round trip through n8n: Baton -> n8n export -> the n8n importer (src/interop/n8n) -> Baton, on every template,
 * on a design with every data operation, a loop and an agent with tools, and on designs converted from real n8n
 * files (shared/corpus/n8n). What must survive: every step under its label, every edge Baton can take (as a
 * connection from the same port, through the helper nodes n8n needs: a human gate's decision Switch), the
 * retry settings as n8n applies them, data operations, loops with their batch size, and an agent's tools.
 * What cannot survive is listed in docs/interop.md ("What a round trip through n8n keeps") and asserted here
 * as the known differences, so the list stays true.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Workflow, WorkflowNode } from '../../../src/domain/index.ts';
import { displayName } from '../../../src/interop/export-graph.ts';
import { convertN8n } from '../../../src/interop/n8n/convert.ts';
import { exportN8n, N8N_RETRY_LIMITS } from '../../../src/interop/n8n/export.ts';
import { TEMPLATES } from '../../../src/templates/index.ts';
import { dataLoopDesign } from './data-loop-design.ts';
import { findN8nCorpus } from '../n8n-corpus-dir.ts';
import { CORPUS_SAMPLES } from './corpus-samples.ts';

function roundTrip(doc: Workflow): Workflow {
  const exported = exportN8n(doc);
  if (!exported.ok) throw new Error(exported.reason);
  const back = convertN8n(JSON.parse(exported.text));
  if (!back.ok) throw new Error(back.problems.map((p) => p.message).join('; '));
  return back.doc;
}

/** The kind a node comes back as: n8n has no check nodes of its own (docs/interop.md). */
function kindBack(node: WorkflowNode): string[] {
  switch (node.kind) {
    case 'check':
      return ['router']; // an IF on the confidence or on `passed`
    case 'router':
      return ['router', 'data']; // a parallel router is a No Operation whose output fans out
    default:
      return [node.kind];
  }
}

/**
 * Does the round-tripped design have a way from `from` (leaving by `port`) to `to`? Directly, or through the
 * helper nodes the export adds and the importer keeps: a human gate's decision Switch, whose outputs carry the
 * port as their label.
 */
function hasPath(back: Workflow, from: string, port: string, to: string): boolean {
  // Labels need not be unique (the importer adds its own "End" beside an exported one): any node of the name.
  const named = (label: string) => new Set(back.nodes.filter((n) => n.label === label).map((n) => n.id));
  const sources = named(from);
  const targets = named(to);
  const decisions = named(`${from}: decision`);
  return back.edges.some((e) => {
    if (!targets.has(e.target)) return false;
    // The decision Switch's outputs are named after the ports; outputs to one target come back as one edge "a / b".
    if (decisions.has(e.source)) return (e.label ?? '').split(' / ').includes(port);
    return sources.has(e.source) && e.sourcePort === port;
  });
}

/** Differences between a design and its round trip, in words; the known losses are filtered by the caller. */
function differences(doc: Workflow, back: Workflow): string[] {
  const out: string[] = [];
  const byLabel = new Map(back.nodes.map((n) => [n.label, n]));
  const live = new Set(doc.nodes.map((n) => n.id));
  for (const node of doc.nodes) {
    const name = displayName(node);
    const b = byLabel.get(name);
    if (node.kind === 'note') continue; // sticky notes: the importer reads them into the report, not as nodes
    if (!b) {
      out.push(`step "${name}" is missing`);
      continue;
    }
    if (!kindBack(node).includes(b.kind)) out.push(`step "${name}" came back as ${b.kind}, not ${node.kind}`);
    // n8n has no generic event trigger: an event comes back as the (authenticated) webhook it was exported as.
    if (node.kind === 'trigger' && b.kind === 'trigger' && b.config.type !== (node.config.type === 'event' ? 'webhook' : node.config.type)) out.push(`trigger "${name}": ${b.config.type}, not ${node.config.type}`);
    if (node.kind === 'data' && b.kind === 'data' && b.config.operation !== node.config.operation) out.push(`data step "${name}": ${b.config.operation}, not ${node.config.operation}`);
    if (node.kind === 'data' && b.kind === 'data' && node.config.operation === 'wait' && b.config.delaySeconds !== (node.config.delaySeconds ?? 5)) out.push(`wait "${name}": ${b.config.delaySeconds} s`);
    if (node.kind === 'loop' && b.kind === 'loop' && (b.config.batchSize ?? 1) !== (node.config.batchSize ?? 1)) out.push(`loop "${name}": batch ${b.config.batchSize}`);
    if (node.kind === 'ai' && b.kind === 'ai' && node.config.capability === 'agent') {
      // Tool names and order survive; types and side effects are judged again from the n8n tool nodes.
      const want = (node.config.tools ?? []).map((t) => t.name);
      const got = (b.config.tools ?? []).map((t) => t.name);
      if (JSON.stringify(got) !== JSON.stringify(want)) out.push(`agent "${name}" tools ${got.join(', ')} instead of ${want.join(', ')}`);
    }
    if ((node.kind === 'ai' || node.kind === 'tool' || node.kind === 'data') && (b.kind === 'ai' || b.kind === 'tool' || b.kind === 'data')) {
      const r = node.policy?.retry?.[0];
      if (r && r.maximumAttempts > 1) {
        const tries = Math.min(N8N_RETRY_LIMITS.maxTries, Math.max(N8N_RETRY_LIMITS.minTries, r.maximumAttempts));
        const wait = Math.min(N8N_RETRY_LIMITS.maxWaitMs, Math.round((r.initialIntervalSeconds ?? 1) * 1000)) / 1000;
        // The node's own retry setting comes back as the retrier for every error (a chat model may add its own first).
        const kept = (b.policy?.retry ?? []).some((x) => x.errorEquals.includes('ALL') && x.maximumAttempts === tries && (x.initialIntervalSeconds ?? 1) === wait);
        if (!kept) out.push(`retry of "${name}": ${JSON.stringify(b.policy?.retry)} instead of ${tries} tries ${wait} s apart`);
      }
    }
  }
  const nodes = new Map(doc.nodes.map((n) => [n.id, n]));
  for (const e of doc.edges) {
    const source = nodes.get(e.source);
    const target = nodes.get(e.target);
    if (!source || !target || !live.has(source.id)) continue;
    // An error edge no catcher names is never taken (and not exported); so is a human gate's revise route.
    if ((source.kind === 'ai' || source.kind === 'tool' || source.kind === 'data') && e.sourcePort !== 'out' && !(source.policy?.catch ?? []).some((c) => c.port === e.sourcePort)) continue;
    if (source.kind === 'human' && e.sourcePort === 'revise') continue;
    // Check ports come back as an IF's true and false outputs.
    const port = source.kind === 'check' ? 'out' : source.kind === 'router' ? 'out' : e.sourcePort;
    if (!hasPath(back, displayName(source), port, displayName(target))) out.push(`edge ${displayName(source)} .${e.sourcePort} -> ${displayName(target)} is missing`);
  }
  return out;
}

describe('round trip through n8n (export, then the n8n importer)', () => {
  it.each(TEMPLATES.map((t) => [t.id, t.doc] as const))('template %s keeps its steps, edges and retry settings', (_id, doc) => {
    expect(differences(doc, roundTrip(doc))).toEqual([]);
  });

  it('keeps every data operation, the loop with its batch size and ports, and the agent\'s tools', () => {
    const doc = dataLoopDesign();
    const back = roundTrip(doc);
    expect(differences(doc, back)).toEqual([]);
    const byLabel = new Map(back.nodes.map((n) => [n.label, n]));
    const loop = byLabel.get('For each lead');
    expect(loop?.kind).toBe('loop');
    const research = byLabel.get('Research the company');
    if (research?.kind !== 'ai') throw new Error('no agent');
    expect(research.config.capability).toBe('agent');
    expect(research.config.model).toMatch(/^gpt-4o\b/); // the importer adds the provider: "gpt-4o (OpenAI)"
    // Side effects are judged again from the n8n tool nodes: a GET reads, Slack posts (a message sent).
    expect(research.config.tools?.map((t) => [t.name, t.type, t.sideEffect])).toEqual([
      ['Search the web', 'http', 'none'],
      ['Post to Slack', 'notification', 'irreversible'],
      ['Score the lead', 'script', 'reversible'],
      ['CRM lookup', 'subworkflow', 'reversible'],
    ]);
  });

  it("keeps an n8n error workflow as the design's monitoring, and says what to set up for any other alert", () => {
    const doc = structuredClone(TEMPLATES[0]?.doc);
    if (!doc) throw new Error('no template');
    doc.monitoring = { alertOnFailure: true, via: 'n8n error workflow 4fT2xQ' };
    const exported = exportN8n(doc);
    if (!exported.ok) throw new Error(exported.reason);
    expect(JSON.parse(exported.text)).toMatchObject({ settings: { errorWorkflow: '4fT2xQ' } });
    expect(roundTrip(doc).monitoring).toEqual(doc.monitoring);

    doc.monitoring = { alertOnFailure: true, via: 'PagerDuty on failed runs' };
    const other = exportN8n(doc);
    if (!other.ok) throw new Error(other.reason);
    expect(JSON.parse(other.text).settings).toEqual({ executionOrder: 'v1' });
    expect(other.notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/^Failures raise an alert \(PagerDuty on failed runs\): in n8n, choose an error workflow/));
  });

  it('keeps a trigger called by another workflow as Execute Workflow Trigger, and an event as a private webhook', () => {
    const doc = structuredClone(TEMPLATES.find((t) => t.id === 'invoice-extraction')?.doc);
    if (!doc) throw new Error('no template');
    const event = doc.nodes.find((n) => n.kind === 'trigger');
    if (event?.kind !== 'trigger' || event.config.type !== 'event') throw new Error('the template starts on an event');
    // Its caller goes on without waiting: that is the calling step's setting in n8n, so it does not come back.
    const called = { ...event, id: 'called', label: 'When called by the intake workflow', position: { x: event.position.x, y: event.position.y + 200 }, config: { type: 'called' as const, waits: false } };
    doc.nodes.push(called);
    const first = doc.edges.find((e) => e.source === event.id);
    if (!first) throw new Error('no first edge');
    doc.edges.push({ ...first, id: 'called-edge', source: 'called' });
    const exported = exportN8n(doc);
    if (!exported.ok) throw new Error(exported.reason);
    const n8nNode = (JSON.parse(exported.text) as { nodes: { name: string; type: string; typeVersion: number; parameters: Record<string, unknown> }[] }).nodes.find((n) => n.name === called.label);
    expect(n8nNode).toMatchObject({ type: 'n8n-nodes-base.executeWorkflowTrigger', typeVersion: 1.1, parameters: { inputSource: 'passthrough' } });
    const back = roundTrip(doc);
    expect(differences(doc, back)).toEqual([]);
    const byLabel = new Map(back.nodes.map((n) => [n.label, n]));
    expect(byLabel.get(called.label)?.kind === 'trigger' && byLabel.get(called.label)?.config).toEqual({ type: 'called', public: false });
    // The event: a webhook only its sender can call, answered at once, so the analyzer reads it as before.
    expect(byLabel.get(event.label)?.kind === 'trigger' && byLabel.get(event.label)?.config).toEqual({ type: 'webhook', public: false, waits: false });
    expect(exported.notes.map((n) => n.message).join('\n')).toMatch(/Event triggers become a Webhook with header authentication .*"Receive invoice"/);
    expect(exported.notes.map((n) => n.message).join('\n')).toMatch(/Called triggers whose caller goes on without waiting .*"When called by the intake workflow"/);
  });

  it('says what it cannot keep: edge labels, check kinds (docs/interop.md)', () => {
    const doc = TEMPLATES.find((t) => t.id === 'support-triage')?.doc;
    if (!doc) throw new Error('no template');
    const back = roundTrip(doc);
    const byLabel = new Map(back.nodes.map((n) => [n.label, n]));
    // A threshold check comes back as a router on the confidence.
    expect(byLabel.get('Check label confidence')?.kind).toBe('router');
    // Edge labels of steps other than routers are gone: n8n connections have none.
    const labelled = doc.edges.filter((e) => e.label && doc.nodes.find((n) => n.id === e.source)?.kind !== 'router').length;
    expect(labelled).toBeGreaterThan(0);
    const labels = new Set(back.edges.map((e) => e.label));
    expect(doc.edges.filter((e) => e.label && doc.nodes.find((n) => n.id === e.source)?.kind !== 'router' && labels.has(e.label))).toEqual([]);
  });
});

const corpus = findN8nCorpus();


describe.skipIf(corpus === undefined)('round trip through n8n of designs converted from real n8n files', () => {
  it.each(CORPUS_SAMPLES)('%s keeps its steps, edges, data operations, loops and agent tools', (file) => {
    const converted = convertN8n(JSON.parse(readFileSync(join(corpus ?? '', file), 'utf8')));
    if (!converted.ok) throw new Error(`${file} does not convert`);
    const doc = converted.doc;
    expect(doc.nodes.some((n) => n.kind === 'loop') && doc.nodes.some((n) => n.kind === 'data')).toBe(true);
    expect(differences(doc, roundTrip(doc))).toEqual([]);
  });
});
