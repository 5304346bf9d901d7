/**
 * What an n8n node's type and parameters say in Baton terms, for the converter (src/interop/n8n/convert.ts):
 * trigger type and whether anyone can start it, AI capability, model and its client defaults, prompt and output
 * contract, classifier categories, service names, timeouts and wait limits, a data step's purpose. Small pure
 * functions over node-types.ts (the n8n facts) and parameters.ts (reading free-form parameters).
 */
import type { AiCapability, TriggerType, WorkflowNode } from '../../domain/node.schema.ts';
import type { Retrier } from '../../domain/policy.schema.ts';
import { isPlainObject } from '../../domain/schema-walk.ts';
import type { N8nNode } from './n8n-workflow.schema.ts';
import {
  AI_BASE_TYPES,
  AI_COMMUNITY_TYPES,
  AI_ROOT_TYPES,
  isBaseType,
  isLangChainType,
  OPENAI_CLIENT_DEFAULTS,
  OPENAI_FAMILY_MODELS,
  shortType,
  toolTypeOf,
  TRIGGER_TYPES_BY_NODE,
  UNIT_SECONDS,
  type SubNodeRole,
} from './node-types.ts';
import { buildsStatement } from './expressions.ts';
import { at, bool, conditionsText, isExpression, list, locatorText, num, obj, objects, readable, str, type Params } from './parameters.ts';

/** A LangChain sub-node attached to the root step it serves, and in which role (model, tool, parser...). */
export interface Attachment {
  readonly role: SubNodeRole;
  readonly node: N8nNode;
}

/** Errors worth a retry: the transient ones a model client retries by default. */
const TRANSIENT = ['rate_limited', 'timeout', 'communication'] as const;

/** Data operations that hand items on as they came (their data is made earlier). */
export const PASS_THROUGH = new Set<string>(['filter', 'sort', 'limit', 'dedupe', 'pass', 'wait']);

export function dataOp(node: WorkflowNode | undefined): string {
  return node?.kind === 'data' ? node.config.operation : '';
}

/**
 * Can anyone start a case? Webhooks, forms and MCP servers without authentication, chats made public, and
 * messaging bots anyone can write to. Undefined when the file cannot tell (an inbox, a schedule).
 */
export function isPublic(short: string, params: Params): boolean | undefined {
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
export function callerWaits(short: string, params: Params): boolean | undefined {
  if (short !== 'webhook') return undefined;
  const mode = str(params, 'responseMode') ?? 'onReceived';
  return mode === 'lastNode' || mode === 'responseNode';
}

/**
 * Does this step start this same workflow (its Execute Workflow Trigger) and go on without waiting for it
 * ("Wait For Sub-Workflow Completion" off)? Then the called run's failure goes back to nobody. n8n files that
 * hold both halves name themselves as \`={{ $workflow.id }}\` or by the file's own id.
 */
export function callsSelfWithoutWaiting(short: string, params: Params, selfId: string | undefined): boolean {
  if (short !== 'executeWorkflow' || (str(params, 'source') ?? 'database') !== 'database') return false;
  const ref = params['workflowId'];
  const target = typeof ref === 'string' ? ref : str(isPlainObject(ref) ? ref : undefined, 'value');
  const self = target !== undefined && (/^=\{\{\s*\$workflow\.id\s*\}\}$/.test(target.trim()) || (selfId !== undefined && target === selfId));
  return self && bool(obj(params, 'options'), 'waitForSubWorkflow') === false;
}

const STATEMENT_RUNNERS = new Set(['executeCommand', 'ssh', 'graphql', 'mongoDb']);

/** Does the step run a query or command, and is it built from its input? Undefined when it runs none. */
export function runsStatement(short: string, params: Params): boolean | undefined {
  const operation = str(params, 'operation');
  // SQL, shell, GraphQL and Mongo queries are statements; a search box's "query" (Zendesk, Gmail) is not.
  const runs = operation === 'executeQuery' || STATEMENT_RUNNERS.has(short.replace(/Tool$/, ''));
  return runs ? buildsStatement(params) : undefined;
}

export function triggerTypeOf(type: string, short: string): TriggerType | undefined {
  const known = TRIGGER_TYPES_BY_NODE[short];
  if (known) return known;
  if (/trigger$/i.test(short)) return 'event';
  return undefined;
}

export function aiCapabilityOf(type: string, short: string, params: Params): AiCapability | undefined {
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
  if (resource === 'audio') return operation === 'transcribe' || operation === 'translate' ? 'transcription' : 'speech';
  if (resource === 'assistant') return 'agent';
  if (resource === 'text' && operation === 'classify') return 'classifier';
  if (resource === 'file') return undefined;
  return 'llm';
}

export function service(type: string): string {
  const short = shortType(type);
  return short.replace(/Tool$/, '');
}

const KNOWN_INTEGRATIONS = new Set(['httpRequest', 'graphql', 'executeWorkflow', 'executeCommand', 'ssh', 'n8n', 'memoryManager']);
export function isKnownIntegration(short: string): boolean {
  return KNOWN_INTEGRATIONS.has(short) || toolTypeOf(short) !== 'http' || short.endsWith('Tool');
}

export function httpTimeout(short: string, params: Params): number | undefined {
  if (short !== 'httpRequest') return undefined;
  const ms = num(obj(params, 'options'), 'timeout');
  return ms !== undefined && ms > 0 ? ms / 1000 : undefined;
}

export function dataPurpose(short: string, params: Params): string | undefined {
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

export function waitLimit(params: Params): number | undefined {
  if (bool(params, 'limitWaitTime') !== true) return undefined;
  if ((str(params, 'limitType') ?? 'afterTimeInterval') !== 'afterTimeInterval') return undefined;
  const amount = num(params, 'resumeAmount') ?? 1;
  return positive(amount * (UNIT_SECONDS[str(params, 'resumeUnit') ?? 'hours'] ?? 3600));
}

/** sendAndWait keeps its limit under options.limitWaitTime.values (n8n 1.7x) or flat in options. */
export function sendAndWaitLimit(params: Params): number | undefined {
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
export function modelText(models: readonly N8nNode[]): string | undefined {
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

export function modelOfRoot(params: Params): string | undefined {
  const name = locatorText(params['modelId'] ?? params['model']);
  if (name && !isExpression(name)) return name;
  // An HTTP call to a provider names its model in the JSON body.
  const body = str(params, 'jsonBody') ?? str(params, 'body');
  const inBody = body ? /"model"\s*:\s*"([^"{}]{1,100})"/.exec(body)?.[1] : undefined;
  return inBody;
}

/** The client defaults of OpenAI-family chat models: 2 retries with backoff on transient errors, 60 s a request. */
export function modelPolicy(models: readonly N8nNode[]): { retry: Retrier; timeoutSeconds: number } | undefined {
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
export function promptText(params: Params): string | undefined {
  const options = obj(params, 'options');
  const parts: string[] = [];
  const system = str(options, 'systemMessage') ?? str(options, 'prefixPrompt');
  if (system) parts.push(system.replace(/^=/, ''));
  // The prompt's own field: `text` (LangChain roots), `prompt` (OpenAI completion), `inputText`, or `instruction`
  // (OpenAI's edit operation).
  const text = str(params, 'text') ?? str(params, 'prompt') ?? str(params, 'inputText') ?? str(params, 'instruction');
  if (text) parts.push(text.replace(/^=/, ''));
  // Chat messages: `messages.values` (OpenAI node v1+), `prompt.messages` (the older OpenAI node's chat
  // operation), `messages.messageValues` (a Basic LLM Chain's extra messages).
  const messages = [
    ...objects(list(obj(params, 'messages'), 'values')),
    ...objects(list(obj(params, 'prompt'), 'messages')),
    ...objects(list(obj(params, 'messages'), 'messageValues')),
  ];
  for (const m of messages) {
    const content = str(m, 'content') ?? str(m, 'message');
    if (content) parts.push(content.replace(/^=/, ''));
  }
  const joined = parts.join('\n\n').trim();
  return joined.length > 0 ? joined : undefined;
}

/** The output parser's schema (or the node's own), as the step's output contract. */
export function outputContract(subs: readonly Attachment[], params: Params): string | undefined {
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
export function classifierCategories(short: string, params: Params): string[] | undefined {
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
