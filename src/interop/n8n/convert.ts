/**
 * n8n workflow -> Baton document. Pure: a parsed n8n export in, a valid Baton document and a conversion report
 * out (or the reason the file is unusable). docs/import-n8n.md describes every mapping; node-types.ts holds the
 * n8n facts (types, defaults, side effects) this file applies.
 *
 * The shape of the work:
 * 1. Read nodes and connections entry by entry; a broken entry is reported and left out.
 * 2. LangChain sub-nodes (chat model, memory, tools, output parser, embeddings...), attached to their root by
 *    `ai_*` connections, are folded into the root: Baton has no sub-nodes, and what they say (which model,
 *    which tools and their side effects, which output schema) belongs to the AI step they serve.
 * 3. Every other node becomes one Baton node (sometimes two: a classifier with one output per category becomes
 *    an AI step and a router), keeping its n8n name as label and its place on the canvas (map-nodes.ts).
 * 4. Main connections become edges from the Baton port each n8n output stands for. An output n8n leaves
 *    unconnected ends the branch successfully in n8n; Baton says so with an edge to one shared "End".
 */
import type { ConversionReport } from '../../domain/conversion-report.schema.ts';
import { checkIntegrity } from '../../domain/integrity.ts';
import type { NodeKind } from '../../domain/node.schema.ts';
import type { Problem } from '../../domain/problem.ts';
import { isPlainObject } from '../../domain/schema-walk.ts';
import { kindSize, nodeSize } from '../../domain/node-size.ts';
import { separateOverlaps } from '../../domain/separate-overlaps.ts';
import { MAX_COORDINATE, MAX_ID_LENGTH } from '../../domain/units.ts';
import type { WorkflowEdge } from '../../domain/edge.schema.ts';
import { CURRENT_SCHEMA_VERSION, MAX_EDGES, MAX_NODES, WORKFLOW_FORMAT, workflowShapeSchema, type Workflow } from '../../domain/workflow.schema.ts';
import { describeIssues } from '../describe-issue.ts';
import type { ConversionResult, ConvertOptions } from '../foreign.ts';
import { n8nConnectionSchema, n8nNodeSchema, n8nOutputSchema, n8nWorkflowSchema } from './n8n-workflow.schema.ts';
import { AI_CONNECTION_ROLES, isSubNodeType } from './node-types.ts';
import { addressesStarter, dataUse, inlineSecrets } from './expressions.ts';
import { clip, type Params } from './parameters.ts';
import { NodeMapper, SHORT, type OutputSlot } from './map-nodes.ts';
import { dataOp, PASS_THROUGH, promptText } from './node-reading.ts';

const EMAIL_TRIGGER = /gmail|email|imap|outlook|mail/i;
/** The gap the importer leaves between a node it adds (Start, End) and its neighbour: about n8n's, once scaled. */
const NODE_GAP = 60;
/** The least room between two imported cards (one canvas grid step), so no two touch. */
const NODE_CLEARANCE = 20;

class Converter extends NodeMapper {
  run(value: unknown, options: ConvertOptions): ConversionResult {
    const top = n8nWorkflowSchema.safeParse(value);
    if (!top.success) {
      return { ok: false, problems: describeIssues(top.error.issues, { schema: n8nWorkflowSchema, input: value }).map((p) => ({ ...p, message: `not a usable n8n workflow: ${p.message}` })) };
    }
    const wf = top.data;
    if (wf.nodes.length > MAX_NODES) {
      return { ok: false, problems: [{ path: ['nodes'], code: 'limit-nodes', message: `the n8n workflow has ${wf.nodes.length.toLocaleString('en-US')} nodes; the limit is ${MAX_NODES.toLocaleString('en-US')} nodes` }] };
    }
    const connections = Object.keys(wf.connections).length;
    if (connections > MAX_EDGES) {
      return { ok: false, problems: [{ path: ['connections'], code: 'limit-edges', message: `the n8n workflow connects ${connections.toLocaleString('en-US')} nodes; the limit is ${MAX_EDGES.toLocaleString('en-US')} edges` }] };
    }
    this.executionOrder = wf.settings?.executionOrder;
    this.selfId = wf.id === undefined ? undefined : String(wf.id);
    this.sourceCount = wf.nodes.length;
    this.readNodes(wf.nodes);
    this.readConnections(wf.connections);
    this.findSubNodes();
    for (const node of this.byName.values()) if (!this.subNodes.has(node.name)) this.mapNode(node);
    for (const sub of this.subNodes) this.checkFolded(sub);
    this.connect();
    this.addDataFacts();
    this.closeOpenOutputs();
    this.addStartIfNone();
    // Steps first (End, not placed yet, sits out), then End beside where its steps ended up, then End clears any
    // step n8n drew where it lands.
    this.separateNodes(this.endId);
    this.placeEnd();
    this.separateNodes();

    const name = clip(wf.name?.trim() || 'Imported n8n workflow', SHORT);
    // n8n runs the workflow named in settings.errorWorkflow whenever a run fails: failures do reach someone.
    const setting = wf.settings?.errorWorkflow;
    const errorWorkflow = typeof setting === 'string' ? setting.trim() : '';
    const monitoring = errorWorkflow !== '' ? { alertOnFailure: true, via: clip(`n8n error workflow ${errorWorkflow}`, SHORT) } : undefined;
    if (monitoring) this.note('', "error workflow kept as the design's failure alert", `a failed run starts n8n's error workflow (${clip(errorWorkflow, 80)}), which is not in this file: Baton records that failures raise an alert (monitoring) and still simulates the failed case as failed`);
    const now = options.now ?? new Date(0).toISOString();
    const doc: Workflow = {
      format: WORKFLOW_FORMAT,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: options.id ?? clip(`n8n_${wf.id === undefined ? 'workflow' : String(wf.id)}`, MAX_ID_LENGTH),
      name,
      description: 'Imported from an n8n workflow export.',
      nodes: this.nodes,
      edges: this.edges,
      ...(monitoring ? { monitoring } : {}),
      meta: { createdAt: now, updatedAt: now, generator: 'baton 0.1.0 (from n8n)' },
    };
    const invalid = validate(doc);
    if (invalid.length > 0) return { ok: false, problems: invalid };
    const report: ConversionReport = {
      from: 'n8n',
      name,
      sourceNodes: this.sourceCount,
      nodes: doc.nodes.length,
      edges: doc.edges.length,
      folded: this.folded.size,
      approximations: this.notes,
    };
    return { ok: true, doc, report };
  }
  // ------------------------------------------------------------------ reading

  private readNodes(raw: readonly unknown[]): void {
    raw.forEach((entry, i) => {
      const parsed = n8nNodeSchema.safeParse(entry);
      if (!parsed.success) {
        const label = isPlainObject(entry) && typeof entry['name'] === 'string' ? entry['name'] : `node ${i + 1}`;
        this.note(label, 'left out', `the node is not readable (${describeIssues(parsed.error.issues, { schema: n8nNodeSchema, input: entry })[0]?.message ?? 'wrong shape'})`);
        return;
      }
      const node = parsed.data;
      if (this.byName.has(node.name)) {
        this.note(node.name, 'left out', 'another node has the same name; n8n connects nodes by name, so only the first one can be wired');
        return;
      }
      this.byName.set(node.name, node);
    });
  }

  private readConnections(raw: Readonly<Record<string, unknown>>): void {
    const missing = new Set<string>();
    for (const [from, byType] of Object.entries(raw)) {
      if (!this.byName.has(from)) {
        missing.add(from);
        continue;
      }
      if (!isPlainObject(byType)) continue;
      for (const [type, outputs] of Object.entries(byType)) {
        if (!Array.isArray(outputs)) continue;
        outputs.forEach((output: unknown, index) => {
          const parsed = n8nOutputSchema.safeParse(output);
          if (!parsed.success || parsed.data === null) {
            if (!parsed.success && output !== null) this.note(from, 'a connection left out', 'the connection entry is not readable');
            return;
          }
          for (const target of parsed.data) {
            if (!n8nConnectionSchema.safeParse(target).success) continue;
            if (!this.byName.has(target.node)) {
              missing.add(target.node);
              continue;
            }
            if (type === 'main') {
              const list = this.mainOut.get(from) ?? [];
              list.push({ output: index, to: target.node });
              this.mainOut.set(from, list);
              this.mainIn.set(target.node, (this.mainIn.get(target.node) ?? 0) + 1);
            } else if (type in AI_CONNECTION_ROLES) {
              const role = AI_CONNECTION_ROLES[type as keyof typeof AI_CONNECTION_ROLES];
              const list = this.attached.get(target.node) ?? [];
              const node = this.byName.get(from);
              if (node) list.push({ role, node });
              this.attached.set(target.node, list);
            } else {
              this.note(from, `a "${type}" connection left out`, 'Baton does not know this kind of n8n connection');
            }
          }
        });
      }
    }
    for (const name of missing) this.note(name, 'connections left out', 'the file connects to or from a node it does not contain');
  }

  /** A node whose connections out are all `ai_*` serves a root node: it is folded, not drawn. */
  private findSubNodes(): void {
    for (const list of this.attached.values()) {
      for (const a of list) if (!this.mainOut.has(a.node.name)) this.subNodes.add(a.node.name);
    }
    for (const node of this.byName.values()) {
      if (!this.mainOut.has(node.name) && isSubNodeType(node.type, node.parameters ?? {})) this.subNodes.add(node.name);
    }
  }
  // ------------------------------------------------------------------ data facts

  /**
   * `reads` (data lineage) and `inlineSecrets` for every step, from its n8n parameters. Names in expressions
   * are resolved to Baton ids; `$json` and friends (and steps that work on their input items by nature) read
   * the nearest earlier steps that produce data, looking through steps that only pass items on.
   */
  private addDataFacts(): void {
    const byId = new Map(this.nodes.map((n) => [n.id, n] as const));
    const inputsOf = new Map<string, string[]>();
    for (const [from, list] of this.mainOut) for (const c of list) inputsOf.set(c.to, [...(inputsOf.get(c.to) ?? []), from]);
    const idOf = (name: string): string | undefined => {
      const m = this.mapped.get(name);
      if (m) return m.input ?? m.outputs[0]?.nodeId;
      // A sub-node named in an expression stands for the step it serves.
      for (const [root, list] of this.attached) if (list.some((a) => a.node.name === name)) return idOf(root);
      return undefined;
    };
    const producers = (name: string): string[] => {
      const out = new Set<string>();
      const seen = new Set<string>([name]);
      const queue = [...(inputsOf.get(name) ?? [])];
      while (queue.length > 0 && out.size < 200) {
        const n = queue.shift();
        if (n === undefined || seen.has(n)) continue;
        seen.add(n);
        const m = this.mapped.get(n);
        const step = m?.input !== undefined ? byId.get(m.input) : undefined;
        const passes = step !== undefined && (step.kind === 'router' || step.kind === 'loop' || step.kind === 'join' || PASS_THROUGH.has(dataOp(step)));
        if (passes) queue.push(...(inputsOf.get(n) ?? []));
        else {
          const id = idOf(n);
          if (id !== undefined) out.add(id);
        }
      }
      return [...out];
    };
    // Conversations only: an e-mail answered automatically goes to someone who expects a person to have written it.
    const triggers = new Set([...this.mapped.values()].filter((m) => m.input === undefined && m.outputs.length > 0 && byId.get(m.outputs[0]?.nodeId ?? '')?.kind === 'trigger' && !EMAIL_TRIGGER.test(m.source.type)).map((m) => m.source.name));
    for (const m of this.mapped.values()) {
      const id = m.input;
      const target = id !== undefined ? byId.get(id) : undefined;
      if (!target || target.kind === 'note' || target.kind === 'trigger') continue;
      const params: Params = m.source.parameters ?? {};
      // A message addressed with what a trigger received answers the person who wrote, in their conversation.
      if (target.kind === 'tool' && target.config.sideEffect !== 'none' && addressesStarter(params, triggers)) target.config.toRequester = true;
      const use = dataUse(params);
      const reads = new Set<string>();
      for (const name of use.named) {
        const ref = idOf(name);
        if (ref !== undefined && ref !== target.id) reads.add(ref);
      }
      // Integrations and messages can use their input without an expression (mapped columns, an attached
      // file, a sub-workflow handed the items): without expressions their lineage is unknown and left out.
      const integration = target.kind === 'tool' || target.kind === 'human';
      const implicit = !integration && !(target.kind === 'ai' && promptText(params) !== undefined);
      if (use.usesInput || implicit) for (const p of producers(m.source.name)) if (p !== target.id) reads.add(p);
      if (!integration || use.anyExpression) target.reads = [...reads].slice(0, 200);
      const secrets = inlineSecrets(params).slice(0, 50);
      if (secrets.length > 0) {
        target.inlineSecrets = secrets.map((h) => (h.placeholder ? { parameter: h.parameter, placeholder: true } : { parameter: h.parameter }));
        const real = secrets.filter((h) => !h.placeholder).length;
        if (real > 0) this.note(m.source.name, `${real} secret${real === 1 ? '' : 's'} typed into its settings left out`, 'Baton records where a secret was typed (inlineSecrets), never its value', target.id);
      }
    }
  }
  // ------------------------------------------------------------------ edges

  private connect(): void {
    const seen = new Map<string, WorkflowEdge>();
    for (const [from, list] of this.mainOut) {
      const source = this.mapped.get(from);
      if (!source) continue;
      for (const c of list) {
        const slot = source.outputs[c.output];
        const target = this.mapped.get(c.to);
        // A disabled trigger became a note (already reported): its connections simply end with it.
        if (source.input === undefined && source.outputs.length === 0) continue;
        if (!target) {
          this.note(c.to, 'a connection into it left out', 'it is a sub-node (model, memory, tool...), which Baton folds into the step it serves');
          continue;
        }
        if (!slot) {
          this.note(from, `output ${c.output} left out`, this.byName.get(from)?.disabled === true ? 'a disabled node passes items on through its first output only' : 'Baton has no port for this output of the node', source.outputs[0]?.nodeId);
          continue;
        }
        if (!target.input) {
          this.note(c.to, 'a connection into it left out', 'nothing can connect into this kind of step in Baton (a trigger or a note)');
          continue;
        }
        for (const port of slot.ports) this.addEdge(seen, slot, port, target.input);
      }
    }
  }

  private addEdge(seen: Map<string, WorkflowEdge>, slot: OutputSlot, port: string, target: string): void {
    const key = `${slot.nodeId}\u0000${port}\u0000${target}`;
    const before = seen.get(key);
    if (before) {
      // Two n8n outputs into the same step (an IF whose both branches go on to one node) are one Baton branch,
      // with both shares.
      if (slot.label && before.label !== undefined && !before.label.split(' / ').includes(slot.label)) before.label = clip(`${before.label} / ${slot.label}`, SHORT);
      if (slot.probability !== undefined && before.probability !== undefined) before.probability = Math.min(1, before.probability + slot.probability);
      if (slot.isDefault) {
        delete before.probability;
        before.isDefault = true;
      }
      return;
    }
    const edge: WorkflowEdge = {
      id: this.edgeId(),
      source: slot.nodeId,
      sourcePort: port,
      target,
      ...(slot.label && port !== 'reject' && port !== 'timeout' ? { label: slot.label } : {}),
      ...(slot.probability !== undefined ? { probability: slot.probability } : {}),
      ...(slot.isDefault ? { isDefault: true } : {}),
    };
    seen.set(key, edge);
    this.edges.push(edge);
  }

  /** n8n ends a branch where an output has nothing connected; Baton ends it at an explicit output, "End". */
  private closeOpenOutputs(): void {
    const used = new Set(this.edges.map((e) => `${e.source}\u0000${e.sourcePort}\u0000${e.label ?? ''}`));
    const usedPorts = new Set(this.edges.map((e) => `${e.source}\u0000${e.sourcePort}`));
    const seen = new Map<string, WorkflowEdge>();
    for (const m of this.mapped.values()) {
      if (!m.endsWhenOpen) continue;
      const connected = new Set((this.mainOut.get(m.source.name) ?? []).map((c) => c.output));
      m.outputs.forEach((slot, index) => {
        // An unconnected error output too: n8n drops the failed items there and the run still succeeds.
        if (!slot || connected.has(index)) return;
        for (const port of slot.ports) {
          // A router's branches share one port, told apart by label; other kinds: one edge per port is enough.
          const key = slot.label !== undefined && this.kindOf(slot.nodeId) === 'router' ? `${slot.nodeId}\u0000${port}\u0000${slot.label}` : `${slot.nodeId}\u0000${port}`;
          if ((this.kindOf(slot.nodeId) === 'router' ? used : usedPorts).has(key)) continue;
          this.addEdge(seen, slot, port, this.end());
        }
      });
    }
  }

  private onlyByHand(): boolean {
    const triggers = this.nodes.filter((n) => n.kind === 'trigger');
    return triggers.length > 0 && triggers.every((n) => n.kind === 'trigger' && n.config.type === 'manual');
  }

  private kindOf(id: string): NodeKind | undefined {
    return this.nodes.find((n) => n.id === id)?.kind;
  }

  private end(): string {
    if (this.endId) return this.endId;
    const id = this.newId('end', 'end');
    // A workflow only started by hand (n8n's "Test workflow" button) delivers nothing where its branches stop:
    // the person who ran it reads the results in the editor, so End is a plain stop (discard). Otherwise End
    // stands for what the run produces (what a chat or webhook answers with, the writes and sends before it).
    const type = this.onlyByHand() ? 'discard' : 'deliver';
    // Placed by placeEnd once every branch that stops there is known.
    this.nodes.push({ id, label: 'End', position: { x: 0, y: 0 }, kind: 'output', config: { type, outcome: 'success' } });
    this.endId = id;
    return id;
  }

  /**
   * End goes one ordinary gap right of the rightmost step that stops there, level with the middle of those steps:
   * a fixed distance past the whole design stretched small designs wide enough to be cut off on a laptop screen.
   */
  private placeEnd(): void {
    const endId = this.endId;
    if (endId === undefined) return;
    const from = new Set(this.edges.filter((e) => e.target === endId).map((e) => e.source));
    const sources = this.nodes.filter((n) => from.has(n.id));
    if (sources.length === 0) return;
    const x = Math.max(...sources.map((n) => n.position.x + nodeSize(n).width)) + NODE_GAP;
    const ys = sources.map((n) => n.position.y + nodeSize(n).height / 2);
    const y = Math.round((Math.min(...ys) + Math.max(...ys)) / 2 - kindSize('output').height / 2);
    const i = this.nodes.findIndex((n) => n.id === endId);
    const end = this.nodes[i];
    if (end) this.nodes[i] = { ...end, position: { x: Math.min(x, MAX_COORDINATE), y } };
  }

  /** Cards n8n drew closer than Baton's sizes allow are pushed apart; notes stay where they are, behind them. */
  private separateNodes(leaveOut?: string): void {
    const graph = this.nodes.filter((n) => n.kind !== 'note' && n.id !== leaveOut);
    const moved = separateOverlaps(graph.map((n) => ({ ...n.position, ...nodeSize(n) })), NODE_CLEARANCE);
    const at = new Map(graph.map((n, i) => [n.id, moved[i] ?? n.position]));
    const clamp = (v: number) => Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, v));
    this.nodes.forEach((n, i) => {
      const p = at.get(n.id);
      if (p && (p.x !== n.position.x || p.y !== n.position.y)) this.nodes[i] = { ...n, position: { x: clamp(p.x), y: clamp(p.y) } };
    });
  }

  /** A workflow with no trigger (started by hand from the editor, or an old "Start" node missing) gets one. */
  private addStartIfNone(): void {
    const graph = this.nodes.filter((n) => n.kind !== 'note');
    if (graph.length === 0 || graph.some((n) => n.kind === 'trigger')) return;
    const targets = new Set(this.edges.map((e) => e.target));
    const roots = graph.filter((n) => !targets.has(n.id));
    const id = this.newId('start', 'start');
    // One ordinary gap left of the leftmost step, level with the first step it starts (as End sits after the last).
    const x = Math.min(...graph.map((n) => n.position.x)) - NODE_GAP - kindSize('trigger').width;
    this.nodes.unshift({ id, label: 'Start', position: { x: Math.max(-MAX_COORDINATE, x), y: roots[0]?.position.y ?? 0 }, kind: 'trigger', config: { type: 'manual' } });
    for (const r of roots.length > 0 ? roots : graph.slice(0, 1)) this.edges.push({ id: this.edgeId(), source: id, sourcePort: 'out', target: r.id });
    this.note('', 'a manual trigger "Start" added', 'the workflow has no trigger node (n8n can still run it by hand or from another workflow); Baton needs one to start a case', id);
  }
}

function validate(doc: Workflow): Problem[] {
  const parsed = workflowShapeSchema.safeParse(doc);
  if (!parsed.success) return describeIssues(parsed.error.issues, { schema: workflowShapeSchema, input: doc }).map((p) => ({ ...p, code: 'conversion-invalid', message: `the converted workflow is not valid (a bug in the n8n importer): ${p.message}` }));
  return checkIntegrity(doc).map((p) => ({ ...p, code: 'conversion-invalid', message: `the converted workflow is not valid (a bug in the n8n importer): ${p.message}` }));
}

/**
 * Convert a parsed n8n workflow export.
 * @example
 * const r = convertN8n(JSON.parse(text));
 * if (r.ok) editor.load(r.doc); r.ok && r.report.approximations.forEach((a) => console.log(a.node, a.what));
 */
export function convertN8n(value: unknown, options: ConvertOptions = {}): ConversionResult {
  return new Converter().run(value, options);
}
