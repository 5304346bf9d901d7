/**
 * One n8n node -> Baton node(s), for the converter (src/interop/n8n/convert.ts, which reads the file, maps every
 * node through this class and then connects them): triggers, outputs, loops, routers and switches, joins, waits
 * and human gates, data steps, tools and AI steps with their sub-nodes (model, tools, output parser) folded in,
 * and the node's settings (retries, timeouts, error output) as a step policy. Every approximation is noted in the
 * conversion report. docs/import-n8n.md describes each mapping.
 */
import type { ConversionNote } from '../../domain/conversion-report.schema.ts';
import { DEFAULT_REVIEW_TIME } from '../../domain/defaults.ts';
import type { AgentTool, AiCapability, DataOperation, HumanType, Position, TriggerType, WorkflowNode } from '../../domain/node.schema.ts';
import type { Catcher, Retrier, StepPolicy } from '../../domain/policy.schema.ts';
import { isPlainObject } from '../../domain/schema-walk.ts';
import { MAX_COORDINATE, MAX_ID_LENGTH } from '../../domain/units.ts';
import type { WorkflowEdge } from '../../domain/edge.schema.ts';
import type { N8nNode } from './n8n-workflow.schema.ts';
import {
  agentToolOf,
  aiApiCapability,
  DATA_TYPES,
  humanTypeOf,
  isBaseType,
  isLangChainType,
  loopDefaults,
  N8N_RETRY,
  SEND_AND_WAIT,
  shortType,
  sideEffectOf,
  toolTypeOf,
  UNIT_SECONDS,
  waitDefaults,
} from './node-types.ts';
import { at, bool, clip, conditionsText, list, num, obj, objects, readable, str, type Params } from './parameters.ts';
import {
  aiCapabilityOf,
  type Attachment,
  callerWaits,
  callsSelfWithoutWaiting,
  classifierCategories,
  dataPurpose,
  httpTimeout,
  isKnownIntegration,
  isPublic,
  modelOfRoot,
  modelPolicy,
  modelText,
  outputContract,
  promptText,
  runsStatement,
  sendAndWaitLimit,
  service,
  triggerTypeOf,
  waitLimit,
} from './node-reading.ts';

/**
 * n8n draws 100 px squares about 220 px apart across and 100 to 200 px apart down; Baton's cards are wider and
 * shorter (up to 240 x 84, src/domain/node-size.ts). So the axes scale differently: across by 1.4, so an n8n step
 * 220 px on becomes a card 308 px on (a 240 px card and a gap of about 70), and down by 1, where n8n's spacing
 * already clears Baton's lower cards. Sticky notes scale the same way, so they still sit behind their steps.
 * Nodes n8n drew closer than that are then pushed apart (separateOverlaps, in convert.ts).
 */
export const POSITION_SCALE = { x: 1.4, y: 1 } as const;

/** Text fields of the Baton schema are bounded; longer n8n text is clipped (and reported). */
export const SHORT = 200;
const LONG = 20_000;

/** Where one n8n main output leads from, in Baton terms. */
export interface OutputSlot {
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
export interface Mapped {
  readonly source: N8nNode;
  /** The Baton node main connections into this n8n node arrive at; undefined when nothing can arrive. */
  readonly input: string | undefined;
  /** By n8n main output index. */
  readonly outputs: readonly (OutputSlot | undefined)[];
  /** Outputs that end the branch in n8n when nothing is connected to them (Baton connects them to End). */
  readonly endsWhenOpen: boolean;
}

/**
 * The conversion's state and the mapping of one n8n node to Baton node(s), with its sub-nodes folded in and its
 * policy (retries, timeouts, error output) carried over. convert.ts drives it: read, map every node, connect.
 */
export abstract class NodeMapper {
  readonly notes: ConversionNote[] = [];
  readonly nodes: WorkflowNode[] = [];
  readonly edges: WorkflowEdge[] = [];
  protected readonly byName = new Map<string, N8nNode>();
  protected readonly ids = new Set<string>();
  protected readonly mapped = new Map<string, Mapped>();
  /** Sub-nodes by the name of the node they are attached to. */
  protected readonly attached = new Map<string, Attachment[]>();
  protected readonly subNodes = new Set<string>();
  protected readonly mainOut = new Map<string, { output: number; to: string }[]>();
  protected readonly mainIn = new Map<string, number>();
  protected endId: string | undefined;
  protected readonly folded = new Set<string>();
  protected sourceCount = 0;
  protected executionOrder: string | undefined;
  /** The workflow's own id in n8n, when the file has one (a step that calls it calls this workflow). */
  protected selfId: string | undefined;

  note(node: string, what: string, why: string, nodeId?: string): void {
    this.notes.push(nodeId === undefined ? { node, what, why } : { node, nodeId, what, why });
  }
  // ------------------------------------------------------------------ ids, positions

  private edgeCount = 0;
  protected edgeId(): string {
    this.edgeCount++;
    return `e${this.edgeCount}`;
  }

  protected newId(wanted: string | undefined, fallback: string): string {
    const base = wanted && wanted.length <= MAX_ID_LENGTH - 4 ? wanted : fallback;
    let id = base;
    for (let k = 2; this.ids.has(id); k++) id = `${base}_${k}`;
    this.ids.add(id);
    return id;
  }

  private position(node: N8nNode, dx = 0, dy = 0): Position {
    const [x, y] = node.position ?? [0, 0];
    const clamp = (v: number) => Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, Math.round(v)));
    return { x: clamp((x + dx) * POSITION_SCALE.x), y: clamp((y + dy) * POSITION_SCALE.y) };
  }

  private base(node: N8nNode, id: string): { id: string; label: string; position: Position; description?: string } {
    if (node.name.length > SHORT) this.note(node.name, 'name shortened', `Baton labels hold up to ${SHORT} characters`, id);
    const notes = node.notes?.trim();
    return { id, label: clip(node.name, SHORT), position: this.position(node), ...(notes ? { description: clip(notes, LONG) } : {}) };
  }

  // ------------------------------------------------------------------ nodes

  protected mapNode(node: N8nNode): void {
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
    // n8n's Form node only follows a Form Trigger: its page is the next one the same person fills in.
    if (short === 'form') return this.addHuman(node, id, 'review', undefined, 'the next page of the form, filled in by the person who started it (requester); Baton models them as a reviewer who always answers', false, true);
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
    const size = (v: number | undefined, fallback: number, scale: number, min: number) => Math.max(min, Math.min(4000, Math.round((v ?? fallback) * scale)));
    this.nodes.push({ ...this.base(node, id), kind: 'note', config: { text: clip(content, LONG), width: size(num(params, 'width'), 240, POSITION_SCALE.x, 40), height: size(num(params, 'height'), 160, POSITION_SCALE.y, 20) } });
  }

  private addTrigger(node: N8nNode, id: string, type: TriggerType): void {
    const open = isPublic(shortType(node.type), node.parameters ?? {});
    // A sub-workflow's caller waits for it (n8n's default) unless a step of this same file starts it and goes on.
    const fireAndForget = type === 'called' ? [...this.byName.values()].find((n) => n.disabled !== true && callsSelfWithoutWaiting(shortType(n.type), n.parameters ?? {}, this.selfId)) : undefined;
    const waits = fireAndForget ? false : callerWaits(shortType(node.type), node.parameters ?? {});
    if (fireAndForget) this.note(node.name, 'caller does not wait', `"${fireAndForget.name}" starts this workflow and goes on without waiting for it ("Wait For Sub-Workflow Completion" off), so a failure here goes back to nobody`, id);
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

  private addHuman(node: N8nNode, id: string, type: HumanType, limitSeconds: number | undefined, why: string, canReject = false, requester = false): void {
    this.nodes.push({
      ...this.base(node, id),
      kind: 'human',
      config: { type, reviewers: 1, calendar: 'always', ...(limitSeconds !== undefined ? { slaSeconds: limitSeconds } : {}), ...(requester ? { requester: true } : {}) },
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
  protected checkFolded(name: string): void {
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
}
