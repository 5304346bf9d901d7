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
 *    an AI step and a router), keeping its n8n name as label and its place on the canvas.
 * 4. Main connections become edges from the Baton port each n8n output stands for. An output n8n leaves
 *    unconnected ends the branch successfully in n8n; Baton says so with an edge to one shared "End".
 */
import type { ConversionNote, ConversionReport } from '../../domain/conversion-report.schema.ts';
import { DEFAULT_REVIEW_TIME } from '../../domain/defaults.ts';
import { checkIntegrity } from '../../domain/integrity.ts';
import type { AgentTool, AiCapability, DataOperation, HumanType, NodeKind, Position, TriggerType, WorkflowNode } from '../../domain/node.schema.ts';
import type { Catcher, Retrier, StepPolicy } from '../../domain/policy.schema.ts';
import type { Problem } from '../../domain/problem.ts';
import { isPlainObject } from '../../domain/schema-walk.ts';
import { MAX_COORDINATE, MAX_ID_LENGTH } from '../../domain/units.ts';
import type { WorkflowEdge } from '../../domain/edge.schema.ts';
import { CURRENT_SCHEMA_VERSION, MAX_EDGES, MAX_NODES, WORKFLOW_FORMAT, workflowShapeSchema, type Workflow } from '../../domain/workflow.schema.ts';
import { describeIssues } from '../describe-issue.ts';
import type { ConversionResult, ConvertOptions } from '../foreign.ts';
import { n8nConnectionSchema, n8nNodeSchema, n8nOutputSchema, n8nWorkflowSchema, type N8nNode } from './n8n-workflow.schema.ts';
import {
  agentToolOf,
  aiApiCapability,
  AI_BASE_TYPES,
  AI_COMMUNITY_TYPES,
  AI_CONNECTION_ROLES,
  AI_ROOT_TYPES,
  DATA_TYPES,
  humanTypeOf,
  isBaseType,
  isLangChainType,
  isSubNodeType,
  loopDefaults,
  N8N_RETRY,
  OPENAI_CLIENT_DEFAULTS,
  OPENAI_FAMILY_MODELS,
  SEND_AND_WAIT,
  shortType,
  sideEffectOf,
  toolTypeOf,
  TRIGGER_TYPES_BY_NODE,
  UNIT_SECONDS,
  waitDefaults,
  type SubNodeRole,
} from './node-types.ts';
import { buildsStatement, dataUse, inlineSecrets } from './expressions.ts';
import { at, bool, clip, conditionsText, isExpression, list, locatorText, num, obj, objects, readable, str, type Params } from './parameters.ts';

/**
 * n8n places 100-pixel square nodes about 220 px apart; Baton's steps are up to 220 px wide. Positions are
 * scaled by this factor, the same on both axes, so the layout keeps its shape and its sticky notes still
 * cover the steps they describe.
 */
export const POSITION_SCALE = 1.5;

/** Text fields of the Baton schema are bounded; longer n8n text is clipped (and reported). */
const SHORT = 200;
const LONG = 20_000;

const TRANSIENT = ['rate_limited', 'timeout', 'communication'] as const;

/** Where one n8n main output leads from, in Baton terms. */
interface OutputSlot {
  readonly nodeId: string;
  readonly ports: readonly string[];
  readonly label?: string;
  /** This output takes whatever the others do not (a Switch fallback). */
  readonly isDefault?: boolean;
  /** A router branch's share of cases: n8n decides by data Baton does not have, so branches share evenly. */
  readonly probability?: number;
}

/** Even shares for a router's branches; a default branch takes what the others leave. */
function evenShares<T extends { readonly isDefault?: boolean }>(branches: readonly T[]): (T & { probability?: number })[] {
  const share = branches.length > 0 ? 1 / branches.length : 1;
  return branches.map((b) => (b.isDefault ? b : { ...b, probability: share }));
}

/** One n8n node, once mapped: where its main input arrives, and what each of its main outputs stands for. */
interface Mapped {
  readonly source: N8nNode;
  /** The Baton node main connections into this n8n node arrive at; undefined when nothing can arrive. */
  readonly input: string | undefined;
  /** By n8n main output index. */
  readonly outputs: readonly (OutputSlot | undefined)[];
  /** Outputs that end the branch in n8n when nothing is connected to them (Baton connects them to End). */
  readonly endsWhenOpen: boolean;
}

interface Attachment {
  readonly role: SubNodeRole;
  readonly node: N8nNode;
}

class Converter {
  readonly notes: ConversionNote[] = [];
  readonly nodes: WorkflowNode[] = [];
  readonly edges: WorkflowEdge[] = [];
  private readonly byName = new Map<string, N8nNode>();
  private readonly ids = new Set<string>();
  private readonly mapped = new Map<string, Mapped>();
  /** Sub-nodes by the name of the node they are attached to. */
  private readonly attached = new Map<string, Attachment[]>();
  private readonly subNodes = new Set<string>();
  private readonly mainOut = new Map<string, { output: number; to: string }[]>();
  private readonly mainIn = new Map<string, number>();
  private endId: string | undefined;
  private readonly folded = new Set<string>();
  private sourceCount = 0;
  private executionOrder: string | undefined;

  note(node: string, what: string, why: string, nodeId?: string): void {
    this.notes.push(nodeId === undefined ? { node, what, why } : { node, nodeId, what, why });
  }

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

    const name = clip(wf.name?.trim() || 'Imported n8n workflow', SHORT);
    const now = options.now ?? new Date(0).toISOString();
    const doc: Workflow = {
      format: WORKFLOW_FORMAT,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: options.id ?? clip(`n8n_${wf.id === undefined ? 'workflow' : String(wf.id)}`, MAX_ID_LENGTH),
      name,
      description: 'Imported from an n8n workflow export.',
      nodes: this.nodes,
      edges: this.edges,
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

  // ------------------------------------------------------------------ ids, positions

  private newId(wanted: string | undefined, fallback: string): string {
    const base = wanted && wanted.length <= MAX_ID_LENGTH - 4 ? wanted : fallback;
    let id = base;
    for (let k = 2; this.ids.has(id); k++) id = `${base}_${k}`;
    this.ids.add(id);
    return id;
  }

  private position(node: N8nNode, dx = 0, dy = 0): Position {
    const [x, y] = node.position ?? [0, 0];
    const clamp = (v: number) => Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, Math.round(v * POSITION_SCALE)));
    return { x: clamp(x + dx), y: clamp(y + dy) };
  }

  private base(node: N8nNode, id: string): { id: string; label: string; position: Position; description?: string } {
    if (node.name.length > SHORT) this.note(node.name, 'name shortened', `Baton labels hold up to ${SHORT} characters`, id);
    const notes = node.notes?.trim();
    return { id, label: clip(node.name, SHORT), position: this.position(node), ...(notes ? { description: clip(notes, LONG) } : {}) };
  }

  // ------------------------------------------------------------------ nodes

  private mapNode(node: N8nNode): void {
    const short = shortType(node.type);
    const params: Params = node.parameters ?? {};
    const version = node.typeVersion ?? 1;
    const id = this.newId(node.id, `n${this.ids.size + 1}`);

    if (short === 'stickyNote') return this.addNote(node, id, params);
    const trigger = triggerTypeOf(node.type, short);
    if (node.disabled === true) return this.addDisabled(node, id, trigger !== undefined);
    if (trigger !== undefined) return this.addTrigger(node, id, trigger);

    const leaf = !this.mainOut.has(node.name);
    if (short === 'stopAndError') return this.addOutput(node, id, 'alert', 'error');
    if (short === 'form' && str(params, 'operation') === 'completion') return this.addOutput(node, id, 'deliver', 'success');
    if (short === 'respondToWebhook' && leaf) return this.addOutput(node, id, 'deliver', 'success');
    if (short === 'noOp' && leaf) return this.addOutput(node, id, 'discard', 'success');

    if (short === 'splitInBatches') return this.addLoop(node, id, params, version);
    if (short === 'if') return this.addRouter(node, id, [{ label: 'true' }, { label: 'false' }], 'exclusive', conditionsText(params['conditions']));
    if (short === 'switch') return this.addSwitch(node, id, params, version);
    if (short === 'merge' && this.distinctInputs(node) >= 2) return this.addJoin(node, id, params);
    if (short === 'compareDatasets') return this.addJoin(node, id, params, ['In A only', 'Same', 'Different', 'In B only']);
    if (short === 'wait') return this.addWait(node, id, params, version);
    if (short === 'form') return this.addHuman(node, id, 'review', undefined, 'a form page a person fills in; Baton models the person as a reviewer who always answers');
    if (str(params, 'operation') === SEND_AND_WAIT) return this.addSendAndWait(node, id, params);

    const method = (str(params, 'method') ?? str(params, 'requestMethod') ?? 'GET').toUpperCase();
    // A GET to a provider reads (a file list, a job's status); a POST asks a model for something.
    const url = short === 'httpRequest' && method !== 'GET' && method !== 'HEAD' ? str(params, 'url') : undefined;
    const viaHttp = url !== undefined ? aiApiCapability(url) : undefined;
    if (viaHttp !== undefined) {
      this.note(node.name, 'imported as an AI step', `it is an HTTP request to an AI provider's API (${readable(url, 80)})`, id);
      return this.addAi(node, id, viaHttp, params, short);
    }
    const ai = aiCapabilityOf(node.type, short, params);
    if (ai !== undefined) return this.addAi(node, id, ai, params, short);
    const data = DATA_TYPES[short];
    if (data !== undefined && isBaseType(node.type)) return this.addData(node, id, data, params);
    return this.addTool(node, id, params, short);
  }

  private distinctInputs(node: N8nNode): number {
    let n = 0;
    for (const list of this.mainOut.values()) for (const c of list) if (c.to === node.name) n++;
    return n;
  }

  private register(node: N8nNode, input: string | undefined, outputs: readonly (OutputSlot | undefined)[], endsWhenOpen = true): void {
    this.mapped.set(node.name, { source: node, input, outputs, endsWhenOpen });
  }

  private addNote(node: N8nNode, id: string, params: Params): void {
    const content = str(params, 'content') ?? "## I'm a note\n**Double click** to edit me.";
    if (content.length > LONG) this.note(node.name, 'note shortened', `Baton notes hold up to ${LONG.toLocaleString('en-US')} characters`, id);
    const size = (v: number | undefined, fallback: number, min: number) => Math.max(min, Math.min(4000, Math.round((v ?? fallback) * POSITION_SCALE)));
    this.nodes.push({ ...this.base(node, id), kind: 'note', config: { text: clip(content, LONG), width: size(num(params, 'width'), 240, 40), height: size(num(params, 'height'), 160, 20) } });
  }

  private addTrigger(node: N8nNode, id: string, type: TriggerType): void {
    const open = isPublic(shortType(node.type), node.parameters ?? {});
    const waits = callerWaits(shortType(node.type), node.parameters ?? {});
    this.nodes.push({ ...this.base(node, id), kind: 'trigger', config: { type, ...(open !== undefined ? { public: open } : {}), ...(waits !== undefined ? { waits } : {}) } });
    const tools = (this.attached.get(node.name) ?? []).filter((a) => a.role === 'tool');
    if (tools.length > 0) {
      for (const t of tools) this.folded.add(t.node.name);
      this.note(node.name, `serves ${tools.length} tool${tools.length === 1 ? '' : 's'} (${tools.map((t) => t.node.name).join(', ')}) that are not drawn`, 'an MCP server trigger answers each client call with one of its tools; Baton has no step for a tool called from outside', id);
    }
    this.settingsIgnored(node, id, 'a trigger');
    this.register(node, undefined, [{ nodeId: id, ports: ['out'] }]);
  }

  private addDisabled(node: N8nNode, id: string, isTrigger: boolean): void {
    if (isTrigger) {
      this.nodes.push({ ...this.base(node, id), kind: 'note', config: { text: `Disabled in n8n: ${node.name} (${node.type})` } });
      this.note(node.name, 'became a note', 'the trigger is disabled in n8n, so no case starts there', id);
      this.register(node, undefined, [], false);
      return;
    }
    this.nodes.push({ ...this.base(node, id), kind: 'data', config: { operation: 'pass', purpose: `Disabled in n8n (${node.type}): items pass through unchanged.` } });
    this.note(node.name, 'became a pass-through data step', 'the node is disabled in n8n, which then hands its input on through its first output', id);
    this.register(node, id, [{ nodeId: id, ports: ['out'] }]);
  }

  private addOutput(node: N8nNode, id: string, type: 'deliver' | 'discard' | 'alert', outcome: 'success' | 'error'): void {
    this.nodes.push({ ...this.base(node, id), kind: 'output', config: { type, outcome } });
    if (outcome === 'error') this.note(node.name, 'ends the case as a handled error', 'n8n marks the execution as failed here (and runs an error workflow if one is set); Baton counts the case as ended by an alert', id);
    this.register(node, id, [], false);
  }

  private addLoop(node: N8nNode, id: string, params: Params, version: number): void {
    const d = loopDefaults(version);
    const batch = num(params, 'batchSize');
    const batchSize = batch !== undefined && Number.isInteger(batch) && batch >= 1 ? Math.min(batch, 1_000_000) : d.batchSize;
    this.nodes.push({ ...this.base(node, id), kind: 'loop', config: { batchSize } });
    if (version < 3) {
      this.note(node.name, 'loop exit approximated', 'Split in Batches before version 3 has no "done" output: the loop is left by a later IF on "noItemsLeft", which Baton cannot tie to the items; Baton leaves by done when the items run out', id);
    }
    // Before version 3 the node has one output (each batch) and simply stops when the items run out; its Baton
    // `done` gets a slot n8n never connects, so it ends the branch at End as the run does.
    const ports: readonly ('each' | 'done')[] = version < 3 ? [...d.outputs, 'done'] : d.outputs;
    this.register(node, id, ports.map((port) => ({ nodeId: id, ports: [port], label: port === 'each' ? 'loop' : 'done' })));
  }

  private addRouter(node: N8nNode, id: string, branches: readonly { label: string; isDefault?: boolean }[], mode: 'exclusive' | 'inclusive', condition: string, description?: string): void {
    const desc = [condition ? `n8n condition: ${condition}` : '', description ?? ''].filter(Boolean).join('\n');
    const base = this.base(node, id);
    this.nodes.push({ ...base, ...(desc ? { description: clip([base.description, desc].filter(Boolean).join('\n'), LONG) } : {}), kind: 'router', config: { mode } });
    this.note(node.name, 'branch shares unknown', "which branch a case takes depends on its data; the branches are given even shares (their probabilities) until you set your own", id);
    this.settingsIgnored(node, id, 'a router');
    this.register(node, id, evenShares(branches).map((b) => ({ nodeId: id, ports: ['out'], label: clip(b.label, SHORT), ...(b.isDefault ? { isDefault: true } : {}), ...(b.probability !== undefined ? { probability: b.probability } : {}) })));
  }

  private addSwitch(node: N8nNode, id: string, params: Params, version: number): void {
    const mode = str(params, 'mode') ?? 'rules';
    if (mode === 'expression') {
      const count = Math.max(1, Math.min(100, num(params, 'numberOutputs') ?? 4));
      return this.addRouter(node, id, Array.from({ length: count }, (_, i) => ({ label: `output ${i}` })), 'exclusive', `output chosen by ${readable(params['output'])}`);
    }
    const branches: { label: string; isDefault?: boolean }[] = [];
    if (version >= 3) {
      objects(list(obj(params, 'rules'), 'values')).forEach((rule, i) => {
        const key = str(rule, 'outputKey');
        branches.push({ label: bool(rule, 'renameOutput') === true && key ? key : conditionsText(rule['conditions']) || String(i) });
      });
      const options = obj(params, 'options');
      const fallback = options?.['fallbackOutput'];
      if (fallback === 'extra') branches.push({ label: str(options, 'renameFallbackOutput') ?? 'Fallback', isDefault: true });
      else if (typeof fallback === 'number' && branches[fallback]) branches[fallback] = { ...branches[fallback], isDefault: true };
      // "Send to all matching outputs": several rules can match one item in n8n. Without the data, Baton
      // cannot tell which; it takes one branch per case (rules are usually exclusive: a status, a category).
      if (bool(options, 'allMatchingOutputs') === true) this.note(node.name, 'one branch per case', 'n8n sends an item to every output whose rule matches; Baton cannot evaluate the rules, so it picks one branch', id);
    } else {
      const rules = objects(list(obj(params, 'rules'), 'rules'));
      rules.forEach((rule, i) => {
        const output = num(rule, 'output') ?? (i === 0 ? 0 : i);
        const label = str(rule, 'outputKey') ?? `${readable(params['value1'], 60)} ${str(rule, 'operation') ?? 'equal'} ${readable(rule['value2'], 60)}`;
        branches[output] = { label: branches[output] ? `${branches[output].label} / ${label}` : label };
      });
      const fallback = num(params, 'fallbackOutput');
      if (fallback !== undefined && fallback >= 0 && fallback < 100) branches[fallback] = { label: branches[fallback]?.label ?? `output ${fallback}`, isDefault: true };
      for (let i = 0; i < branches.length; i++) branches[i] ??= { label: `output ${i}` };
    }
    this.addRouter(node, id, branches, 'exclusive', '');
  }

  private addJoin(node: N8nNode, id: string, params: Params, resultLabels?: readonly string[]): void {
    this.nodes.push({ ...this.base(node, id), kind: 'join', config: { mode: 'all' } });
    if (this.executionOrder !== 'v1') {
      this.note(node.name, 'waits for every started branch', "the workflow uses n8n's legacy execution order, where a Merge can run before all its inputs arrive; Baton waits for every branch that was started, as n8n's v1 order does", id);
    }
    const mode = str(params, 'mode');
    if (mode === 'chooseBranch' || mode === 'combine' || mode === 'mergeByKey' || mode === 'mergeByIndex' || mode === 'multiplex' || mode === 'combineBySql') {
      // The data operation is the Merge's business; the flow (wait, then go on) is what Baton models.
    }
    this.settingsIgnored(node, id, 'a join');
    if (!resultLabels) {
      this.register(node, id, [{ nodeId: id, ports: ['out'] }]);
      return;
    }
    const routerId = this.newId(`${id}_result`, `n${this.ids.size + 1}`);
    this.nodes.push({ id: routerId, label: clip(`${node.name}: result`, SHORT), position: this.position(node, 160, 0), kind: 'router', config: { mode: 'exclusive' } });
    this.edges.push({ id: this.edgeId(), source: id, sourcePort: 'out', target: routerId });
    this.note(node.name, 'split into a join and a router', `its ${resultLabels.length} outputs (${resultLabels.join(', ')}) become the router's branches, shared evenly`, id);
    this.register(node, id, resultLabels.map((label) => ({ nodeId: routerId, ports: ['out'], label, probability: 1 / resultLabels.length })));
  }

  private addWait(node: N8nNode, id: string, params: Params, version: number): void {
    const resume = str(params, 'resume') ?? 'timeInterval';
    if (resume === 'webhook' || resume === 'form') {
      const why = resume === 'form' ? 'the run waits for a person to submit a form' : 'the run waits for a call to its resume URL, usually a person clicking a link (it may be a system)';
      return this.addHuman(node, id, 'review', waitLimit(params), `${why}; Baton models it as a reviewer who always answers`);
    }
    if (resume === 'specificTime') {
      this.nodes.push({ ...this.base(node, id), kind: 'data', config: { operation: 'wait', purpose: `Waits until ${readable(params['dateTime']) || 'a set date and time'}.` } });
      this.note(node.name, 'wait time unknown', 'it waits until a date and time, which depends on when the case runs; Baton adds no delay', id);
    } else {
      const d = waitDefaults(version);
      const amount = params['amount'] ?? d.amount;
      const unit = str(params, 'unit') ?? d.unit;
      const factor = UNIT_SECONDS[unit] ?? 1;
      if (typeof amount === 'number' && Number.isFinite(amount) && amount >= 0) {
        this.nodes.push({ ...this.base(node, id), kind: 'data', config: { operation: 'wait', delaySeconds: Math.min(amount * factor, 315_360_000) } });
      } else {
        this.nodes.push({ ...this.base(node, id), kind: 'data', config: { operation: 'wait', purpose: `Waits ${readable(amount)} ${unit}.` } });
        this.note(node.name, 'wait time unknown', `the amount is an expression (${readable(amount, 80)}), worked out when the case runs; Baton adds no delay`, id);
      }
    }
    this.withPolicy(node, id);
    this.register(node, id, [{ nodeId: id, ports: ['out'] }, ...this.errorSlot(node, id)]);
  }

  private addSendAndWait(node: N8nNode, id: string, params: Params): void {
    const responseType = params['responseType'] ?? 'approval';
    const type = humanTypeOf(responseType);
    const approval = at(params, 'approvalOptions', 'values');
    const double = isPlainObject(approval) && approval['approvalType'] === 'double';
    const service = shortType(node.type).replace(/Tool$/, '');
    const why = type === 'approval' ? `${service} sends a message with ${double ? 'Approve and Disapprove buttons' : 'an Approve button'} and waits for the click` : `${service} sends a message and waits for a written answer`;
    this.addHuman(node, id, type, sendAndWaitLimit(params), why, double);
  }

  private addHuman(node: N8nNode, id: string, type: HumanType, limitSeconds: number | undefined, why: string, canReject = false): void {
    this.nodes.push({
      ...this.base(node, id),
      kind: 'human',
      config: { type, reviewers: 1, calendar: 'always', ...(limitSeconds !== undefined ? { slaSeconds: limitSeconds } : {}) },
      // n8n has one output for every answer; the decision is read by a later step. Reject (when there is a
      // Disapprove button) leaves by its own port to the same place, so nothing is lost and nothing is stuck.
      stub: { serviceTime: DEFAULT_REVIEW_TIME, outcomes: canReject ? { approve: 0.9, reject: 0.1 } : { approve: 1 }, detectionRate: canReject ? 0.7 : 0 },
    });
    this.note(node.name, 'became a human step', `${why}${limitSeconds === undefined ? '; n8n waits without a time limit' : ''}`, id);
    if (node.retryOnFail === true || (node.onError !== undefined && node.onError !== 'stopWorkflow') || node.continueOnFail === true) {
      this.note(node.name, 'retry and error settings left out', 'a person is not retried, and a human step has no error output in Baton', id);
    }
    const ports = ['approve', ...(canReject ? ['reject'] : []), ...(limitSeconds !== undefined ? ['timeout'] : [])];
    this.register(node, id, [{ nodeId: id, ports }]);
  }

  private addData(node: N8nNode, id: string, operation: DataOperation, params: Params): void {
    const short = shortType(node.type);
    const purpose = dataPurpose(short, params);
    this.nodes.push({ ...this.base(node, id), kind: 'data', config: { operation, ...(purpose ? { purpose: clip(purpose, LONG) } : {}) } });
    if (operation === 'filter') this.note(node.name, 'items it drops are not modelled', 'a Filter drops the items that do not match, and a run whose items are all dropped stops there; Baton passes each case on', id);
    if (short === 'merge') this.note(node.name, 'became a data step', 'a Merge with one connected input only reshapes items', id);
    this.withPolicy(node, id);
    // Filter (version 2) may send discarded items to a second output; Split Out, Code etc. have one.
    this.register(node, id, [{ nodeId: id, ports: ['out'] }, ...this.errorSlot(node, id)]);
  }

  private addTool(node: N8nNode, id: string, params: Params, short: string): void {
    const guess = sideEffectOf(short, params);
    const type = toolTypeOf(short);
    const resource = str(params, 'resource');
    const purpose = [service(node.type), resource, guess.operation].filter(Boolean).join(' · ');
    const statement = runsStatement(short, params);
    const config = {
      type,
      sideEffect: guess.sideEffect,
      idempotent: guess.idempotent,
      purpose: clip(purpose, LONG),
      ...(guess.operation !== undefined ? { operation: clip(guess.operation, SHORT) } : {}),
      ...(statement !== undefined ? { dynamicStatement: statement } : {}),
    };
    this.nodes.push({ ...this.base(node, id), kind: 'tool', config });
    const known = isBaseType(node.type) || isLangChainType(node.type);
    if (!known) this.note(node.name, 'imported as a generic integration', `"${node.type}" is a community node Baton does not know; its side effect is judged from its operation name`, id);
    else if (!DATA_TYPES[short] && !isKnownIntegration(short)) this.note(node.name, 'imported as a generic integration', `Baton has no specific mapping for "${node.type}"`, id);
    if (guess.assumed) {
      const what = guess.operation === undefined ? 'the operation is not in the file and its n8n default is not known here' : `a ${guess.operation} request may create or change data, and the file does not say whether that can be undone`;
      this.note(node.name, `side effect assumed ${guess.sideEffect}`, what, id);
    }
    this.withPolicy(node, id, httpTimeout(short, params));
    this.register(node, id, [{ nodeId: id, ports: ['out'] }, ...this.errorSlot(node, id)]);
  }

  private addAi(node: N8nNode, id: string, capability: AiCapability, params: Params, short: string): void {
    const subs = this.collectAttachments(node);
    const model = modelText(subs.filter((a) => a.role === 'model').map((a) => a.node)) ?? modelOfRoot(params);
    const tools = [...this.agentTools(node, subs), ...this.builtInTools(node, id, short, params)];
    const contract = outputContract(subs, params);
    const memory = subs.filter((a) => a.role === 'memory').map((a) => a.node.name);
    const extras = subs.filter((a) => a.role !== 'model' && a.role !== 'tool' && a.role !== 'memory' && a.role !== 'outputParser').map((a) => `${a.role}: ${a.node.name}`);
    const base = this.base(node, id);
    const described = [base.description, memory.length ? `Memory: ${memory.join(', ')}` : '', extras.length ? `Uses ${extras.join('; ')}` : ''].filter(Boolean).join('\n');
    const purpose = promptText(params);
    const config = {
      capability,
      ...(model ? { model: clip(model, SHORT) } : {}),
      ...(purpose ? { purpose: clip(purpose, LONG) } : {}),
      ...(contract ? { outputContract: clip(contract, LONG) } : {}),
      ...(tools.length > 0 ? { tools: tools.slice(0, 100) } : {}),
    };
    this.nodes.push({ ...base, ...(described ? { description: clip(described, LONG) } : {}), kind: 'ai', config });
    this.withPolicy(node, id, httpTimeout(short, params), modelPolicy(subs.filter((a) => a.role === 'model').map((a) => a.node)));

    const categories = classifierCategories(short, params);
    if (categories) {
      const routerId = this.newId(`${id}_route`, `n${this.ids.size + 1}`);
      this.nodes.push({ id: routerId, label: clip(`${node.name}: category`, SHORT), position: this.position(node, 160, 0), kind: 'router', config: { mode: bool(obj(params, 'options'), 'multiClass') === true ? 'inclusive' : 'exclusive' } });
      this.edges.push({ id: this.edgeId(), source: id, sourcePort: 'out', target: routerId });
      this.note(node.name, 'split into an AI step and a router', `n8n's ${short} has one output per category (${categories.join(', ')}); Baton routes after the AI step, sharing cases evenly among the categories`, id);
      this.register(node, id, [...categories.map((label) => ({ nodeId: routerId, ports: ['out'], label: clip(label, SHORT), probability: 1 / categories.length })), ...this.errorSlot(node, id)]);
      return;
    }
    this.register(node, id, [{ nodeId: id, ports: ['out'] }, ...this.errorSlot(node, id)]);
  }

  // ------------------------------------------------------------------ sub-nodes

  /** The sub-nodes attached to a root, and (once) those attached to them, e.g. an agent tool's own model. */
  private collectAttachments(root: N8nNode): Attachment[] {
    const out: Attachment[] = [];
    const seen = new Set<string>([root.name]);
    const direct = this.attached.get(root.name) ?? [];
    for (const a of direct) {
      if (seen.has(a.node.name)) continue;
      seen.add(a.node.name);
      if (a.node.disabled === true) {
        this.note(a.node.name, 'left out', `it is disabled in n8n, so "${root.name}" cannot use it`);
        continue;
      }
      out.push(a);
      this.folded.add(a.node.name);
      // One level further (a tool's model, a vector store's embeddings): folded too, named on the root.
      for (const b of this.attached.get(a.node.name) ?? []) {
        if (seen.has(b.node.name)) continue;
        seen.add(b.node.name);
        this.folded.add(b.node.name);
        if (a.role !== 'tool') out.push({ role: b.role === 'model' ? 'chain' : b.role, node: b.node });
      }
    }
    return out;
  }

  private agentTools(root: N8nNode, subs: readonly Attachment[]): AgentTool[] {
    const tools: AgentTool[] = [];
    for (const a of subs) {
      if (a.role !== 'tool') continue;
      const short = shortType(a.node.type);
      const params: Params = a.node.parameters ?? {};
      const guess = agentToolOf(short, params);
      const description = str(params, 'toolDescription') ?? str(params, 'description');
      tools.push({ name: clip(a.node.name, SHORT), type: guess.type, sideEffect: guess.sideEffect, ...(description ? { description: clip(description, LONG) } : {}) });
      if (guess.assumed) this.note(a.node.name, `tool's side effect assumed ${guess.sideEffect}`, `the file does not say what this tool of "${root.name}" changes (${short})`);
    }
    return tools;
  }

  /**
   * What a root node itself writes or queries, declared as a tool so rules see it: a vector store in insert or
   * update mode writes embeddings; an SQL agent runs queries it wrote against its database.
   */
  private builtInTools(node: N8nNode, id: string, short: string, params: Params): AgentTool[] {
    if (short.startsWith('vectorStore')) {
      const mode = str(params, 'mode') ?? 'retrieve';
      const writes = mode === 'insert' || mode === 'update';
      return [{ name: clip(`${node.name} (${mode})`, SHORT), type: 'database', sideEffect: writes ? 'reversible' : 'none', description: writes ? 'Embeds documents and writes them to the vector store.' : 'Searches the vector store.' }];
    }
    if (short === 'agent' && str(params, 'agent') === 'sqlAgent') {
      const source = str(params, 'dataSource') ?? 'sqlite';
      this.note(node.name, 'its SQL database declared as a tool that writes', 'an SQL agent runs queries the model writes; the file cannot say whether its database login is read-only', id);
      return [{ name: `${source} database (SQL agent)`, type: 'database', sideEffect: 'reversible', description: 'Runs SQL queries written by the model.' }];
    }
    return [];
  }

  /** Sub-nodes must end up folded into a root; one attached to nothing Baton draws is reported. */
  private checkFolded(name: string): void {
    const node = this.byName.get(name);
    if (!node) return;
    const targets = [...this.attached.entries()].filter(([, list]) => list.some((a) => a.node.name === name)).map(([t]) => t);
    const reachesRoot = targets.some((t) => this.mapped.has(t) || this.subNodes.has(t));
    if (!reachesRoot) this.note(name, 'left out', 'it is a sub-node (model, memory, tool...) attached to no step Baton draws');
  }

  // ------------------------------------------------------------------ policy

  /** n8n's node settings as a Baton policy: retryOnFail, maxTries, waitBetweenTries, onError / continueOnFail. */
  private withPolicy(node: N8nNode, id: string, timeoutSeconds?: number, modelRetry?: { retry: Retrier; timeoutSeconds: number }): void {
    const target = this.nodes.find((n) => n.id === id);
    if (!target || (target.kind !== 'ai' && target.kind !== 'tool' && target.kind !== 'data')) return;
    const retry: Retrier[] = [];
    const timeout = timeoutSeconds ?? modelRetry?.timeoutSeconds;
    if (modelRetry) retry.push(modelRetry.retry);
    if (node.retryOnFail === true) {
      const tries = Math.min(N8N_RETRY.maxTries, Math.max(N8N_RETRY.minTries, node.maxTries || N8N_RETRY.defaultTries));
      const waitMs = Math.min(N8N_RETRY.maxWaitMs, Math.max(N8N_RETRY.minWaitMs, node.waitBetweenTries || N8N_RETRY.defaultWaitMs));
      if (node.maxTries && node.maxTries !== tries) this.note(node.name, `retries ${tries} times, not ${node.maxTries}`, `n8n keeps "Max Tries" between ${N8N_RETRY.minTries} and ${N8N_RETRY.maxTries}`, id);
      if (node.waitBetweenTries && node.waitBetweenTries !== waitMs) this.note(node.name, `waits ${waitMs} ms between tries, not ${node.waitBetweenTries}`, `n8n keeps "Wait Between Tries" between ${N8N_RETRY.minWaitMs} and ${N8N_RETRY.maxWaitMs} ms`, id);
      retry.push({ errorEquals: ['ALL'], maximumAttempts: tries, initialIntervalSeconds: waitMs / 1000, backoffCoefficient: 1, jitter: 'none' });
      if (modelRetry) this.note(node.name, "the model's retries and the node's do not multiply", `n8n retries the whole step ${tries} times around the chat model's own retries; Baton's first matching retrier wins, so transient errors get the model's ${modelRetry.retry.maximumAttempts} tries and other errors the node's ${tries}`, id);
    }
    const onError = node.onError ?? (node.continueOnFail === true ? 'continueRegularOutput' : 'stopWorkflow');
    const catchers: Catcher[] = [];
    if (onError === 'continueRegularOutput') catchers.push({ errorEquals: ['ALL'], port: 'out' });
    else if (onError === 'continueErrorOutput') catchers.push({ errorEquals: ['ALL'], port: 'error' });
    else if (onError !== 'stopWorkflow') this.note(node.name, `on-error setting "${onError}" ignored`, 'n8n knows stopWorkflow, continueRegularOutput and continueErrorOutput only', id);
    const policy: StepPolicy = {
      ...(timeout !== undefined ? { timeouts: { startToCloseSeconds: timeout } } : {}),
      ...(retry.length > 0 ? { retry } : {}),
      ...(catchers.length > 0 ? { catch: catchers } : {}),
    };
    if (Object.keys(policy).length > 0) target.policy = policy;
  }

  /** The error output (n8n's "continue using error output"): the output after the regular ones. */
  private errorSlot(node: N8nNode, id: string): OutputSlot[] {
    return node.onError === 'continueErrorOutput' ? [{ nodeId: id, ports: ['error'], label: 'error' }] : [];
  }

  private settingsIgnored(node: N8nNode, id: string, what: string): void {
    if (node.retryOnFail === true || (node.onError !== undefined && node.onError !== 'stopWorkflow') || node.continueOnFail === true) {
      this.note(node.name, 'retry and error settings left out', `${what} cannot fail in Baton, so it has no retry or error output`, id);
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
    for (const m of this.mapped.values()) {
      const id = m.input;
      const target = id !== undefined ? byId.get(id) : undefined;
      if (!target || target.kind === 'note' || target.kind === 'trigger') continue;
      const params: Params = m.source.parameters ?? {};
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

  private edgeCount = 0;
  private edgeId(): string {
    this.edgeCount++;
    return `e${this.edgeCount}`;
  }

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

  private kindOf(id: string): NodeKind | undefined {
    return this.nodes.find((n) => n.id === id)?.kind;
  }

  private end(): string {
    if (this.endId) return this.endId;
    const id = this.newId('end', 'end');
    const graph = this.nodes.filter((n) => n.kind !== 'note');
    const x = Math.max(0, ...graph.map((n) => n.position.x)) + 360;
    const ys = graph.map((n) => n.position.y);
    const y = ys.length ? Math.round((Math.min(...ys) + Math.max(...ys)) / 2) : 0;
    this.nodes.push({ id, label: 'End', position: { x: Math.min(x, MAX_COORDINATE), y }, kind: 'output', config: { type: 'deliver', outcome: 'success' } });
    this.endId = id;
    return id;
  }

  /** A workflow with no trigger (started by hand from the editor, or an old "Start" node missing) gets one. */
  private addStartIfNone(): void {
    const graph = this.nodes.filter((n) => n.kind !== 'note');
    if (graph.length === 0 || graph.some((n) => n.kind === 'trigger')) return;
    const targets = new Set(this.edges.map((e) => e.target));
    const roots = graph.filter((n) => !targets.has(n.id));
    const id = this.newId('start', 'start');
    const x = Math.min(...graph.map((n) => n.position.x)) - 360;
    this.nodes.unshift({ id, label: 'Start', position: { x: Math.max(-MAX_COORDINATE, x), y: roots[0]?.position.y ?? 0 }, kind: 'trigger', config: { type: 'manual' } });
    for (const r of roots.length > 0 ? roots : graph.slice(0, 1)) this.edges.push({ id: this.edgeId(), source: id, sourcePort: 'out', target: r.id });
    this.note('', 'a manual trigger "Start" added', 'the workflow has no trigger node (n8n can still run it by hand or from another workflow); Baton needs one to start a case', id);
  }
}

// ------------------------------------------------------------------ helpers

/** Data operations that hand items on as they came (their data is made earlier). */
const PASS_THROUGH = new Set<string>(['filter', 'sort', 'limit', 'dedupe', 'pass', 'wait']);

function dataOp(node: WorkflowNode | undefined): string {
  return node?.kind === 'data' ? node.config.operation : '';
}

/**
 * Can anyone start a case? Webhooks, forms and MCP servers without authentication, chats made public, and
 * messaging bots anyone can write to. Undefined when the file cannot tell (an inbox, a schedule).
 */
function isPublic(short: string, params: Params): boolean | undefined {
  if (short === 'webhook' || short === 'formTrigger' || short === 'mcpTrigger') return (str(params, 'authentication') ?? 'none') === 'none';
  if (short === 'chatTrigger') return bool(params, 'public') === true && (str(params, 'authentication') ?? 'none') === 'none';
  if (short === 'telegramTrigger' || short === 'whatsAppTrigger') return true;
  if (short === 'manualTrigger' || short === 'scheduleTrigger' || short === 'cron' || short === 'interval' || short === 'executeWorkflowTrigger' || short === 'manualChatTrigger') return false;
  return undefined;
}

/**
 * Does the caller wait for the case's answer? n8n's Webhook node answers at once ("Respond: Immediately", its
 * default, absent from the JSON) unless it answers from the last node or a Respond to Webhook node. Undefined for
 * other triggers (Baton's default: a webhook or chat caller waits).
 */
function callerWaits(short: string, params: Params): boolean | undefined {
  if (short !== 'webhook') return undefined;
  const mode = str(params, 'responseMode') ?? 'onReceived';
  return mode === 'lastNode' || mode === 'responseNode';
}

const STATEMENT_RUNNERS = new Set(['executeCommand', 'ssh', 'graphql', 'mongoDb']);

/** Does the step run a query or command, and is it built from its input? Undefined when it runs none. */
function runsStatement(short: string, params: Params): boolean | undefined {
  const operation = str(params, 'operation');
  // SQL, shell, GraphQL and Mongo queries are statements; a search box's "query" (Zendesk, Gmail) is not.
  const runs = operation === 'executeQuery' || STATEMENT_RUNNERS.has(short.replace(/Tool$/, ''));
  return runs ? buildsStatement(params) : undefined;
}

function triggerTypeOf(type: string, short: string): TriggerType | undefined {
  const known = TRIGGER_TYPES_BY_NODE[short];
  if (known) return known;
  if (/trigger$/i.test(short)) return 'event';
  return undefined;
}

function aiCapabilityOf(type: string, short: string, params: Params): AiCapability | undefined {
  if (isLangChainType(type)) {
    if (short === 'openAi') return openAiCapability(params, str(params, 'resource') ?? 'text');
    if (short.startsWith('vectorStore')) return 'embedding';
    return AI_ROOT_TYPES[short];
  }
  if (isBaseType(type)) {
    if (short === 'openAi') {
      const resource = str(params, 'resource') ?? 'text';
      if (resource === 'image') return 'image-generation';
      if (resource === 'text' && str(params, 'operation') === 'moderate') return 'classifier';
      return 'llm';
    }
    return AI_BASE_TYPES[short];
  }
  const tail = type.split('.').pop() ?? '';
  return AI_COMMUNITY_TYPES[tail];
}

/** The LangChain OpenAI node by resource: text (message, classify), image, audio, assistant, file. */
function openAiCapability(params: Params, resource: string): AiCapability | undefined {
  const operation = str(params, 'operation');
  if (resource === 'image') return operation === 'analyze' ? 'llm' : 'image-generation';
  if (resource === 'audio') return operation === 'transcribe' || operation === 'translate' ? 'transcription' : 'llm';
  if (resource === 'assistant') return 'agent';
  if (resource === 'text' && operation === 'classify') return 'classifier';
  if (resource === 'file') return undefined;
  return 'llm';
}

function service(type: string): string {
  const short = shortType(type);
  return short.replace(/Tool$/, '');
}

const KNOWN_INTEGRATIONS = new Set(['httpRequest', 'graphql', 'executeWorkflow', 'executeCommand', 'ssh', 'n8n', 'memoryManager']);
function isKnownIntegration(short: string): boolean {
  return KNOWN_INTEGRATIONS.has(short) || toolTypeOf(short) !== 'http' || short.endsWith('Tool');
}

function httpTimeout(short: string, params: Params): number | undefined {
  if (short !== 'httpRequest') return undefined;
  const ms = num(obj(params, 'options'), 'timeout');
  return ms !== undefined && ms > 0 ? ms / 1000 : undefined;
}

function dataPurpose(short: string, params: Params): string | undefined {
  if (short === 'code') {
    const code = str(params, 'jsCode') ?? str(params, 'pythonCode');
    return code ? `Runs ${str(params, 'language') === 'python' ? 'Python' : 'JavaScript'} code (${code.split('\n').length} lines).` : undefined;
  }
  if (short === 'function' || short === 'functionItem') return 'Runs JavaScript code.';
  if (short === 'filter') {
    const c = conditionsText(params['conditions']);
    return c ? `Keeps items where ${c}.` : undefined;
  }
  if (short === 'splitOut') {
    const field = str(params, 'fieldToSplitOut');
    return field ? `One item per entry of ${field}.` : undefined;
  }
  return undefined;
}

function waitLimit(params: Params): number | undefined {
  if (bool(params, 'limitWaitTime') !== true) return undefined;
  if ((str(params, 'limitType') ?? 'afterTimeInterval') !== 'afterTimeInterval') return undefined;
  const amount = num(params, 'resumeAmount') ?? 1;
  return positive(amount * (UNIT_SECONDS[str(params, 'resumeUnit') ?? 'hours'] ?? 3600));
}

/** sendAndWait keeps its limit under options.limitWaitTime.values (n8n 1.7x) or flat in options. */
function sendAndWaitLimit(params: Params): number | undefined {
  const options = obj(params, 'options');
  const limit = at(options, 'limitWaitTime', 'values') ?? at(options, 'limitWaitTime');
  if (!isPlainObject(limit)) return undefined;
  if ((str(limit, 'limitType') ?? 'afterTimeInterval') !== 'afterTimeInterval') return undefined;
  const amount = num(limit, 'resumeAmount') ?? 1;
  return positive(amount * (UNIT_SECONDS[str(limit, 'resumeUnit') ?? 'hours'] ?? 3600));
}

function positive(s: number): number | undefined {
  return Number.isFinite(s) && s > 0 ? Math.min(s, 315_360_000) : undefined;
}

const PROVIDERS: Readonly<Record<string, string>> = {
  lmChatOpenAi: 'OpenAI',
  lmOpenAi: 'OpenAI',
  lmChatAzureOpenAi: 'Azure OpenAI',
  lmChatAnthropic: 'Anthropic',
  lmChatGoogleGemini: 'Google Gemini',
  lmChatGoogleVertex: 'Google Vertex',
  lmChatGroq: 'Groq',
  lmChatMistralCloud: 'Mistral',
  lmChatOllama: 'Ollama',
  lmOllama: 'Ollama',
  lmChatOpenRouter: 'OpenRouter',
  lmChatDeepSeek: 'DeepSeek',
  lmChatXAiGrok: 'xAI',
  lmChatAwsBedrock: 'AWS Bedrock',
};

/** "gpt-4o-mini (OpenAI)" from the chat model sub-nodes; several (a fallback model) are joined. */
function modelText(models: readonly N8nNode[]): string | undefined {
  if (models.length === 0) return undefined;
  return models
    .map((m) => {
      const short = shortType(m.type);
      const params: Params = m.parameters ?? {};
      const raw = params['model'] ?? params['modelName'];
      let name = locatorText(raw);
      if (name !== undefined && isExpression(name)) name = `set by ${readable(name, 60)}`;
      name = name?.replace(/^models\//, '');
      const provider = PROVIDERS[short] ?? short.replace(/^lm(Chat)?/, '');
      return name ? `${name} (${provider})` : `${provider} default model`;
    })
    .join(' / ');
}

function modelOfRoot(params: Params): string | undefined {
  const name = locatorText(params['modelId'] ?? params['model']);
  if (name && !isExpression(name)) return name;
  // An HTTP call to a provider names its model in the JSON body.
  const body = str(params, 'jsonBody') ?? str(params, 'body');
  const inBody = body ? /"model"\s*:\s*"([^"{}]{1,100})"/.exec(body)?.[1] : undefined;
  return inBody;
}

/** The client defaults of OpenAI-family chat models: 2 retries with backoff on transient errors, 60 s a request. */
function modelPolicy(models: readonly N8nNode[]): { retry: Retrier; timeoutSeconds: number } | undefined {
  const m = models[0];
  if (!m || !OPENAI_FAMILY_MODELS.has(shortType(m.type))) return undefined;
  const options = obj(m.parameters, 'options');
  const retries = num(options, 'maxRetries') ?? OPENAI_CLIENT_DEFAULTS.maxRetries;
  const timeoutMs = num(options, 'timeout') ?? OPENAI_CLIENT_DEFAULTS.timeoutMs;
  return {
    retry: { errorEquals: [...TRANSIENT], maximumAttempts: Math.max(1, Math.min(1000, Math.round(retries) + 1)), initialIntervalSeconds: 0.5, backoffCoefficient: 2, maximumIntervalSeconds: 8, jitter: 'full', honorRetryAfter: true },
    timeoutSeconds: Math.max(0.001, timeoutMs / 1000),
  };
}

/** What the step is asked to do: its prompt or system message, as written in n8n. */
function promptText(params: Params): string | undefined {
  const options = obj(params, 'options');
  const parts: string[] = [];
  const system = str(options, 'systemMessage') ?? str(options, 'prefixPrompt');
  if (system) parts.push(system.replace(/^=/, ''));
  const text = str(params, 'text') ?? str(params, 'prompt') ?? str(params, 'inputText');
  if (text) parts.push(text.replace(/^=/, ''));
  const messages = objects(list(obj(params, 'messages'), 'values'));
  for (const m of messages) {
    const content = str(m, 'content') ?? str(m, 'message');
    if (content) parts.push(content.replace(/^=/, ''));
  }
  const joined = parts.join('\n\n').trim();
  return joined.length > 0 ? joined : undefined;
}

/** The output parser's schema (or the node's own), as the step's output contract. */
function outputContract(subs: readonly Attachment[], params: Params): string | undefined {
  const parser = subs.find((a) => a.role === 'outputParser')?.node;
  if (parser) {
    const p: Params = parser.parameters ?? {};
    const schema = str(p, 'inputSchema') ?? str(p, 'jsonSchemaExample') ?? str(p, 'jsonSchema');
    return schema ? `${parser.name}: ${schema}` : parser.name;
  }
  const attributes = objects(list(obj(params, 'attributes'), 'attributes')).map((a) => str(a, 'name')).filter(Boolean);
  if (attributes.length > 0) return `Attributes: ${attributes.join(', ')}`;
  const schema = str(params, 'inputSchema') ?? str(params, 'jsonSchemaExample');
  return schema ?? undefined;
}

/** A classifier's categories become branches; sentiment analysis defaults to Positive, Neutral, Negative. */
function classifierCategories(short: string, params: Params): string[] | undefined {
  if (short === 'textClassifier') {
    const names = objects(list(obj(params, 'categories'), 'categories')).map((c) => str(c, 'category') ?? '').map((s) => s || 'category');
    if (obj(params, 'options')?.['fallback'] === 'other') names.push('Other');
    return names.length > 0 ? names : undefined;
  }
  if (short === 'sentimentAnalysis') {
    const raw = str(obj(params, 'options'), 'categories') ?? 'Positive, Neutral, Negative';
    const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
    return names.length > 0 ? names : undefined;
  }
  return undefined;
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
