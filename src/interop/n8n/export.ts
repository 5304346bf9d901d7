/**
 * n8n workflow JSON of a design (docs/interop.md, "n8n"): import it in n8n with Workflows > Import from file.
 *
 * - triggers: Manual, Schedule, Webhook (events too: a Webhook with header authentication), Chat or Execute
 *   Workflow (`called`) triggers;
 * - AI steps: LangChain root nodes (Agent, Basic LLM Chain, Text Classifier, Information Extractor) with an
 *   OpenAI chat model sub-node carrying the step's model, an agent's tools as ai_tool sub-nodes; other
 *   capabilities: the OpenAI node;
 * - tool steps: the app's node when the label or purpose names a known app, HTTP Request for HTTP tools, Execute
 *   Workflow for sub-workflows, Execute Command for scripts, Send Email for notifications, otherwise an HTTP
 *   Request to the service's API; each with a note that says what to configure;
 * - data steps: the n8n node for their operation (Set, Code, Merge, Split Out, Aggregate, Filter, Sort, Limit,
 *   Remove Duplicates, Wait with its delay, Respond to Webhook, No Operation); loops: Loop Over Items 3 (output
 *   0 done, output 1 each pass);
 * - human gates: Send Email with "send and wait for approval", then a Switch on the answer (approve, reject,
 *   and the time limit running out for the timeout route);
 * - checks: IF (confidence against the threshold, or `passed`); routers: IF (one branch and a default) or
 *   Switch (named outputs; every matching output for inclusive routers); parallel routers: one output wired to
 *   every branch; joins: Merge; error outputs: Stop and Error; other outputs: No Operation;
 * - retries: retryOnFail / maxTries / waitBetweenTries; catch routes: onError continueErrorOutput with the
 *   error output wired; notes: sticky notes; positions kept.
 */
import { buildAdjacency, formatSeconds, type AgentTool, type TriggerType, type Condition, type Retrier, type Workflow, type WorkflowEdge, type WorkflowNode } from '../../domain/index.ts';
import type { ExportNote, ExportResult } from '../export-format.ts';
import { BATON_TO_N8N } from './node-types.ts';
import { displayName, edgesFromPort, routedCatchers, uniqueName, unroutedErrorEdges } from '../export-graph.ts';

const BASE = 'n8n-nodes-base.';
const LC = '@n8n/n8n-nodes-langchain.';

/** n8n's retry limits (its engine clamps maxTries to 2..5 and the wait to 0..5000 ms). */
export const N8N_RETRY_LIMITS = { minTries: 2, maxTries: 5, maxWaitMs: 5000 } as const;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Params = { [key: string]: Json };

interface N8nNode {
  parameters: Params;
  id: string;
  name: string;
  type: string;
  typeVersion: number;
  position: [number, number];
  [setting: string]: Json;
}

type AddNode = (node: WorkflowNode | undefined, wanted: string, type: string, typeVersion: number, parameters: Params, at: { x: number; y: number }, settings?: Record<string, Json>) => N8nNode;

interface Connection {
  node: string;
  type: string;
  index: number;
}

/**
 * Apps with an n8n node of their own, found by name in a tool step's label or purpose ("Post to Slack").
 * Version 1 of each node, which every n8n 1.x still loads.
 */
const APPS: ReadonlyArray<{ readonly pattern: RegExp; readonly type: string }> = [
  { pattern: /\bslack\b/i, type: 'slack' },
  { pattern: /\bgmail\b/i, type: 'gmail' },
  { pattern: /\bgoogle sheets?\b/i, type: 'googleSheets' },
  { pattern: /\bgoogle drive\b/i, type: 'googleDrive' },
  { pattern: /\bgoogle calendar\b/i, type: 'googleCalendar' },
  { pattern: /\b(postgres|postgresql)\b/i, type: 'postgres' },
  { pattern: /\bmysql\b/i, type: 'mySql' },
  { pattern: /\bmongodb\b/i, type: 'mongoDb' },
  { pattern: /\btelegram\b/i, type: 'telegram' },
  { pattern: /\bdiscord\b/i, type: 'discord' },
  { pattern: /\bnotion\b/i, type: 'notion' },
  { pattern: /\bairtable\b/i, type: 'airtable' },
  { pattern: /\bhubspot\b/i, type: 'hubspot' },
  { pattern: /\bsalesforce\b/i, type: 'salesforce' },
  { pattern: /\bjira\b/i, type: 'jira' },
  { pattern: /\bgithub\b/i, type: 'github' },
  { pattern: /\bstripe\b/i, type: 'stripe' },
  { pattern: /\btwilio\b/i, type: 'twilio' },
  { pattern: /\bmicrosoft teams\b/i, type: 'microsoftTeams' },
  { pattern: /\bzendesk\b/i, type: 'zendesk' },
];

/** A UUID-shaped id derived from text (FNV-1a), so the same document always gets the same ids. */
export function stableUuid(text: string): string {
  const parts: string[] = [];
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    parts.push((h >>> 0).toString(16).padStart(8, '0'));
  }
  const hex = parts.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A JavaScript string literal safe inside an n8n expression: JSON quoting, plus braces as escapes so a `}}` in
 * the text cannot end the expression.
 */
function jsString(s: string): string {
  return JSON.stringify(s).replace(/\{/g, '\\u007b').replace(/\}/g, '\\u007d');
}

/** `={{ $json["field"] }}`: the field of the current item. */
function fieldExpr(field: string): string {
  return `={{ $json[${jsString(field)}] }}`;
}

/** One n8n filter condition (IF 2.x, Switch 3.x) for a Baton condition. */
function filterCondition(c: Condition, id: string): Params {
  const ops: Record<Condition['op'], string> = { '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte', '==': 'equals', '!=': 'notEquals' };
  const type = typeof c.value === 'number' ? 'number' : typeof c.value === 'boolean' ? 'boolean' : 'string';
  return { id, leftValue: fieldExpr(c.field), rightValue: c.value, operator: { type, operation: ops[c.op] } };
}

function filter(conditions: Params[]): Params {
  return { options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 }, conditions, combinator: 'and' };
}

/**
 * @example exportN8n(doc) // { ok: true, text: '{\n  "name": "...",\n  "nodes": [...', notes: [...] }
 */
export function exportN8n(doc: Workflow): ExportResult {
  const adj = buildAdjacency(doc);
  const notes: ExportNote[] = [];
  const recurring = new Map<string, WorkflowNode[]>();
  const noteEach = (node: WorkflowNode, gap: string) => {
    const list = recurring.get(gap) ?? [];
    if (!list.includes(node)) list.push(node);
    recurring.set(gap, list);
  };
  const taken = new Set<string>();
  const nodes: N8nNode[] = [];
  const connections: Record<string, Record<string, Connection[][]>> = {};
  /** Where a Baton node's ports leave from in n8n: the node name and output index of each port. */
  const exits = new Map<string, Map<string, { name: string; output: number }>>();
  /** The n8n node a Baton node is entered by, and the input index each incoming edge takes. */
  const entries = new Map<string, string>();
  const inputOf = new Map<string, number>();

  const add = (node: WorkflowNode | undefined, wanted: string, type: string, typeVersion: number, parameters: Params, at: { x: number; y: number }, settings: Record<string, Json> = {}): N8nNode => {
    const name = uniqueName(wanted, taken);
    const n: N8nNode = { parameters, id: stableUuid(`${doc.id}/${node?.id ?? ''}/${name}`), name, type, typeVersion, position: [Math.round(at.x), Math.round(at.y)], ...settings };
    nodes.push(n);
    return n;
  };
  const connect = (from: string, output: number, to: string, input: number, type = 'main') => {
    const byType = (connections[from] ??= {});
    const outputs = (byType[type] ??= []);
    while (outputs.length <= output) outputs.push([]);
    outputs[output]?.push({ node: to, type, index: input });
  };
  const exit = (nodeId: string, port: string, name: string, output: number) => {
    const m = exits.get(nodeId) ?? new Map<string, { name: string; output: number }>();
    m.set(port, { name, output });
    exits.set(nodeId, m);
  };
  /** Router branches leave from their own output; targets may come later in document order, so they connect at the end. */
  const pendingRouter: Array<{ e: WorkflowEdge; from: string; output: number }> = [];
  const routeEdge = (e: WorkflowEdge, from: string, output: number) => pendingRouter.push({ e, from, output });
  const settingsFor = (node: WorkflowNode): Record<string, Json> => (node.description ? { notes: node.description } : {});

  for (const node of doc.nodes) {
    const at = node.position;
    const name = displayName(node);
    switch (node.kind) {
      case 'trigger': {
        const path = stableUuid(`${doc.id}/${node.id}/path`);
        const parameters = {
          manual: {},
          schedule: { rule: { interval: [{}] } },
          webhook: { httpMethod: 'POST', path, options: {} },
          // A service's event: a webhook only that service can call (header auth), answered at once.
          event: { httpMethod: 'POST', path, authentication: 'headerAuth', options: {} },
          chat: { options: {} },
          // "When Executed by Another Workflow", taking whatever the caller passes.
          called: { inputSource: 'passthrough' },
        } satisfies Record<TriggerType, Params>;
        const { type, typeVersion: version } = BATON_TO_N8N.trigger[node.config.type];
        const params: Params = parameters[node.config.type];
        const hook = node.config.type === 'webhook' || node.config.type === 'chat' || node.config.type === 'event';
        const extra: Record<string, Json> = hook ? { webhookId: stableUuid(`${doc.id}/${node.id}/webhook`) } : {};
        if (node.config.type === 'event') noteEach(node, 'Event triggers become a Webhook with header authentication (n8n has a trigger per service, not a generic one; pick the service\'s trigger, or give the URL and a credential to the sender)');
        if (node.config.type === 'called' && node.config.waits === false) noteEach(node, 'Called triggers whose caller goes on without waiting (that is the calling step\'s setting in n8n: turn off "Wait For Sub-Workflow Completion" there)');
        const n = add(node, name, type, version, { ...params }, at, { ...extra, ...settingsFor(node) });
        entries.set(node.id, n.name);
        exit(node.id, 'out', n.name, 0);
        break;
      }
      case 'ai':
      case 'tool':
      case 'data': {
        const settings = { ...settingsFor(node), ...retrySettings(node, noteEach) };
        if (node.policy?.circuitBreaker) noteEach(node, 'Circuit breakers have no n8n equivalent');
        if (node.policy?.timeouts && !(node.kind === 'tool' && (node.config.type === 'http' || node.config.type === 'database' || node.config.type === 'automation') && !APPS.some((a) => a.pattern.test(`${node.label} ${node.config.purpose ?? ''}`)))) noteEach(node, 'Per-try timeouts are kept only on HTTP Request steps (other n8n nodes have no timeout setting)');
        let n: N8nNode;
        if (node.kind === 'ai') {
          const prompt = node.config.purpose ?? '';
          const model = node.config.model ?? 'gpt-4o-mini';
          const root = {
            agent: [`${LC}agent`, 1.7, { promptType: 'define', text: '={{ $json.chatInput ?? $json.text }}', options: { systemMessage: prompt } }],
            llm: [`${LC}chainLlm`, 1.5, { promptType: 'define', text: `=${prompt}` }],
            classifier: [`${LC}textClassifier`, 1, { inputText: '={{ $json.text }}', categories: { categories: [] }, options: { systemPromptTemplate: prompt } }],
            extractor: [`${LC}informationExtractor`, 1, { text: '={{ $json.text }}', options: { systemPromptTemplate: prompt } }],
          } as const satisfies Partial<Record<string, readonly [string, number, Params]>>;
          const cap = node.config.capability;
          const chosen = cap === 'agent' || cap === 'llm' || cap === 'classifier' || cap === 'extractor' ? root[cap] : undefined;
          if (chosen) {
            n = add(node, name, chosen[0], chosen[1], { ...chosen[2] }, at, settings);
            const lm = add(undefined, `${n.name}: model`, `${LC}lmChatOpenAi`, 1, { model, options: {} }, { x: at.x, y: at.y + 200 });
            connect(lm.name, 0, n.name, 0, 'ai_languageModel');
            // An agent's tools are sub-nodes it calls on its own, attached by ai_tool connections; chains take none.
            const tools = node.config.tools ?? [];
            if (cap === 'agent') {
              tools.forEach((tool, i) => {
                const t = agentToolNode(tool, node);
                const sub = add(undefined, tool.name, t.type, t.typeVersion, t.parameters, { x: at.x + 160 * (i + 1), y: at.y + 200 }, t.settings);
                connect(sub.name, 0, n.name, 0, 'ai_tool');
                if (t.placeholder) noteEach(node, 'Agent tools that name no app are HTTP Request tools to configure (their description says what they must do)');
              });
            } else if (tools.length > 0) {
              notes.push({ nodeId: node.id, message: `"${name}": n8n's ${cap === 'llm' ? 'Basic LLM Chain' : cap === 'classifier' ? 'Text Classifier' : 'Information Extractor'} takes no tools; its ${tools.length} tool(s) are left out (make it an agent to keep them).` });
            }
          } else {
            const ops: Partial<Record<string, readonly [string, string]>> = { ocr: ['image', 'analyze'], transcription: ['audio', 'transcribe'], speech: ['audio', 'generate'], 'image-generation': ['image', 'generate'] };
            const op = ops[cap] ?? ['text', 'message'];
            n = add(node, name, `${LC}openAi`, 1.8, { resource: op[0], operation: op[1], modelId: { __rl: true, value: model, mode: 'id' }, options: {} }, at, settings);
            if ((node.config.tools ?? []).length > 0) notes.push({ nodeId: node.id, message: `"${name}": the OpenAI node takes no tools; its ${(node.config.tools ?? []).length} tool(s) are left out.` });
            if (cap === 'embedding') noteEach(node, 'Embedding steps have no n8n step of their own: they are OpenAI message steps to change into an embeddings call');
          }
        } else if (node.kind === 'data') {
          n = dataNode(node, name, at, settings, add);
        } else {
          n = toolNode(node, name, at, settings);
        }
        entries.set(node.id, n.name);
        exit(node.id, 'out', n.name, 0);
        const routed = routedCatchers(adj, node);
        if (routed.length > 0) {
          n.onError = 'continueErrorOutput';
          for (const { catcher } of routed) {
            exit(node.id, catcher.port, n.name, catcher.port === 'out' ? 0 : 1);
            if (!catcher.errorEquals.includes('ALL')) noteEach(node, "An n8n error output takes every error, not only the types a catcher names");
          }
        }
        for (const e of unroutedErrorEdges(node, adj.outgoing.get(node.id) ?? [])) {
          notes.push({ nodeId: node.id, edgeId: e.id, message: `"${name}": the ${e.sourcePort} edge has no catcher in the policy, so Baton never takes it; left out.` });
        }
        break;
      }
      case 'loop': {
        // Loop Over Items 3: output 0 is "done", output 1 is "loop" (each pass), as the importer reads it.
        const { type, typeVersion } = BATON_TO_N8N.loop;
        const n = add(node, name, type, typeVersion, { batchSize: node.config.batchSize ?? 1, options: {} }, at, settingsFor(node));
        entries.set(node.id, n.name);
        exit(node.id, 'done', n.name, 0);
        exit(node.id, 'each', n.name, 1);
        break;
      }
      case 'human': {
        const sla = node.config.slaSeconds ?? node.policy?.timeouts?.scheduleToCloseSeconds;
        const options: Params = {};
        if (sla !== undefined) {
          const [amount, unit] = sla % 86_400 === 0 ? [sla / 86_400, 'days'] : sla % 3600 === 0 ? [sla / 3600, 'hours'] : [Math.ceil(sla / 60), 'minutes'];
          options.limitWaitTime = { values: { limitType: 'afterTimeInterval', resumeAmount: amount, resumeUnit: unit } };
        }
        const ask = add(node, name, `${BASE}emailSend`, 2.1, {
          operation: 'sendAndWait',
          fromEmail: '',
          toEmail: '',
          subject: name,
          message: `={{ ${jsString(`Please review: ${name}`)} }}`,
          approvalOptions: { values: { approvalType: 'double' } },
          options,
        }, at, { ...settingsFor(node), webhookId: stableUuid(`${doc.id}/${node.id}/wait`) });
        entries.set(node.id, ask.name);
        const rules: Params[] = [];
        const ports: string[] = [];
        for (const [port, value] of [['approve', true], ['reject', false]] as const) {
          if (edgesFromPort(adj, node.id, port).length === 0) continue;
          rules.push({
            conditions: filter([{ id: stableUuid(`${node.id}/${port}`), leftValue: '={{ $json.data.approved }}', rightValue: value, operator: { type: 'boolean', operation: 'equals' } }]),
            renameOutput: true,
            outputKey: port,
          });
          ports.push(port);
        }
        if (edgesFromPort(adj, node.id, 'revise').length > 0) {
          notes.push({ nodeId: node.id, message: `Human gate "${name}": n8n approvals answer approve or disapprove; the revise route is left out.` });
        }
        const timeout = edgesFromPort(adj, node.id, 'timeout').length > 0 && sla !== undefined;
        const switchOptions: Params = timeout ? { fallbackOutput: 'extra', renameFallbackOutput: 'timeout' } : {};
        const decide = add(undefined, `${ask.name}: decision`, `${BASE}switch`, 3.2, { rules: { values: rules }, options: switchOptions }, { x: at.x + 220, y: at.y });
        connect(ask.name, 0, decide.name, 0);
        ports.forEach((p, i) => exit(node.id, p, decide.name, i));
        if (timeout) exit(node.id, 'timeout', decide.name, ports.length);
        break;
      }
      case 'check': {
        const threshold = node.config.type === 'threshold' ? node.config.threshold : undefined;
        const condition =
          threshold !== undefined
            ? filterCondition({ field: 'confidence', op: '>=', value: threshold }, stableUuid(`${node.id}/pass`))
            : { id: stableUuid(`${node.id}/pass`), leftValue: '={{ $json.passed }}', rightValue: true, operator: { type: 'boolean', operation: 'true', singleValue: true } };
        const n = add(node, name, `${BASE}if`, 2.2, { conditions: filter([condition]), options: {} }, at, settingsFor(node));
        entries.set(node.id, n.name);
        exit(node.id, 'pass', n.name, 0);
        exit(node.id, 'fail', n.name, 1);
        if (node.config.onFail === 'reask') noteEach(node, 'Re-asks are not carried over (failed items leave by the IF node\'s false output)');
        break;
      }
      case 'router': {
        const out = adj.outgoing.get(node.id) ?? [];
        if (node.config.mode === 'parallel' || out.length <= 1) {
          const n = add(node, name, `${BASE}noOp`, 1, {}, at, settingsFor(node));
          entries.set(node.id, n.name);
          exit(node.id, 'out', n.name, 0);
          break;
        }
        const branches = out.filter((e) => !e.isDefault);
        const fallback = out.find((e) => e.isDefault);
        const byShare: string[] = [];
        const conditionOf = (e: WorkflowEdge): Params => {
          if (e.condition) return filterCondition(e.condition, stableUuid(`${node.id}/${e.id}`));
          const branch = e.label?.trim() || displayName(adj.nodesById.get(e.target) ?? node);
          byShare.push(branch);
          return filterCondition({ field: 'branch', op: '==', value: branch }, stableUuid(`${node.id}/${e.id}`));
        };
        const [only] = branches;
        if (node.config.mode === 'exclusive' && branches.length === 1 && fallback && only) {
          const n = add(node, name, `${BASE}if`, 2.2, { conditions: filter([conditionOf(only)]), options: {} }, at, settingsFor(node));
          entries.set(node.id, n.name);
          routeEdge(only, n.name, 0);
          routeEdge(fallback, n.name, 1);
        } else {
          const rules = branches.map((e) => ({ conditions: filter([conditionOf(e)]), renameOutput: true, outputKey: e.label?.trim() || displayName(adj.nodesById.get(e.target) ?? node) }));
          const options: Params = {};
          if (fallback) Object.assign(options, { fallbackOutput: 'extra', renameFallbackOutput: fallback.label?.trim() || 'default' });
          if (node.config.mode === 'inclusive') options.allMatchingOutputs = true;
          const n = add(node, name, `${BASE}switch`, 3.2, { rules: { values: rules }, options }, at, settingsFor(node));
          entries.set(node.id, n.name);
          branches.forEach((e, i) => routeEdge(e, n.name, i));
          if (fallback) routeEdge(fallback, n.name, branches.length);
        }
        if (byShare.length > 0) {
          notes.push({ nodeId: node.id, message: `Router "${name}" chooses ${byShare.join(', ')} by share; n8n has no random choice, so these branches test the field branch, which an earlier step must set.` });
        }
        break;
      }
      case 'join': {
        const incoming = (adj.incoming.get(node.id) ?? []).length;
        const inputs = Math.min(10, Math.max(2, incoming));
        const n = add(node, name, `${BASE}merge`, 3, { numberInputs: inputs }, at, settingsFor(node));
        entries.set(node.id, n.name);
        exit(node.id, 'out', n.name, 0);
        if (node.config.mode === 'first') notes.push({ nodeId: node.id, message: `Join "${name}" waits for the first branch only in Baton; n8n's Merge waits for every branch that runs.` });
        if (node.config.timeoutSeconds !== undefined) notes.push({ nodeId: node.id, message: `Join "${name}": its ${formatSeconds(node.config.timeoutSeconds)} timeout has no n8n equivalent.` });
        (adj.incoming.get(node.id) ?? []).forEach((e, i) => inputOf.set(e.id, Math.min(i, inputs - 1)));
        break;
      }
      case 'output': {
        const n =
          node.config.outcome === 'error'
            ? add(node, name, `${BASE}stopAndError`, 1, { errorMessage: name }, at, settingsFor(node))
            : add(node, name, `${BASE}noOp`, 1, {}, at, settingsFor(node));
        entries.set(node.id, n.name);
        break;
      }
      case 'note':
        add(node, name, `${BASE}stickyNote`, 1, { content: node.config.text, ...(node.config.width ? { width: node.config.width } : {}), ...(node.config.height ? { height: node.config.height } : {}) }, at);
        break;
    }
  }

  const routed = new Set<string>();
  for (const p of pendingRouter) {
    const to = entries.get(p.e.target);
    if (!to) continue;
    connect(p.from, p.output, to, inputOf.get(p.e.id) ?? 0);
    routed.add(p.e.id);
  }
  let unlabelled = 0;
  for (const e of doc.edges) {
    if (routed.has(e.id)) continue;
    const from = exits.get(e.source)?.get(e.sourcePort);
    const to = entries.get(e.target);
    if (!from || !to) continue;
    connect(from.name, from.output, to, inputOf.get(e.id) ?? 0);
    const source = adj.nodesById.get(e.source);
    if (e.label?.trim() && source?.kind !== 'router') unlabelled++;
  }
  if (unlabelled > 0) notes.push({ message: `${unlabelled} edge label(s) are not carried over: n8n connections have no labels (router branches keep theirs as output names).` });
  for (const [gap, list] of recurring) {
    const [one] = list;
    notes.push({ message: `${gap}: ${list.map((n) => `"${displayName(n)}"`).join(', ')}.`, ...(list.length === 1 && one ? { nodeId: one.id } : {}) });
  }

  const workflow = {
    name: doc.name,
    nodes,
    connections,
    pinData: {},
    settings: { executionOrder: 'v1', ...errorWorkflowSetting(doc, notes) },
    meta: { templateCredsSetupCompleted: false },
  };
  return { ok: true, text: `${JSON.stringify(workflow, null, 2)}\n`, notes };

  function toolNode(node: Extract<WorkflowNode, { kind: 'tool' }>, name: string, at: { x: number; y: number }, settings: Record<string, Json>): N8nNode {
    const text = `${node.label} ${node.config.purpose ?? ''}`;
    const app = APPS.find((a) => a.pattern.test(text));
    if (app) return add(node, name, `${BASE}${app.type}`, 1, {}, at, { ...settings, notes: configureNote(node, `Pick the ${app.type} operation and credentials.`), notesInFlow: true });
    const timeout = node.policy?.timeouts?.startToCloseSeconds;
    switch (node.config.type) {
      case 'http':
        return add(node, name, `${BASE}httpRequest`, 4.2, { method: node.config.sideEffect === 'none' ? 'GET' : 'POST', url: '', options: timeout !== undefined ? { timeout: Math.round(timeout * 1000) } : {} }, at, { ...settings, notes: configureNote(node, 'Set the URL and authentication.'), notesInFlow: true });
      case 'subworkflow':
        return add(node, name, `${BASE}executeWorkflow`, 1.1, { source: 'database', workflowId: '' }, at, { ...settings, notes: configureNote(node, 'Choose the workflow to run.'), notesInFlow: true });
      case 'script':
        // A script that reaches outside the workflow runs as a command (a Code node is a local data step in n8n).
        return add(node, name, `${BASE}executeCommand`, 1, { command: `# ${(node.config.purpose ?? name).replace(/\s+/g, ' ')}` }, at, { ...settings, notes: configureNote(node, 'Write the command that runs the script (or move a local script into a Code node).'), notesInFlow: true });
      case 'notification':
        // n8n's generic way to tell someone: Send Email, to replace with the messaging app's node if it is another.
        noteEach(node, 'Notification steps that name no app are Send Email steps to configure (or replace with the messaging app\'s node)');
        return add(node, name, `${BASE}emailSend`, 2.1, { fromEmail: '', toEmail: '', subject: name, options: {} }, at, { ...settings, notes: configureNote(node, 'Set the sender and recipients, or replace with the messaging app\'s node.'), notesInFlow: true });
      default:
        // A database or automation tool that names no app: an HTTP Request to the service's API is the placeholder
        // that still runs as a call (a No Operation would read back as a data step).
        noteEach(node, 'Tool steps that name no app are HTTP Request steps to configure (their note says what they must do)');
        return add(node, name, `${BASE}httpRequest`, 4.2, { method: node.config.sideEffect === 'none' ? 'GET' : 'POST', url: '', options: timeout !== undefined ? { timeout: Math.round(timeout * 1000) } : {} }, at, { ...settings, notes: configureNote(node, `Call the ${node.config.type} service's API, or replace with its node.`), notesInFlow: true });
    }
  }
}

/**
 * The n8n tool sub-node for one of an agent's tools: the app's tool node when the name or description names a
 * known app (Slack, Gmail...), Code and Workflow tools for scripts and sub-workflows, otherwise an HTTP Request
 * tool (GET when it only reads) whose description says what to configure. The importer reads each back as a
 * tool of the agent (agentToolOf in node-types.ts).
 */
function agentToolNode(tool: AgentTool, agent: WorkflowNode): { type: string; typeVersion: number; parameters: Params; settings: Record<string, Json>; placeholder: boolean } {
  const description = tool.description ?? tool.name;
  const app = APPS.find((a) => a.pattern.test(`${tool.name} ${tool.description ?? ''}`));
  if (app) return { type: `${BASE}${app.type}Tool`, typeVersion: 1, parameters: {}, settings: { notes: `Configure: pick the ${app.type} operation and credentials for the agent "${displayName(agent)}".` }, placeholder: false };
  switch (tool.type) {
    case 'script':
      return { type: `${LC}toolCode`, typeVersion: 1.1, parameters: { name: toolFunctionName(tool.name), description, jsCode: `// ${description.replace(/\s+/g, ' ')}\nreturn query;` }, settings: {}, placeholder: false };
    case 'subworkflow':
      return { type: `${LC}toolWorkflow`, typeVersion: 1.3, parameters: { name: toolFunctionName(tool.name), description, source: 'database', workflowId: '' }, settings: { notes: 'Configure: choose the workflow to run.' }, placeholder: false };
    default:
      return {
        type: `${LC}toolHttpRequest`,
        typeVersion: 1.1,
        parameters: { toolDescription: description, method: tool.sideEffect === 'none' ? 'GET' : 'POST', url: '' },
        settings: { notes: `Configure: set the URL and authentication${tool.type ? ` (a ${tool.type} tool)` : ''}.` },
        placeholder: true,
      };
  }
}

/** The function name a Code or Workflow tool is offered to the model under: letters, digits and underscores. */
function toolFunctionName(name: string): string {
  return name.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 64) || 'tool';
}

/**
 * The n8n node for a conversion, by what the step's label or purpose says it converts: Markdown, HTML, XML,
 * dates, or files to data (Extract from File, the usual one).
 */
function convertNode(text: string): { type: string; typeVersion: number } {
  if (/markdown/i.test(text)) return { type: `${BASE}markdown`, typeVersion: 1 };
  if (/\bhtml\b/i.test(text)) return { type: `${BASE}html`, typeVersion: 1.2 };
  if (/\bxml\b/i.test(text)) return { type: `${BASE}xml`, typeVersion: 1 };
  if (/\b(date|time|timestamp)s?\b/i.test(text)) return { type: `${BASE}dateTime`, typeVersion: 2 };
  return { type: `${BASE}extractFromFile`, typeVersion: 1 };
}

/** A data step as the n8n node for its operation (node-types.ts, BATON_TO_N8N); a wait keeps its delay. */
function dataNode(node: Extract<WorkflowNode, { kind: 'data' }>, name: string, at: { x: number; y: number }, settings: Record<string, Json>, add: AddNode): N8nNode {
  const op = node.config.operation;
  const { type, typeVersion } = op === 'convert' ? convertNode(`${node.label} ${node.config.purpose ?? ''}`) : BATON_TO_N8N.data[op];
  const purpose = (node.config.purpose ?? name).replace(/\s+/g, ' ');
  const parameters: Params =
    op === 'wait'
      ? { amount: node.config.delaySeconds ?? 5, unit: 'seconds' }
      : op === 'code'
        ? { jsCode: `// ${purpose}\nreturn $input.all();` }
        : {};
  const configure: Record<string, Json> = op === 'wait' || op === 'pass' ? {} : { notes: [`Configure: ${op} step.`, node.config.purpose, node.description].filter(Boolean).join('\n'), notesInFlow: true };
  return add(node, name, type, typeVersion, parameters, at, { ...settings, ...configure });
}

function configureNote(node: Extract<WorkflowNode, { kind: 'tool' }>, what: string): string {
  const parts = [`Configure: ${what}`];
  if (node.config.purpose) parts.push(node.config.purpose);
  if (node.description) parts.push(node.description);
  return parts.join('\n');
}

/** n8n's retry settings for a step's first retrier (n8n has one retry setting per node, for every error). */
function retrySettings(node: Extract<WorkflowNode, { kind: 'ai' | 'tool' | 'data' }>, noteEach: (node: WorkflowNode, gap: string) => void): Record<string, Json> {
  const retriers: readonly Retrier[] = node.policy?.retry ?? [];
  const [r] = retriers;
  if (!r || r.maximumAttempts <= 1) return {};
  if (retriers.length > 1) noteEach(node, 'Only the first retrier is kept (n8n has one retry setting per node)');
  if (!r.errorEquals.includes('ALL')) noteEach(node, 'n8n retries every error, not only the types a retrier names');
  const tries = Math.min(N8N_RETRY_LIMITS.maxTries, Math.max(N8N_RETRY_LIMITS.minTries, r.maximumAttempts));
  if (tries !== r.maximumAttempts) noteEach(node, `Retries are capped at ${N8N_RETRY_LIMITS.maxTries} tries in n8n`);
  const waitMs = Math.min(N8N_RETRY_LIMITS.maxWaitMs, Math.round((r.initialIntervalSeconds ?? 1) * 1000));
  if ((r.initialIntervalSeconds ?? 1) * 1000 > N8N_RETRY_LIMITS.maxWaitMs) noteEach(node, 'Waits between tries are capped at 5 s in n8n');
  if ((r.backoffCoefficient ?? 2) !== 1 || (r.jitter ?? 'none') !== 'none' || r.honorRetryAfter) noteEach(node, 'n8n waits a fixed time between tries (no backoff, jitter or Retry-After)');
  return { retryOnFail: true, maxTries: tries, waitBetweenTries: waitMs };
}

/** How the importer names an n8n error workflow in `monitoring.via` (src/interop/n8n/convert.ts). */
const ERROR_WORKFLOW_VIA = /^n8n error workflow (\S+)$/;

/**
 * A design whose failures raise an alert outside the drawn steps: back to n8n's settings.errorWorkflow when it
 * came from one (the id is kept in `monitoring.via`), otherwise a note saying what to set up in n8n.
 */
function errorWorkflowSetting(doc: Workflow, notes: ExportNote[]): { errorWorkflow?: string } {
  const m = doc.monitoring;
  if (!m?.alertOnFailure) return {};
  const id = ERROR_WORKFLOW_VIA.exec(m.via ?? '')?.[1];
  if (id) return { errorWorkflow: id };
  notes.push({ message: `Failures raise an alert${m.via ? ` (${m.via})` : ''}: in n8n, choose an error workflow in the workflow's settings to do it.` });
  return {};
}
