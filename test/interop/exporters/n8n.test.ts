/**
 * n8n export: the exported JSON is read back here (names, types, connections, settings) and compared with the
 * design: every step under its label, every edge as a connection from the right output, retry settings as n8n
 * applies them. The round trip through the n8n importer is in n8n-roundtrip.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildAdjacency, type Workflow } from '../../../src/domain/index.ts';
import { displayName, routedCatchers } from '../../../src/interop/export-graph.ts';
import { exportN8n, N8N_RETRY_LIMITS, stableUuid } from '../../../src/interop/n8n/export.ts';
import { TEMPLATES } from '../../../src/templates/index.ts';
import { withHostileText } from './hostile.ts';
import { dataLoopDesign } from './data-loop-design.ts';

interface N8nNode {
  id: string;
  name: string;
  type: string;
  typeVersion: number;
  position: [number, number];
  parameters: Record<string, unknown>;
  retryOnFail?: boolean;
  maxTries?: number;
  waitBetweenTries?: number;
  onError?: string;
}
interface N8nWorkflow {
  name: string;
  nodes: N8nNode[];
  connections: Record<string, Record<string, Array<Array<{ node: string; type: string; index: number }>>>>;
}

function exported(doc: Workflow): { wf: N8nWorkflow; text: string; notes: readonly { message: string }[] } {
  const r = exportN8n(doc);
  if (!r.ok) throw new Error(r.reason);
  return { wf: JSON.parse(r.text) as N8nWorkflow, text: r.text, notes: r.notes };
}

/** The n8n nodes a Baton edge's connection may start from: the node itself, or its decision Switch. */
function targetsFrom(wf: N8nWorkflow, name: string, output: number): string[] {
  return (wf.connections[name]?.main?.[output] ?? []).map((c) => c.node);
}

describe('n8n export', () => {
  it.each(TEMPLATES.map((t) => [t.id, t.doc] as const))('template %s: every step, edge and retry setting survives (structural round trip)', (_id, doc) => {
    const { wf } = exported(doc);
    const byName = new Map(wf.nodes.map((n) => [n.name, n]));
    // Ids are unique UUIDs; every connection points at a node that exists.
    expect(new Set(wf.nodes.map((n) => n.id)).size).toBe(wf.nodes.length);
    for (const [from, types] of Object.entries(wf.connections)) {
      expect(byName.has(from), from).toBe(true);
      for (const outputs of Object.values(types)) for (const out of outputs) for (const c of out) expect(byName.has(c.node), c.node).toBe(true);
    }
    for (const node of doc.nodes) {
      const n = byName.get(displayName(node));
      expect(n, node.id).toBeDefined();
      expect(n?.position).toEqual([Math.round(node.position.x), Math.round(node.position.y)]);
      if (node.kind === 'note') expect(n?.type).toBe('n8n-nodes-base.stickyNote');
      if ((node.kind === 'ai' || node.kind === 'tool') && n) {
        const r = node.policy?.retry?.[0];
        if (r && r.maximumAttempts > 1) {
          expect(n.retryOnFail).toBe(true);
          expect(n.maxTries).toBe(Math.min(N8N_RETRY_LIMITS.maxTries, Math.max(N8N_RETRY_LIMITS.minTries, r.maximumAttempts)));
          expect(n.waitBetweenTries).toBe(Math.min(N8N_RETRY_LIMITS.maxWaitMs, (r.initialIntervalSeconds ?? 1) * 1000));
        }
        if (routedCatchers(buildAdjacency(doc), node).length > 0) expect(n.onError).toBe('continueErrorOutput');
      }
    }
    // Every edge that Baton can take is a connection: from the step (out 0, error 1, IF true 0 / false 1), or
    // from the human gate's decision Switch, or from a router's output.
    for (const e of doc.edges) {
      const source = doc.nodes.find((n) => n.id === e.source);
      const target = doc.nodes.find((n) => n.id === e.target);
      if (!source || !target) continue;
      const from = displayName(source);
      const reachable = new Set<string>();
      for (const name of [from, `${from}: decision`]) {
        for (let o = 0; o < 8; o++) for (const t of targetsFrom(wf, name, o)) reachable.add(t);
      }
      const catchable = source.kind !== 'ai' && source.kind !== 'tool' || e.sourcePort === 'out' || (source.policy?.catch ?? []).some((c) => c.port === e.sourcePort);
      if (catchable && e.sourcePort !== 'revise') expect(reachable.has(displayName(target)), `${e.id}`).toBe(true);
    }
  });

  it('maps AI steps to LangChain nodes with their model, human gates to send-and-wait, joins to Merge', () => {
    const doc = TEMPLATES.find((t) => t.id === 'patient-scheduling')?.doc;
    if (!doc) throw new Error('no template');
    const { wf } = exported(doc);
    const byName = new Map(wf.nodes.map((n) => [n.name, n]));
    const intent = doc.nodes.find((n) => n.id === 'intent');
    if (intent?.kind !== 'ai') throw new Error('no intent step');
    expect(byName.get(displayName(intent))?.type).toBe('@n8n/n8n-nodes-langchain.chainLlm');
    const model = byName.get(`${displayName(intent)}: model`);
    expect(model?.type).toBe('@n8n/n8n-nodes-langchain.lmChatOpenAi');
    expect(model?.parameters.model).toBe(intent.config.model);
    expect(wf.connections[`${displayName(intent)}: model`]?.ai_languageModel).toEqual([[{ node: displayName(intent), type: 'ai_languageModel', index: 0 }]]);
    const gate = doc.nodes.find((n) => n.id === 'coordinator');
    if (!gate) throw new Error('no gate');
    expect(byName.get(displayName(gate))?.parameters.operation).toBe('sendAndWait');
    expect(byName.get(`${displayName(gate)}: decision`)?.type).toBe('n8n-nodes-base.switch');
    const join = doc.nodes.find((n) => n.id === 'merge-intent');
    if (!join) throw new Error('no join');
    expect(byName.get(displayName(join))?.type).toBe('n8n-nodes-base.merge');
  });

  it('attaches an agent\'s tools as ai_tool sub-nodes, the app\'s tool node where one is named', () => {
    const { wf, notes } = exported(dataLoopDesign());
    const byName = new Map(wf.nodes.map((n) => [n.name, n]));
    const types = ['Search the web', 'Post to Slack', 'Score the lead', 'CRM lookup'].map((name) => {
      expect(wf.connections[name]?.ai_tool, name).toEqual([[{ node: 'Research the company', type: 'ai_tool', index: 0 }]]);
      return byName.get(name)?.type;
    });
    expect(types).toEqual(['@n8n/n8n-nodes-langchain.toolHttpRequest', 'n8n-nodes-base.slackTool', '@n8n/n8n-nodes-langchain.toolCode', '@n8n/n8n-nodes-langchain.toolWorkflow']);
    expect(byName.get('Search the web')?.parameters).toMatchObject({ method: 'GET', toolDescription: 'Web search for the company name.' });
    expect(notes.map((n) => n.message)).toContainEqual(expect.stringMatching(/^Agent tools that name no app are HTTP Request tools to configure.*"Research the company"/));
  });

  it('maps each data operation to its n8n node and a loop to Loop Over Items 3 (done 0, each pass 1)', () => {
    const { wf } = exported(dataLoopDesign());
    const byName = new Map(wf.nodes.map((n) => [n.name, n]));
    const type = (name: string) => byName.get(name)?.type.replace('n8n-nodes-base.', '');
    expect(['code', 'filter', 'sort', 'limit', 'dedupe', 'convert', 'file'].map((op) => type(`Body ${op}`))).toEqual(['code', 'filter', 'sort', 'limit', 'removeDuplicates', 'extractFromFile', 'readWriteFile']);
    expect(['aggregate', 'merge', 'split', 'wait', 'respond', 'pass'].map((op) => type(`After ${op}`))).toEqual(['aggregate', 'merge', 'splitOut', 'wait', 'respondToWebhook', 'noOp']);
    expect(type('Keep name and domain')).toBe('set');
    expect(byName.get('After wait')?.parameters).toEqual({ amount: 90, unit: 'seconds' });
    expect(byName.get('For each lead')).toMatchObject({ type: 'n8n-nodes-base.splitInBatches', typeVersion: 3, parameters: { batchSize: 5 } });
    expect(targetsFrom(wf, 'For each lead', 0)).toEqual(['After aggregate']);
    expect(targetsFrom(wf, 'For each lead', 1)).toEqual(['Research the company']);
    expect(targetsFrom(wf, 'Body file', 0)).toEqual(['For each lead']);
  });

  it('wires a catch route to the error output', () => {
    const doc = TEMPLATES.find((t) => t.id === 'patient-scheduling')?.doc;
    if (!doc) throw new Error('no template');
    const { wf } = exported(doc);
    const intent = doc.nodes.find((n) => n.id === 'intent');
    const fallback = doc.nodes.find((n) => n.id === 'intent-fallback');
    if (!intent || !fallback) throw new Error('no steps');
    expect(targetsFrom(wf, displayName(intent), 1)).toEqual([displayName(fallback)]);
  });

  it('keeps hostile labels as data: the JSON parses and names, notes and expressions hold the text', () => {
    for (const t of TEMPLATES) {
      const doc = withHostileText(t.doc);
      const { wf, text } = exported(doc);
      const names = wf.nodes.map((n) => n.name);
      expect(new Set(names).size).toBe(names.length);
      for (const node of doc.nodes) expect(names.some((n) => n === displayName(node) || n.startsWith(`${displayName(node)} (`)), node.id).toBe(true);
      // No expression is closed early by a "}}" from the text.
      for (const m of text.matchAll(/"=\{\{(.*?)\}\}"/g)) expect(m[1]).not.toContain('}}');
    }
  });

  it('says what it could not carry over', () => {
    const doc = TEMPLATES.find((t) => t.id === 'support-triage')?.doc;
    if (!doc) throw new Error('no template');
    const messages = exported(doc).notes.map((n) => n.message);
    expect(messages).toContainEqual(expect.stringMatching(/chooses urgent \(~5%\), FAQ \(~35%\) by share; n8n has no random choice/));
    expect(messages).toContainEqual(expect.stringMatching(/^n8n waits a fixed time between tries/));
  });

  it('writes the same bytes for the same document, with UUID-shaped ids', () => {
    const doc = TEMPLATES[2]?.doc;
    if (!doc) throw new Error('no template');
    expect(exported(structuredClone(doc)).text).toBe(exported(doc).text);
    expect(stableUuid('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

