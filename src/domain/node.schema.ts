/**
 * Nodes: the eleven kinds of a workflow (workflow-format.md, "Nodes"). This file is THE place a node kind
 * is defined: its config, its stub and its policy. Ports live in ports.ts, defaults for new nodes in defaults.ts.
 */
import * as z from 'zod';
import { humanPolicySchema, stepPolicySchema } from './policy.schema.ts';
import { aiStubSchema, checkStubSchema, dataStubSchema, humanStubSchema, loopStubSchema, toolStubSchema } from './stub.schema.ts';
import { coordinate, id, longText, positiveCount, positiveSeconds, seconds, shortText } from './units.ts';

export const NODE_KINDS = ['trigger', 'ai', 'tool', 'data', 'human', 'check', 'router', 'loop', 'join', 'output', 'note'] as const;
export const nodeKindSchema = z.enum(NODE_KINDS);
export type NodeKind = z.infer<typeof nodeKindSchema>;

/**
 * Who starts a case. manual: a person, by hand (and watches the run); schedule: a clock; webhook: an HTTP call;
 * event: a service's event (a new e-mail, a row added); chat: a chat message; called: another workflow, as a
 * step of its own (n8n's Execute Workflow Trigger), which gets this run's result or failure back and handles it.
 */
export const TRIGGER_TYPES = ['manual', 'schedule', 'webhook', 'event', 'chat', 'called'] as const;
/** `speech`: text to speech (a voice read from a script); `transcription` goes the other way. */
export const AI_CAPABILITIES = ['llm', 'classifier', 'extractor', 'ocr', 'transcription', 'speech', 'image-generation', 'embedding', 'agent'] as const;
export const TOOL_TYPES = ['http', 'database', 'automation', 'notification', 'script', 'subworkflow'] as const;
/** none: reads only; reversible: writes that can be undone; irreversible: money moved, message sent, record deleted. */
export const SIDE_EFFECTS = ['none', 'reversible', 'irreversible'] as const;
/**
 * What a data step does to the items passing through. All of them run inside the workflow engine: no provider
 * is called, so nothing rate-limits them and no network can time out (workflow-format.md, "Data steps").
 * set: set, rename or remove fields; code: a script run locally; merge: combine items; split: one item into
 * many; aggregate: many items into one; filter: drop items that do not match; sort; limit: keep the first N;
 * dedupe: drop repeated items; convert: change a format (HTML, Markdown, XML, dates, files to data); file: read
 * or write a local file; wait: pause for a fixed time; respond: answer the caller of a webhook; pass: hand the
 * items on unchanged (a placeholder, or a step disabled in the source tool).
 */
export const DATA_OPERATIONS = ['set', 'code', 'merge', 'split', 'aggregate', 'filter', 'sort', 'limit', 'dedupe', 'convert', 'file', 'wait', 'respond', 'pass'] as const;
export const HUMAN_TYPES = ['approval', 'review', 'escalation'] as const;
/** always: 24/7; business-hours: Monday to Friday, 09:00 to 17:00 simulated time. */
export const CALENDARS = ['always', 'business-hours'] as const;
export const CHECK_TYPES = ['schema', 'rule', 'threshold', 'llm-grader', 'sample-audit'] as const;
/** route: a failed item leaves by `fail`; reask: it goes back to the step that produced it, up to maxReasks times. */
export const CHECK_ON_FAIL = ['route', 'reask'] as const;
/** exclusive: one branch; parallel: every branch; inclusive: every branch whose condition holds. */
export const ROUTER_MODES = ['exclusive', 'parallel', 'inclusive'] as const;
/** all: wait for every started branch; first: first arrival wins, others cancelled; any: each arrival passes. */
export const JOIN_MODES = ['all', 'first', 'any'] as const;
export const OUTPUT_TYPES = ['deliver', 'store', 'notify', 'discard', 'alert'] as const;
/** error here is a HANDLED failure (e.g. an alert raised); an unhandled one ends the case as `failed`. */
export const OUTPUT_OUTCOMES = ['success', 'rejected', 'escalated', 'error'] as const;

export const positionSchema = z.strictObject({ x: coordinate, y: coordinate });

/** Most node ids one node may list in `reads`, and most parameters in `inlineSecrets`. */
export const MAX_READS = 200;
export const MAX_INLINE_SECRETS = 50;

/**
 * A secret typed into a step's settings as text (an API key in a header, a password in a body) instead of
 * being kept in a credential store. Only where it was is recorded, never the value: importers drop the value.
 */
export const inlineSecretSchema = z.strictObject({
  /** Where in the source step's settings, e.g. "headerParameters.Authorization". */
  parameter: shortText,
  /** True when the text is a placeholder to replace ("<YOUR_API_KEY>"), not a real secret. */
  placeholder: z.boolean().optional(),
});

/** Fields every node has. `label` may be empty (the analyzer's label-required rule says so; import does not refuse it). */
const base = {
  id,
  label: shortText,
  position: positionSchema,
  description: longText.optional(),
  /**
   * The nodes whose results this step's settings use (its data lineage, e.g. read from n8n expressions).
   * Absent: unknown, taken as everything before it. Empty: fixed settings that use no earlier result (a
   * notification whose text is always the same).
   */
  reads: z.array(id).max(MAX_READS).optional(),
  /** Secrets typed into the step's settings (never their values). */
  inlineSecrets: z.array(inlineSecretSchema).max(MAX_INLINE_SECRETS).optional(),
};

export const triggerNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('trigger'),
  config: z.strictObject({
    type: z.enum(TRIGGER_TYPES),
    /**
     * True when anyone can start a case: a webhook, chat or form with no authentication, a public bot. Not read
     * for `called` triggers: only a workflow can start those (who may is the caller's business).
     */
    public: z.boolean().optional(),
    /**
     * For webhook and chat triggers: does the caller wait for the case's answer? False when it is answered at
     * once and the work goes on in the background (n8n's "Respond: Immediately"). For called triggers: false
     * when the calling workflow goes on without waiting (n8n's "Wait For Sub-Workflow Completion" off), so a
     * failure goes back to nobody. Absent: the caller waits.
     */
    waits: z.boolean().optional(),
  }),
});

/** Most tools one AI step may declare. */
export const MAX_AGENT_TOOLS = 100;

/**
 * A tool an AI step (usually an agent) may decide to call. Declaring it lets the analyzer see side effects
 * behind the agent: an agent that may send e-mail is a step that sends e-mail, whatever its label says.
 */
export const agentToolSchema = z.strictObject({
  name: z.string().min(1).max(200),
  /** What kind of integration it is, when known. */
  type: z.enum(TOOL_TYPES).optional(),
  /** What calling it changes in the world (the same scale as a tool step's sideEffect). */
  sideEffect: z.enum(SIDE_EFFECTS),
  description: longText.optional(),
});

export const aiNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('ai'),
  config: z.strictObject({
    capability: z.enum(AI_CAPABILITIES),
    model: shortText.optional(),
    /** What the step must achieve, in the conductor's words. */
    purpose: longText.optional(),
    /** What it must return (format, fields). */
    outputContract: longText.optional(),
    /** Tools the step may call on its own (agents); an empty list or none means it calls nothing. */
    tools: z.array(agentToolSchema).max(MAX_AGENT_TOOLS).optional(),
  }),
  stub: aiStubSchema.optional(),
  policy: stepPolicySchema.optional(),
});

export const toolNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('tool'),
  config: z.strictObject({
    type: z.enum(TOOL_TYPES),
    sideEffect: z.enum(SIDE_EFFECTS),
    idempotent: z.boolean(),
    purpose: longText.optional(),
    /**
     * The operation of the source integration, as that tool names it ("delete", "markAsRead", "executeQuery").
     * Informational; the analyzer reads deletes and acknowledgements from it.
     */
    operation: shortText.optional(),
    /** True when the statement it runs (SQL, code, a shell command) is built from its input, not fixed in the step. */
    dynamicStatement: z.boolean().optional(),
    /**
     * True when its message goes back to the person who started the case, in the same conversation (a bot's
     * answer to whoever wrote to it): they read it as the reply to what they asked.
     */
    toRequester: z.boolean().optional(),
  }),
  stub: toolStubSchema.optional(),
  policy: stepPolicySchema.optional(),
});

/**
 * A data step: a local transform of the items (set fields, code, merge, split, aggregate, wait...). It is not a
 * call to a provider, so by default it neither fails nor takes noticeable time; a stub can say otherwise (a
 * script that throws on bad input), and a policy can route its failures like a tool's.
 */
export const dataNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('data'),
  config: z.strictObject({
    operation: z.enum(DATA_OPERATIONS),
    /** For `wait`: how long the step holds each item before passing it on. */
    delaySeconds: seconds.optional(),
    purpose: longText.optional(),
  }),
  stub: dataStubSchema.optional(),
  policy: stepPolicySchema.optional(),
});

/**
 * Bounded iteration: a for-each over the items a case carries. Each pass leaves by `each` into the body, whose
 * last step connects back to the loop; when no items are left the case leaves by `done`. The loop is a cycle
 * with a known exit, not a retry loop: the number of passes comes from the items, not from a guard.
 */
export const loopNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('loop'),
  config: z.strictObject({
    /** Items handled per pass (default 1): n items take ceil(n / batchSize) passes. */
    batchSize: z.number().int().min(1).max(1_000_000).optional(),
    purpose: longText.optional(),
  }),
  stub: loopStubSchema.optional(),
});

export const humanNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('human'),
  config: z.strictObject({
    type: z.enum(HUMAN_TYPES),
    reviewers: positiveCount.max(10_000),
    calendar: z.enum(CALENDARS),
    slaSeconds: positiveSeconds.optional(),
    /**
     * The person is the one who started the case, answering for themselves (the next page of their own form),
     * not a reviewer working through a queue: an unanswered page is a request given up, not a case stuck.
     */
    requester: z.boolean().optional(),
  }),
  stub: humanStubSchema.optional(),
  policy: humanPolicySchema.optional(),
});

export const checkNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('check'),
  config: z.strictObject({
    type: z.enum(CHECK_TYPES),
    onFail: z.enum(CHECK_ON_FAIL),
    maxReasks: z.number().int().min(0).max(100).optional(),
    /** For threshold checks: the minimum confidence that passes. */
    threshold: z.number().min(0).max(1).optional(),
    /** For sample-audit checks: the share of items audited. */
    sampleRate: z.number().min(0).max(1).optional(),
  }),
  stub: checkStubSchema.optional(),
});

export const routerNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('router'),
  config: z.strictObject({ mode: z.enum(ROUTER_MODES) }),
});

export const joinNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('join'),
  config: z.strictObject({ mode: z.enum(JOIN_MODES), timeoutSeconds: positiveSeconds.optional() }),
});

export const outputNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('output'),
  config: z.strictObject({ type: z.enum(OUTPUT_TYPES), outcome: z.enum(OUTPUT_OUTCOMES) }),
});

export const noteNodeSchema = z.strictObject({
  ...base,
  kind: z.literal('note'),
  config: z.strictObject({
    text: longText,
    width: z.number().min(40).max(4000).optional(),
    height: z.number().min(20).max(4000).optional(),
  }),
});

export const nodeSchema = z.discriminatedUnion('kind', [
  triggerNodeSchema,
  aiNodeSchema,
  toolNodeSchema,
  dataNodeSchema,
  humanNodeSchema,
  checkNodeSchema,
  routerNodeSchema,
  loopNodeSchema,
  joinNodeSchema,
  outputNodeSchema,
  noteNodeSchema,
]);

export type WorkflowNode = z.infer<typeof nodeSchema>;
export type TriggerNode = z.infer<typeof triggerNodeSchema>;
export type AiNode = z.infer<typeof aiNodeSchema>;
export type ToolNode = z.infer<typeof toolNodeSchema>;
export type DataNode = z.infer<typeof dataNodeSchema>;
export type LoopNode = z.infer<typeof loopNodeSchema>;
export type AgentTool = z.infer<typeof agentToolSchema>;
export type DataOperation = (typeof DATA_OPERATIONS)[number];
export type SideEffect = (typeof SIDE_EFFECTS)[number];
export type TriggerType = (typeof TRIGGER_TYPES)[number];
export type AiCapability = (typeof AI_CAPABILITIES)[number];
export type ToolType = (typeof TOOL_TYPES)[number];
export type HumanType = (typeof HUMAN_TYPES)[number];
export type HumanNode = z.infer<typeof humanNodeSchema>;
export type CheckNode = z.infer<typeof checkNodeSchema>;
export type RouterNode = z.infer<typeof routerNodeSchema>;
export type JoinNode = z.infer<typeof joinNodeSchema>;
export type OutputNode = z.infer<typeof outputNodeSchema>;
export type NoteNode = z.infer<typeof noteNodeSchema>;
export type NodeOfKind<K extends NodeKind> = Extract<WorkflowNode, { kind: K }>;
export type Position = z.infer<typeof positionSchema>;
export type InlineSecret = z.infer<typeof inlineSecretSchema>;

/**
 * Nodes that do work (the analyzer's W): AI tools, tools, human gates and checks. Data steps and loops are
 * plumbing: they move and reshape items, so they never count as work (or as bulk for over-engineering).
 */
export const WORK_KINDS: readonly NodeKind[] = ['ai', 'tool', 'human', 'check'];
export function isWorkNode(node: WorkflowNode): boolean {
  return WORK_KINDS.includes(node.kind);
}

/** Human-readable names of the kinds, as the palette and accessible names use them. */
export const KIND_LABELS: Record<NodeKind, string> = {
  trigger: 'Trigger',
  ai: 'AI tool',
  tool: 'Tool',
  data: 'Data step',
  human: 'Human gate',
  check: 'Quality check',
  router: 'Router',
  loop: 'Loop',
  join: 'Join',
  output: 'Output',
  note: 'Note',
};
