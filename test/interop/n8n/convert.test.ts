/**
 * The n8n importer on real exports (test/fixtures/n8n, from the shared corpus) and on small hand-made files
 * for the rules a real file shows only by chance. Each test names the n8n behaviour it pins down.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ConversionReport, Workflow, WorkflowEdge, WorkflowNode } from '../../../src/domain/index.ts';
import { checkIntegrity, workflowShapeSchema } from '../../../src/domain/index.ts';
import { nodeSize } from '../../../src/domain/node-size.ts';
import { boxesOverlap } from '../../../src/domain/separate-overlaps.ts';
import { exportWorkflow } from '../../../src/interop/export.ts';
import { importWorkflow } from '../../../src/interop/import.ts';
import { importAnyWorkflow } from '../../../src/interop/importers.ts';
import { convertN8n, POSITION_SCALE } from '../../../src/interop/n8n/index.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/n8n/${name}`, import.meta.url), 'utf8');

interface Converted {
  readonly doc: Workflow;
  readonly report: ConversionReport;
  node(label: string): WorkflowNode;
  of<K extends WorkflowNode['kind']>(label: string, kind: K): Extract<WorkflowNode, { kind: K }>;
  out(label: string): WorkflowEdge[];
  notes(label: string): string[];
  labelOf(id: string): string;
}

function convert(value: unknown): Converted {
  const r = convertN8n(value, { now: '2026-01-01T00:00:00.000Z' });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('\n'));
  const { doc, report } = r;
  const node = (label: string): WorkflowNode => {
    const n = doc.nodes.find((x) => x.label === label);
    if (!n) throw new Error(`no node "${label}" in ${doc.nodes.map((x) => x.label).join(', ')}`);
    return n;
  };
  return {
    doc,
    report,
    node,
    of: <K extends WorkflowNode['kind']>(label: string, kind: K) => {
      const n = node(label);
      if (n.kind !== kind) throw new Error(`"${label}" is ${n.kind}, not ${kind}`);
      return n as Extract<WorkflowNode, { kind: K }>;
    },
    out: (label) => doc.edges.filter((e) => e.source === node(label).id),
    notes: (label) => report.approximations.filter((a) => a.node === label).map((a) => a.what),
    labelOf: (id) => doc.nodes.find((n) => n.id === id)?.label ?? id,
  };
}

const real = (name: string): Converted => convert(JSON.parse(fixture(name)));

/** A minimal n8n export around the given nodes and connections. */
function n8n(nodes: Record<string, unknown>[], connections: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: 'Test', nodes: nodes.map((n, i) => ({ parameters: {}, position: [i * 220, 0], typeVersion: 1, ...n })), connections, settings: { executionOrder: 'v1' }, ...extra };
}
const main = (...targets: string[][]): { main: { node: string; type: string; index: number }[][] } => ({ main: targets.map((list) => list.map((node) => ({ node, type: 'main', index: 0 }))) });

describe('every converted fixture is a valid Baton document that round-trips', () => {
  const files = ['1341_Telegram_Splitout_Automate_Webhook.json', '1483_Limit_Code_Automation_Webhook.json', '0816_Splitout_Code_Automation_Scheduled.json', '0716_Wait_Webhook_Process_Webhook.json', '0592_Stopanderror_Awss3_Automation_Webhook.json', '1877_Telegram_Stickynote_Automation_Triggered.json', '0097_Executecommand_Mailgun_Automation_Webhook.json', '0319_Gmail_Googlecalendartool_Send_Triggered.json', '1415_Webhook_Respondtowebhook_Create_Webhook.json', '1316_Form_Stickynote_Automation_Webhook.json', '1667_Filter_Summarize_Automation_Triggered.json', '0130_HubSpot_Cron_Automate_Scheduled.json', '0966_HTTP_Discord_Import_Scheduled.json', '0497_Redis_Schedule_Import_Scheduled.json', '1909_Gmailtool_Automation_Triggered.json', '1762_Form_Aggregate_Automation_Triggered.json'];
  it.each(files)('%s', (file) => {
    const { doc } = real(file);
    expect(workflowShapeSchema.safeParse(doc).success).toBe(true);
    expect(checkIntegrity(doc)).toEqual([]);
    const again = importWorkflow(exportWorkflow(doc));
    expect(again.ok).toBe(true);
    // Every step an n8n run can end at is closed by an output (no dead ends, which simulate as "stuck").
    for (const n of doc.nodes) {
      if (n.kind === 'note' || n.kind === 'output') continue;
      expect(doc.edges.some((e) => e.source === n.id), `"${n.label}" leads nowhere`).toBe(true);
    }
  });
});

describe('LangChain roots and their sub-nodes (1341)', () => {
  const c = real('1341_Telegram_Splitout_Automate_Webhook.json');

  it('folds the chat model, memory, tools and output parser into the agent, keeping its n8n name', () => {
    const agent = c.of('Research AI Agent', 'ai');
    expect(agent.config.capability).toBe('agent');
    expect(agent.config.model).toBe('gpt-4o-mini (OpenAI)');
    expect(agent.config.tools?.map((t) => [t.name, t.sideEffect])).toEqual([
      ['SerpApi', 'none'],
      ['Wikipedia', 'none'],
      ['Search News', 'none'],
      ['Google Search Web', 'none'],
    ]);
    expect(agent.description).toContain('Memory: Simple Memory');
    expect(c.doc.nodes.some((n) => n.label === 'OpenAI Chat Model' || n.label === 'Simple Memory' || n.label === 'SerpApi')).toBe(false);
    expect(c.report.folded).toBe(8);
    const refiner = c.of('Query Refiner', 'ai');
    expect(refiner.config.outputContract).toMatch(/^Structured Output Parser: /);
  });

  it("gives an OpenAI chat model's root the client defaults n8n does not write: 60 s a request, 2 retries", () => {
    const agent = c.of('Research AI Agent', 'ai');
    expect(agent.policy).toEqual({
      timeouts: { startToCloseSeconds: 60 },
      retry: [{ errorEquals: ['rate_limited', 'timeout', 'communication'], maximumAttempts: 3, initialIntervalSeconds: 0.5, backoffCoefficient: 2, maximumIntervalSeconds: 8, jitter: 'full', honorRetryAfter: true }],
    });
  });

  it('maps Code, Split Out and Aggregate to data steps, and Gmail send to an irreversible notification', () => {
    expect(c.of('Parse Research Output', 'data').config.operation).toBe('code');
    expect(c.of('Split Out', 'data').config.operation).toBe('split');
    expect(c.of('Aggregate', 'data').config.operation).toBe('aggregate');
    expect(c.of('Send Research to Gmail', 'tool').config).toMatchObject({ type: 'notification', sideEffect: 'irreversible', idempotent: false, operation: 'send' });
  });

  it('records where a secret was typed, never its value', () => {
    const http = c.of('Convert HTML to PDF', 'tool');
    expect(http.inlineSecrets).toEqual([{ parameter: 'headerParameters.authorization' }]);
    expect(JSON.stringify(c.doc)).not.toMatch(/Bearer|Basic [A-Za-z0-9+/=]{12}/);
    expect(c.notes('Convert HTML to PDF')).toContain('1 secret typed into its settings left out');
  });

  it('reads data lineage from expressions and through steps that only pass items on', () => {
    const ids = (label: string): string[] => (c.node(label).reads ?? []).map(c.labelOf);
    expect(ids('Generate PDF HTML').sort()).toEqual(['Aggregate', 'Merge Split Items', 'Query Refiner']);
    expect(ids('Parse Research Output')).toEqual(['Research AI Agent']);
  });

  it('ends an If whose outputs are both open at the shared End, as n8n ends the branch', () => {
    const branches = c.out('If');
    expect(branches).toHaveLength(1);
    expect(branches[0]).toMatchObject({ sourcePort: 'out', label: 'true / false', target: c.node('End').id });
  });
});

describe('Loop Over Items, Merge, retries (1483)', () => {
  const c = real('1483_Limit_Code_Automation_Webhook.json');

  it('is a loop: each pass leaves by each into the body, which returns to the loop; done leaves', () => {
    const loop = c.of('Loop Over Items', 'loop');
    expect(loop.config.batchSize).toBe(2);
    expect(c.out('Loop Over Items').map((e) => [e.sourcePort, c.labelOf(e.target)])).toEqual([
      ['each', 'SERP Request'],
      ['done', 'End'],
    ]);
    expect(c.out('Upsert to Google Sheets').map((e) => c.labelOf(e.target))).toEqual(['Loop Over Items']);
  });

  it('a Merge with two connected inputs waits for both (a wait-all join)', () => {
    expect(c.of('Exclude processed items', 'join').config.mode).toBe('all');
    expect(c.notes('Exclude processed items')).toEqual([]);
  });

  it("retryOnFail with maxTries 2 tries every error twice in all, 1000 ms apart (n8n's default wait)", () => {
    expect(c.of('SERP Request', 'tool').policy).toEqual({
      retry: [{ errorEquals: ['ALL'], maximumAttempts: 2, initialIntervalSeconds: 1, backoffCoefficient: 1, jitter: 'none' }],
      // Its onError is "continue (regular output)": a failed call goes on along the normal path.
      catch: [{ errorEquals: ['ALL'], port: 'out' }],
    });
  });

  it("Google Sheets without an operation reads (n8n's default), an upsert writes idempotently", () => {
    expect(c.of('Load already processed items', 'tool').config).toMatchObject({ sideEffect: 'none', operation: 'read' });
    expect(c.of('Upsert to Google Sheets', 'tool').config).toMatchObject({ sideEffect: 'reversible', idempotent: true, operation: 'appendOrUpdate' });
  });

  it('keeps the layout, scaled across more than down for the wider, lower Baton cards', () => {
    const source = JSON.parse(fixture('1483_Limit_Code_Automation_Webhook.json')) as { nodes: { name: string; position: [number, number] }[] };
    const limit = source.nodes.find((n) => n.name === 'Limit');
    expect(c.node('Limit').position).toEqual({ x: Math.round((limit?.position[0] ?? 0) * POSITION_SCALE.x), y: Math.round((limit?.position[1] ?? 0) * POSITION_SCALE.y) });
  });
});

describe('positions (0036: two n8n nodes 150 px apart, closer than two Baton cards are wide)', () => {
  const c = real('0036_Gmail_GoogleDrive_Import.json');
  const boxes = () => c.doc.nodes.filter((n) => n.kind !== 'note').map((n) => ({ label: n.label, ...n.position, ...nodeSize(n) }));

  it('no two steps overlap, and none touch (a grid step at least between them)', () => {
    const all = boxes();
    const touching = all.flatMap((a, i) => all.slice(i + 1).filter((b) => boxesOverlap(a, b, 20)).map((b) => `${a.label} / ${b.label}`));
    expect(touching).toEqual([]);
  });

  it('keeps the row: every step stays on the n8n row, left to right in n8n order', () => {
    const row = ['Start', 'Gmail1', 'Upload File1', 'Get attachment Link', 'End'].map((l) => c.node(l).position);
    for (let i = 1; i < row.length; i++) expect(row[i]!.x).toBeGreaterThan(row[i - 1]!.x);
    expect(new Set(row.slice(1, 4).map((p) => p.y)).size).toBe(1);
  });

  it('puts End one ordinary gap (60 px) right of the step that stops there, not a fixed 360 px past the design', () => {
    const last = c.node('Get attachment Link');
    expect(c.node('End').position.x).toBe(last.position.x + nodeSize(last).width + 60);
  });

  it('gives the same positions for the same file', () => {
    expect(real('0036_Gmail_GoogleDrive_Import.json').doc.nodes.map((n) => n.position)).toEqual(c.doc.nodes.map((n) => n.position));
  });
});

describe('classifiers, send-and-wait, Switch and Filter (0816)', () => {
  const c = real('0816_Splitout_Code_Automation_Scheduled.json');

  it('a Text Classifier becomes an AI step and a router with one branch per category', () => {
    expect(c.of('Spam Detection', 'ai').config.capability).toBe('classifier');
    expect(c.out('Spam Detection').map((e) => c.labelOf(e.target))).toEqual(['Spam Detection: category']);
    expect(c.out('Spam Detection: category').map((e) => [e.label, c.labelOf(e.target)])).toEqual([
      ['is_spam', 'Flag as Spam'],
      ['is_not_spam', 'Flag as Not Spam'],
    ]);
    expect(c.notes('Spam Detection')).toContain('split into an AI step and a router');
  });

  it('send-and-wait is a human step: one person, no time limit unless n8n sets one', () => {
    const gate = c.of('Notify Moderators with Send & Wait', 'human');
    expect(gate.config).toEqual({ type: 'review', reviewers: 1, calendar: 'always' });
    expect(c.out('Notify Moderators with Send & Wait').map((e) => [e.sourcePort, c.labelOf(e.target)])).toEqual([['approve', 'Receive Instructions']]);
  });

  it('a Switch keeps its output names; a Filter is a data step; Remove Duplicates dedupes', () => {
    expect(c.out('Receive Instructions').map((e) => e.label)).toEqual(['Delete & Warn', 'Warn User Only', 'Do nothing']);
    expect(c.of('Spam Messages Only', 'data').config.operation).toBe('filter');
    expect(c.notes('Spam Messages Only')).toEqual(['items it drops are not modelled']);
    expect(c.of('Only Once', 'data').config.operation).toBe('dedupe');
  });

  it('a No Operation node at the end of a branch is a discarding output', () => {
    expect(c.of('No Action Taken', 'output').config).toEqual({ type: 'discard', outcome: 'success' });
  });

  it("says when a Merge runs in n8n's legacy execution order", () => {
    expect(c.notes('Merge')).toEqual(['waits for every started branch']);
  });
});

describe('Wait, Respond to Webhook, disabled nodes (0716, 0497)', () => {
  const c = real('0716_Wait_Webhook_Process_Webhook.json');

  it('a Wait resumed by a webhook is a human step; a 2-second Wait is a data step with its delay', () => {
    expect(c.of('Wait', 'human').config.type).toBe('review');
    expect(c.of('Simulate some Consumed Service Time', 'data').config).toEqual({ operation: 'wait', delaySeconds: 2 });
  });

  it('Respond to Webhook in the middle of a flow is a data step; a disabled trigger becomes a note', () => {
    expect(c.of('Respond to Webhook', 'data').config.operation).toBe('respond');
    expect(c.node('Webhook').kind).toBe('note');
    expect(c.notes('Webhook')).toEqual(['became a note']);
  });

  it('a disabled step passes items on unchanged', () => {
    const r = real('0497_Redis_Schedule_Import_Scheduled.json');
    expect(r.of('Reset to Idle', 'data').config.operation).toBe('pass');
    expect(r.notes('Reset to Idle')).toEqual(['became a pass-through data step']);
  });
});

describe('failure handling settings', () => {
  it('continueOnFail (legacy) continues on the regular output; its webhook with header auth is not public', () => {
    const c = real('0097_Executecommand_Mailgun_Automation_Webhook.json');
    const dig = c.of('dig check CF', 'tool');
    expect(dig.policy?.catch).toEqual([{ errorEquals: ['ALL'], port: 'out' }]);
    expect(dig.config).toMatchObject({ type: 'script', sideEffect: 'irreversible', dynamicStatement: true });
    expect(c.of('Add bind-tools', 'tool').config.dynamicStatement).toBe(false);
    expect(c.of('Webhook', 'trigger').config.public).toBe(false);
  });

  it('"continue using error output" routes errors by the error port, to End when nothing is connected there', () => {
    const c = real('1877_Telegram_Stickynote_Automation_Triggered.json');
    const telegram = c.of('Telegram3', 'tool');
    expect(telegram.policy?.catch).toEqual([{ errorEquals: ['ALL'], port: 'error' }]);
    expect(c.out('Telegram3').map((e) => [e.sourcePort, c.labelOf(e.target)])).toEqual([
      ['out', 'End'],
      ['error', 'End'],
    ]);
  });

  it('Stop and Error ends the case as a handled error', () => {
    const c = real('0592_Stopanderror_Awss3_Automation_Webhook.json');
    expect(c.of("It shouldn't be something else", 'output').config).toEqual({ type: 'alert', outcome: 'error' });
    expect(c.out('We do only Invoice Objects').map((e) => [e.label, c.labelOf(e.target)])).toEqual([
      ['true', 'Download Invoice PDF from Stripe'],
      ['false', "It shouldn't be something else"],
    ]);
  });

  it("retryOnFail alone takes n8n's defaults: 3 tries, 1000 ms apart", () => {
    const c = real('0966_HTTP_Discord_Import_Scheduled.json');
    expect(c.of('@Get Issue', 'tool').policy?.retry).toEqual([{ errorEquals: ['ALL'], maximumAttempts: 3, initialIntervalSeconds: 1, backoffCoefficient: 1, jitter: 'none' }]);
  });

  it('clamps maxTries and waitBetweenTries as n8n does, and says so', () => {
    const c = convert(n8n([{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' }, { name: 'Call', type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, retryOnFail: true, maxTries: 10, waitBetweenTries: 30000 }], { Start: main(['Call']) }));
    expect(c.of('Call', 'tool').policy?.retry).toEqual([{ errorEquals: ['ALL'], maximumAttempts: 5, initialIntervalSeconds: 5, backoffCoefficient: 1, jitter: 'none' }]);
    expect(c.notes('Call')).toEqual(['retries 5 times, not 10', 'waits 5000 ms between tries, not 30000']);
  });
});

describe('AI calls outside LangChain, triggers, vector stores', () => {
  it('an HTTP request to an AI provider is an AI step; the OpenAI node is an LLM call; a final Respond to Webhook delivers', () => {
    const c = real('1415_Webhook_Respondtowebhook_Create_Webhook.json');
    expect(c.of('Open AI - Using Structured Output', 'ai').config).toMatchObject({ capability: 'llm', model: 'gpt-4o-2024-08-06' });
    expect(c.of('OpenAI - JSON to HTML', 'ai').config).toMatchObject({ capability: 'llm', model: 'gpt-4o-mini' });
    expect(c.of('Respond to Webhook', 'output').config).toEqual({ type: 'deliver', outcome: 'success' });
    // It answers from its Respond to Webhook node (responseMode responseNode): the caller waits for the case.
    expect(c.of('Webhook', 'trigger').config).toEqual({ type: 'webhook', public: true, waits: true });
  });

  it("a webhook answers at once by n8n's default (no responseMode in the file): the caller does not wait", () => {
    const c = real('0716_Wait_Webhook_Process_Webhook.json');
    expect(c.of('Receive Input from External, Independent Process', 'trigger').config).toMatchObject({ type: 'webhook', waits: false });
  });

  it('a form trigger is a public webhook; image generation over HTTP; the form completion page ends the case', () => {
    const c = real('1316_Form_Stickynote_Automation_Webhook.json');
    expect(c.of('Prompt and options', 'trigger').config).toEqual({ type: 'webhook', public: true });
    expect(c.of('OpenAI Image Generation', 'ai').config.capability).toBe('image-generation');
    expect(c.of('Return to form', 'output').config.outcome).toBe('success');
  });

  it('a vector store in insert mode embeds and declares the store it writes', () => {
    const c = real('1667_Filter_Summarize_Automation_Triggered.json');
    const store = c.of('Supabase Vector Store', 'ai');
    expect(store.config.capability).toBe('embedding');
    expect(store.config.tools).toEqual([{ name: 'Supabase Vector Store (insert)', type: 'database', sideEffect: 'reversible', description: 'Embeds documents and writes them to the vector store.' }]);
    expect(store.description).toMatch(/embedding: Embeddings OpenAI/);
  });

  it("an agent's tools keep their side effects: a Google Calendar tool that updates, Gmail mark-as-read", () => {
    const c = real('0319_Gmail_Googlecalendartool_Send_Triggered.json');
    expect(c.of('Agent', 'ai').config.tools?.map((t) => t.name)).toEqual(['Google Calendar']);
    expect(c.of('Mark as read', 'tool').config).toMatchObject({ operation: 'markAsRead', sideEffect: 'reversible', idempotent: true });
    expect(c.of('Gmail Trigger', 'trigger').config).toEqual({ type: 'event' });
  });

  it("n8n's Execute Workflow Trigger (\"When Executed by Another Workflow\", versions 1 and 1.1) is a trigger called by another workflow, never public", () => {
    expect(real('0759_Splitout_Comparedatasets_Create_Triggered.json').of('Execute Workflow Trigger', 'trigger').config).toEqual({ type: 'called', public: false });
    expect(real('1877_Telegram_Stickynote_Automation_Triggered.json').of('When Executed by Another Workflow', 'trigger').config).toEqual({ type: 'called', public: false });
  });

  it('a sub-workflow the same file starts without waiting for it is a called trigger whose caller does not wait', () => {
    // The scheduled half runs "Moderation Subworkflow" ($workflow.id, "Wait For Sub-Workflow Completion" off).
    const c = real('0816_Splitout_Code_Automation_Scheduled.json');
    expect(c.of('When Executed by Another Workflow', 'trigger').config).toEqual({ type: 'called', public: false, waits: false });
    expect(c.notes('When Executed by Another Workflow')).toContain('caller does not wait');
    expect(c.report.approximations.find((a) => a.what === 'caller does not wait')?.why).toMatch(/^"Moderation Subworkflow" starts this workflow and goes on without waiting/);
  });

  it("an MCP server trigger says its tools are not drawn", () => {
    const c = real('1909_Gmailtool_Automation_Triggered.json');
    expect(c.of('MCP_GMAIL', 'trigger').config).toEqual({ type: 'webhook', public: true });
    expect(c.notes('MCP_GMAIL')[0]).toMatch(/^serves 4 tools/);
  });

  it('an agent tool of unknown effect (a sub-workflow) is assumed to write, and says so', () => {
    const c = convert(
      n8n(
        [
          { name: 'Chat', type: '@n8n/n8n-nodes-langchain.chatTrigger', typeVersion: 1.1, parameters: { public: true } },
          { name: 'Agent', type: '@n8n/n8n-nodes-langchain.agent', typeVersion: 1.7 },
          { name: 'Orders', type: '@n8n/n8n-nodes-langchain.toolWorkflow', typeVersion: 2, parameters: { description: 'Looks up and cancels orders' } },
          { name: 'Send', type: 'n8n-nodes-base.gmailTool', typeVersion: 2.1, parameters: { operation: 'send' } },
        ],
        { Chat: main(['Agent']), Orders: { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] }, Send: { ai_tool: [[{ node: 'Agent', type: 'ai_tool', index: 0 }]] } },
      ),
    );
    expect(c.of('Agent', 'ai').config.tools).toEqual([
      { name: 'Orders', type: 'subworkflow', sideEffect: 'reversible', description: 'Looks up and cancels orders' },
      { name: 'Send', type: 'notification', sideEffect: 'irreversible' },
    ]);
    expect(c.notes('Orders')).toEqual(["tool's side effect assumed reversible"]);
    expect(c.of('Chat', 'trigger').config).toEqual({ type: 'chat', public: true });
  });
});

describe('hand-made files for the rest', () => {
  it("reads the prompt wherever the node keeps it: the older OpenAI node's chat messages and edit instruction, a chain's extra messages", () => {
    const c = convert(
      n8n(
        [
          { name: 'Go', type: 'n8n-nodes-base.manualTrigger' },
          { name: 'Chat', type: 'n8n-nodes-base.openAi', parameters: { resource: 'chat', prompt: { messages: [{ role: 'system', content: 'Act as a service desk agent' }, { content: '=Sort this: {{ $json.body }}' }] } } },
          { name: 'Edit', type: 'n8n-nodes-base.openAi', parameters: { operation: 'edit', input: '={{ $json.text }}', instruction: 'Translate into German' } },
          { name: 'Chain', type: '@n8n/n8n-nodes-langchain.chainLlm', typeVersion: 1.4, parameters: { promptType: 'define', text: '=Turn {{ $json.data }} into text', messages: { messageValues: [{ message: 'You are a markdown expert' }] } } },
        ],
        { Go: main(['Chat']), Chat: main(['Edit']), Edit: main(['Chain']) },
      ),
    );
    expect(c.of('Chat', 'ai').config.purpose).toBe('Act as a service desk agent\n\nSort this: {{ $json.body }}');
    expect(c.of('Edit', 'ai').config.purpose).toBe('Translate into German');
    expect(c.of('Chain', 'ai').config.purpose).toBe('Turn {{ $json.data }} into text\n\nYou are a markdown expert');
  });

  it('Wait defaults by version: 1 hour in version 1, 5 seconds from 1.1', () => {
    const c = convert(n8n([{ name: 'Go', type: 'n8n-nodes-base.manualTrigger' }, { name: 'Old', type: 'n8n-nodes-base.wait', typeVersion: 1 }, { name: 'New', type: 'n8n-nodes-base.wait', typeVersion: 1.1 }], { Go: main(['Old']), Old: main(['New']) }));
    expect(c.of('Old', 'data').config.delaySeconds).toBe(3600);
    expect(c.of('New', 'data').config.delaySeconds).toBe(5);
  });

  it('a Wait with a time limit on its webhook times out along the same path, as n8n resumes on the same output', () => {
    const c = convert(
      n8n([{ name: 'Go', type: 'n8n-nodes-base.manualTrigger' }, { name: 'Approval', type: 'n8n-nodes-base.wait', typeVersion: 1.1, parameters: { resume: 'webhook', limitWaitTime: true, resumeAmount: 2, resumeUnit: 'days' } }, { name: 'Next', type: 'n8n-nodes-base.set', typeVersion: 3.4 }], { Go: main(['Approval']), Approval: main(['Next']) }),
    );
    expect(c.of('Approval', 'human').config.slaSeconds).toBe(2 * 86_400);
    expect(c.out('Approval').map((e) => [e.sourcePort, c.labelOf(e.target)])).toEqual([
      ['approve', 'Next'],
      ['timeout', 'Next'],
    ]);
  });

  it('send-and-wait with Approve and Disapprove buttons: both decisions go on along n8n\'s single output', () => {
    const c = convert(
      n8n([{ name: 'Go', type: 'n8n-nodes-base.manualTrigger' }, { name: 'Ask', type: 'n8n-nodes-base.slack', typeVersion: 2.3, parameters: { operation: 'sendAndWait', approvalOptions: { values: { approvalType: 'double' } } } }, { name: 'Check', type: 'n8n-nodes-base.if', typeVersion: 2.2 }], { Go: main(['Ask']), Ask: main(['Check']) }),
    );
    expect(c.of('Ask', 'human').config.type).toBe('approval');
    expect(c.out('Ask').map((e) => e.sourcePort)).toEqual(['approve', 'reject']);
  });

  it('Loop Over Items version 1 has one output: each; its exit is approximated', () => {
    const c = convert(n8n([{ name: 'Go', type: 'n8n-nodes-base.manualTrigger' }, { name: 'Batches', type: 'n8n-nodes-base.splitInBatches', typeVersion: 1 }, { name: 'Work', type: 'n8n-nodes-base.set', typeVersion: 3.4 }], { Go: main(['Batches']), Batches: main(['Work']), Work: main(['Batches']) }));
    expect(c.of('Batches', 'loop').config.batchSize).toBe(10);
    // It stops when the items run out: its done port ends the branch, as the n8n run does.
    expect(c.out('Batches').map((e) => [e.sourcePort, c.labelOf(e.target)])).toEqual([
      ['each', 'Work'],
      ['done', 'End'],
    ]);
    expect(c.notes('Batches')).toEqual(['loop exit approximated']);
  });

  it('sticky notes keep their text and cover the same area; a workflow without a trigger gets "Start"', () => {
    const c = convert(n8n([{ name: 'Sticky Note', type: 'n8n-nodes-base.stickyNote', parameters: { content: '## Read me', width: 300, height: 200 } }, { name: 'Set', type: 'n8n-nodes-base.set', typeVersion: 3.4 }]));
    // Scaled as positions are (1.4 across, 1 down), so the note still covers the steps it was drawn behind.
    expect(c.of('Sticky Note', 'note').config).toEqual({ text: '## Read me', width: 420, height: 200 });
    expect(c.of('Start', 'trigger').config.type).toBe('manual');
    expect(c.out('Start').map((e) => c.labelOf(e.target))).toEqual(['Set']);
    expect(c.notes('')).toEqual(['a manual trigger "Start" added']);
  });

  it('Switch version 3 with a fallback output marks that branch as the default', () => {
    const rules = { values: [{ outputKey: 'urgent', renameOutput: true, conditions: {} }, { outputKey: 'normal', renameOutput: true, conditions: {} }] };
    const set = (name: string) => ({ name, type: 'n8n-nodes-base.set', typeVersion: 3.4 });
    const c = convert(n8n([{ name: 'Go', type: 'n8n-nodes-base.manualTrigger' }, { name: 'Route', type: 'n8n-nodes-base.switch', typeVersion: 3.2, parameters: { rules, options: { fallbackOutput: 'extra' } } }, set('A'), set('B'), set('C')], { Go: main(['Route']), Route: main(['A'], ['B'], ['C']) }));
    expect(c.out('Route').map((e) => [e.label, e.isDefault ?? false, c.labelOf(e.target)])).toEqual([
      ['urgent', false, 'A'],
      ['normal', false, 'B'],
      ['Fallback', true, 'C'],
    ]);
  });

  it('names in expressions, $json and sub-node names resolve to Baton ids in reads', () => {
    const c = convert(
      n8n(
        [
          { name: 'Hook', type: 'n8n-nodes-base.webhook', typeVersion: 2 },
          { name: 'Write', type: '@n8n/n8n-nodes-langchain.chainLlm', typeVersion: 1.5, parameters: { text: '={{ $json.body.question }}' } },
          { name: 'Check', type: 'n8n-nodes-base.if', typeVersion: 2.2 },
          { name: 'Save', type: 'n8n-nodes-base.postgres', typeVersion: 2.5, parameters: { operation: 'executeQuery', query: "={{ $json.text }} -- from {{ $('Hook').item.json.body.user }}" } },
        ],
        { Hook: main(['Write']), Write: main(['Check']), Check: main(['Save']) },
      ),
    );
    expect((c.node('Save').reads ?? []).map(c.labelOf).sort()).toEqual(['Hook', 'Write']);
    expect(c.of('Save', 'tool').config).toMatchObject({ type: 'database', operation: 'executeQuery', dynamicStatement: true, sideEffect: 'irreversible' });
    expect(c.of('Hook', 'trigger').config.public).toBe(true);
  });
});

describe('broken and hostile files', () => {
  it('connections to nodes the file does not contain, and sub-nodes attached to nothing, are left out and listed (1762)', () => {
    const c = real('1762_Form_Aggregate_Automation_Triggered.json');
    expect(c.notes('Copywriter AI Agent')).toEqual(['connections left out']);
    expect(c.notes('Perplexity_Searcher')).toEqual(['left out']);
    expect(c.doc.nodes.some((n) => n.label === 'gpt-4o-mini')).toBe(false);
  });

  it('a node without a name or type is left out with a reason; a repeated name keeps the first', () => {
    const c = convert(n8n([{ name: 'Go', type: 'n8n-nodes-base.manualTrigger' }, { type: 'n8n-nodes-base.set' }, { name: 'Go', type: 'n8n-nodes-base.set' }]));
    expect(c.doc.nodes.filter((n) => n.kind !== 'output').map((n) => n.label)).toEqual(['Go']);
    expect(c.notes('node 2')[0]).toBe('left out');
    expect(c.notes('Go')).toEqual(['left out']);
  });

  it('refuses what is not an n8n workflow, and more nodes than Baton holds, with one sentence', () => {
    expect(convertN8n({ nodes: 'many', connections: {} })).toMatchObject({ ok: false, problems: [{ path: ['nodes'], message: expect.stringMatching(/^not a usable n8n workflow: /) }] });
    const huge = { nodes: Array.from({ length: 10_001 }, (_, i) => ({ name: `n${i}`, type: 'n8n-nodes-base.set' })), connections: {} };
    expect(convertN8n(huge)).toMatchObject({ ok: false, problems: [{ code: 'limit-nodes' }] });
  });

  it('reads n8n files through the same limits as Baton files: refused keys, nesting, size', () => {
    const proto = '{"nodes":[{"name":"a","type":"n8n-nodes-base.set","parameters":{"__proto__":{"x":1}}}],"connections":{}}';
    expect(importAnyWorkflow(proto)).toMatchObject({ ok: false, unusable: true, problems: [{ code: 'forbidden-key' }] });
    const deep = `{"nodes":[],"connections":{},"x":${'['.repeat(70)}${']'.repeat(70)}}`;
    expect(importAnyWorkflow(deep)).toMatchObject({ ok: false, unusable: true, problems: [{ code: 'limit-nesting' }] });
    expect(importAnyWorkflow(`{"nodes":[],"connections":{},"pad":"${'x'.repeat(10 * 1024 * 1024)}"}`)).toMatchObject({ ok: false, problems: [{ code: 'limit-file-size' }] });
  });

  it('detects the format from the content, not the name, and names both formats when it is neither', () => {
    expect(importAnyWorkflow(fixture('0130_HubSpot_Cron_Automate_Scheduled.json'))).toMatchObject({ ok: true, converted: true, from: 'n8n' });
    expect(importAnyWorkflow('{"name":"x"}')).toMatchObject({ ok: false, unusable: true, problems: [{ message: expect.stringMatching(/a Baton workflow or an n8n workflow/) }] });
  });

  it('never copies a parameter value it does not understand into the document', () => {
    const c = convert(n8n([{ name: 'Go', type: 'n8n-nodes-base.manualTrigger' }, { name: 'X', type: 'community-pkg.thing', parameters: { secretThing: 'zzz-unique-value-zzz' } }], { Go: main(['X']) }));
    expect(JSON.stringify(c.doc)).not.toContain('zzz-unique-value-zzz');
    expect(c.notes('X')).toContain('imported as a generic integration');
  });
});

describe('what a run hands on, who fills in a form, who hears of failures (the real-world review)', () => {
  it('a workflow only started by hand ends at a discarding End: the person who ran it reads the result in n8n', () => {
    const c = real('1128_Manual_HTTP_Automation_Webhook.json');
    expect(c.of('End', 'output').config).toEqual({ type: 'discard', outcome: 'success' });
  });

  it('any other trigger keeps End a delivery (what the run produces)', () => {
    const c = real('0966_HTTP_Discord_Import_Scheduled.json');
    expect(c.doc.nodes.find((n) => n.label === 'End' && n.kind === 'output')).toMatchObject({ config: { type: 'deliver', outcome: 'success' } });
  });

  it("a Form node's page is filled in by the person who started the form (requester), not a reviewer", () => {
    const c = real('1784_Splitout_Filter_Automation_Triggered.json');
    for (const page of ['Clarification Questions', 'Get Business Overview']) expect(c.of(page, 'human').config).toMatchObject({ type: 'review', requester: true });
    expect(c.notes('Get Business Overview').join(' ')).toBe('became a human step');
  });

  it("a send-and-wait message goes to someone else: not the requester", () => {
    const c = real('0816_Splitout_Code_Automation_Scheduled.json');
    const humans = c.doc.nodes.filter((n) => n.kind === 'human');
    expect(humans.length).toBeGreaterThan(0);
    for (const h of humans) expect(h.kind === 'human' && h.config.requester).toBeUndefined();
  });

  it("settings.errorWorkflow becomes the design's monitoring, and the report says so", () => {
    const c = real('1944_Microsoftoutlook_Telegram_Send_Triggered.json');
    expect(c.doc.monitoring).toEqual({ alertOnFailure: true, via: 'n8n error workflow XNlgpSG3BUF32PIk' });
    expect(c.report.approximations.map((a) => a.what)).toContain("error workflow kept as the design's failure alert");
  });

  it('an empty or unreadable errorWorkflow setting is no monitoring, and the file still converts', () => {
    const nodes = [{ name: 'Every day', type: 'n8n-nodes-base.scheduleTrigger' }];
    expect(convert(n8n(nodes, {}, { settings: { errorWorkflow: '' } })).doc.monitoring).toBeUndefined();
    expect(convert(n8n(nodes, {}, { settings: { errorWorkflow: 42 } })).doc.monitoring).toBeUndefined();
  });
});

describe("a bot's reply to the person who wrote (toRequester)", () => {
  const bot = (recipient: Record<string, unknown>, triggerType = '@n8n/n8n-nodes-langchain.chatTrigger') =>
    convert(
      n8n(
        [
          { name: 'Incoming', type: triggerType },
          { name: 'Answer', type: 'n8n-nodes-base.telegram', parameters: { text: '={{ $json.output }}', ...recipient } },
        ],
        { Incoming: main(['Answer']) },
      ),
    ).of('Answer', 'tool').config.toRequester;

  it('a message addressed with what a trigger received answers the sender in their conversation', () => {
    expect(bot({ chatId: "={{ $('Incoming').item.json.message.chat.id }}" }, 'n8n-nodes-base.telegramTrigger')).toBe(true);
    expect(bot({ recipientPhoneNumber: "={{ $('Incoming').item.json.messages[0].from }}" }, 'n8n-nodes-base.whatsAppTrigger')).toBe(true);
    expect(bot({ jsonBody: "={ \"replyToken\": \"{{ $('Incoming').item.json.body.events[0].replyToken }}\" }" }, 'n8n-nodes-base.webhook')).toBe(true);
  });

  it('a fixed chat, or a field of the trigger that does not address anyone, is not a reply', () => {
    expect(bot({ chatId: '12345' }, 'n8n-nodes-base.telegramTrigger')).toBeUndefined();
    expect(bot({ chatId: "={{ $('Incoming').item.json.body.targetChannel }}" }, 'n8n-nodes-base.webhook')).toBeUndefined();
  });

  it('an e-mail answered automatically is not a conversation reply: the sender expects a person (0319)', () => {
    const c = real('0319_Gmail_Googlecalendartool_Send_Triggered.json');
    expect(c.of('Send reply', 'tool').config.toRequester).toBeUndefined();
  });

  it("a sub-workflow's Telegram send to the chat its caller handed over (1877)", () => {
    expect(real('1877_Telegram_Stickynote_Automation_Triggered.json').of('Telegram3', 'tool').config.toRequester).toBe(true);
  });
});

describe("calls to an AI provider's API that run no model", () => {
  it("OpenAI Assistants: creating a thread and adding a message are HTTP steps; only the run is an AI step (corpus 0681)", () => {
    const post = (name: string, url: string) => ({ name, type: 'n8n-nodes-base.httpRequest', typeVersion: 4.2, parameters: { url, method: 'POST' } });
    const c = convert(
      n8n(
        [
          { name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
          post('OpenAI - Create thread', 'https://api.openai.com/v1/threads'),
          post('OpenAI - Send message', "=https://api.openai.com/v1/threads/{{ $('OpenAI - Create thread').item.json.id }}/messages "),
          post('OpenAI - Run assistant', "=https://api.openai.com/v1/threads/{{ $('OpenAI - Create thread').item.json.id }}/runs"),
        ],
        { Start: main(['OpenAI - Create thread']), 'OpenAI - Create thread': main(['OpenAI - Send message']), 'OpenAI - Send message': main(['OpenAI - Run assistant']) },
      ),
    );
    expect(c.node('OpenAI - Create thread').kind).toBe('tool');
    expect(c.node('OpenAI - Send message').kind).toBe('tool');
    expect(c.of('OpenAI - Run assistant', 'ai').config.capability).toBe('llm');
  });
});

describe('speech: text read aloud is its own capability, not a language step', () => {
  it('ElevenLabs, OpenAI audio generation and text-to-speech HTTP calls become speech; speech-to-text stays transcription', () => {
    const c = convert(
      n8n(
        [
          { name: 'Start', type: 'n8n-nodes-base.manualTrigger' },
          { name: 'Write reminder', type: '@n8n/n8n-nodes-langchain.openAi', parameters: { resource: 'text', operation: 'message' } },
          { name: 'Speak reminder', type: '@n8n/n8n-nodes-langchain.openAi', parameters: { resource: 'audio', operation: 'generate' } },
          { name: 'Speak with ElevenLabs', type: 'n8n-nodes-elevenlabs.elevenLabs' },
          { name: 'Voice by HTTP', type: 'n8n-nodes-base.httpRequest', parameters: { method: 'POST', url: 'https://api.elevenlabs.io/v1/text-to-speech/abc123' } },
          { name: 'OpenAI speech by HTTP', type: 'n8n-nodes-base.httpRequest', parameters: { method: 'POST', url: 'https://api.openai.com/v1/audio/speech' } },
          { name: 'Transcribe by HTTP', type: 'n8n-nodes-base.httpRequest', parameters: { method: 'POST', url: 'https://api.elevenlabs.io/v1/speech-to-text' } },
        ],
        {
          Start: main(['Write reminder']),
          'Write reminder': main(['Speak reminder']),
          'Speak reminder': main(['Speak with ElevenLabs']),
          'Speak with ElevenLabs': main(['Voice by HTTP']),
          'Voice by HTTP': main(['OpenAI speech by HTTP']),
          'OpenAI speech by HTTP': main(['Transcribe by HTTP']),
        },
      ),
    );
    expect(c.of('Write reminder', 'ai').config.capability).toBe('llm');
    for (const label of ['Speak reminder', 'Speak with ElevenLabs', 'Voice by HTTP', 'OpenAI speech by HTTP']) expect(c.of(label, 'ai').config.capability, label).toBe('speech');
    expect(c.of('Transcribe by HTTP', 'ai').config.capability).toBe('transcription');
  });
});
