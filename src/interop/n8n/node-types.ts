/**
 * The n8n node-type mapping: what each n8n node type is in Baton's terms, and the n8n defaults its JSON leaves
 * out (n8n omits a parameter whose value equals the node's default). One module, data first, so the importer
 * reads it and the n8n exporter can read it the other way (`BATON_TO_N8N`).
 *
 * Defaults here were read from n8n's node descriptions (packages/nodes-base and packages/@n8n/nodes-langchain):
 * Wait 1 (1 hour) and 1.1 (5 seconds); Loop Over Items 3 (outputs done, loop; batch size 1) and 1-2 (one output,
 * batch size 10); Google Sheets (operation read); sendAndWait (approval, "Approve only"); the OpenAI chat model
 * client (2 retries, 60 s per request); node settings (retryOnFail off; maxTries 3 clamped to 2..5;
 * waitBetweenTries 1000 ms clamped to 0..5000; onError stopWorkflow). Where a default could not be confirmed
 * the importer says so in its report rather than guess silently.
 */
import type { AiCapability, DataOperation, HumanType, SideEffect, ToolType, TriggerType } from '../../domain/index.ts';

/** n8n's retry settings as its engine applies them (workflow-execute.ts, getRetryParams). */
export const N8N_RETRY = { defaultTries: 3, minTries: 2, maxTries: 5, defaultWaitMs: 1000, minWaitMs: 0, maxWaitMs: 5000 } as const;

/** The values of a node's onError setting; `stopWorkflow` is the default. */
export const N8N_ON_ERROR = ['stopWorkflow', 'continueRegularOutput', 'continueErrorOutput'] as const;
export type N8nOnError = (typeof N8N_ON_ERROR)[number];

/** Connection types that attach a LangChain sub-node to its root, and what the root gets from each. */
export const AI_CONNECTION_ROLES = {
  ai_languageModel: 'model',
  ai_memory: 'memory',
  ai_tool: 'tool',
  ai_outputParser: 'outputParser',
  ai_embedding: 'embedding',
  ai_document: 'document',
  ai_textSplitter: 'textSplitter',
  ai_vectorStore: 'vectorStore',
  ai_retriever: 'retriever',
  ai_reranker: 'reranker',
  ai_chain: 'chain',
  ai_agent: 'agent',
} as const;
export type SubNodeRole = (typeof AI_CONNECTION_ROLES)[keyof typeof AI_CONNECTION_ROLES];

const BASE = 'n8n-nodes-base.';
const LC = '@n8n/n8n-nodes-langchain.';

/** The short name of a type: "n8n-nodes-base.httpRequest" -> "httpRequest"; community packages keep theirs. */
export function shortType(type: string): string {
  if (type.startsWith(BASE)) return type.slice(BASE.length);
  if (type.startsWith(LC)) return type.slice(LC.length);
  return type;
}

export function isBaseType(type: string): boolean {
  return type.startsWith(BASE);
}

export function isLangChainType(type: string): boolean {
  return type.startsWith(LC);
}

/** Triggers by short type. Any other base type ending in "Trigger" is an event from that service. */
export const TRIGGER_TYPES_BY_NODE: Readonly<Record<string, TriggerType>> = {
  manualTrigger: 'manual',
  start: 'manual',
  scheduleTrigger: 'schedule',
  cron: 'schedule',
  interval: 'schedule',
  webhook: 'webhook',
  formTrigger: 'webhook',
  chatTrigger: 'chat',
  manualChatTrigger: 'chat',
  mcpTrigger: 'webhook',
  // "Execute Workflow Trigger", renamed "Execute Sub-workflow Trigger" and "When Executed by Another Workflow"
  // in n8n's editor; the type name never changed.
  executeWorkflowTrigger: 'called',
  errorTrigger: 'event',
  emailReadImap: 'event',
  rssFeedReadTrigger: 'schedule',
};

/** Local transforms (Baton data steps) by short type. */
export const DATA_TYPES: Readonly<Record<string, DataOperation>> = {
  set: 'set',
  renameKeys: 'set',
  code: 'code',
  function: 'code',
  functionItem: 'code',
  aiTransform: 'code',
  merge: 'merge',
  splitOut: 'split',
  itemLists: 'split',
  aggregate: 'aggregate',
  summarize: 'aggregate',
  filter: 'filter',
  sort: 'sort',
  limit: 'limit',
  removeDuplicates: 'dedupe',
  html: 'convert',
  htmlExtract: 'convert',
  markdown: 'convert',
  xml: 'convert',
  dateTime: 'convert',
  crypto: 'convert',
  extractFromFile: 'convert',
  convertToFile: 'convert',
  spreadsheetFile: 'convert',
  moveBinaryData: 'convert',
  editImage: 'convert',
  compression: 'convert',
  readPDF: 'convert',
  readWriteFile: 'file',
  readBinaryFile: 'file',
  readBinaryFiles: 'file',
  writeBinaryFile: 'file',
  wait: 'wait',
  respondToWebhook: 'respond',
  noOp: 'pass',
  executionData: 'pass',
  debugHelper: 'pass',
  compareDatasets: 'merge',
};

/** LangChain root nodes that are AI steps, with their capability. */
export const AI_ROOT_TYPES: Readonly<Record<string, AiCapability>> = {
  agent: 'agent',
  agentTool: 'agent',
  openAiAssistant: 'agent',
  chainLlm: 'llm',
  chainSummarization: 'llm',
  chainRetrievalQa: 'llm',
  textClassifier: 'classifier',
  sentimentAnalysis: 'classifier',
  informationExtractor: 'extractor',
  openAi: 'llm',
  googleGemini: 'llm',
  anthropic: 'llm',
};

/** Base-package nodes that are AI calls rather than integrations. */
export const AI_BASE_TYPES: Readonly<Record<string, AiCapability>> = {
  openAi: 'llm',
  mistralAi: 'llm',
  awsTextract: 'ocr',
  awsRekognition: 'classifier',
  googlePerspective: 'classifier',
  mindee: 'extractor',
  deepL: 'llm',
  googleTranslate: 'llm',
  lingvaNex: 'llm',
};

/** Community AI nodes seen in real exports (matched on the part after the package). */
export const AI_COMMUNITY_TYPES: Readonly<Record<string, AiCapability>> = {
  perplexity: 'llm',
  elevenLabs: 'speech',
};

/** Messaging and e-mail services: tool type notification (their writes are messages sent). */
const NOTIFIERS = new Set([
  'gmail', 'emailSend', 'slack', 'telegram', 'discord', 'mattermost', 'microsoftTeams', 'microsoftOutlook', 'whatsApp', 'twilio',
  'line', 'pushover', 'pushbullet', 'pushcut', 'signl4', 'sms77', 'plivo', 'vonage', 'mailgun', 'mandrill', 'sendInBlue', 'awsSes',
  'awsSns', 'mailchimp', 'lemlist', 'drift', 'gong', 'zulip', 'rocketchat', 'matrix', 'sendGrid', 'pagerDuty', 'twitter', 'linkedIn',
  'facebookGraphApi', 'reddit', 'medium', 'wordpress', 'ghost',
]);

/** Stores of records: tool type database. */
const DATABASES = new Set([
  'postgres', 'mySql', 'microsoftSql', 'mongoDb', 'redis', 'supabase', 'airtable', 'googleSheets', 'notion', 'baserow', 'nocoDb',
  'questDb', 'timescaleDb', 'elasticsearch', 'stackby', 'filemaker', 'microsoftExcel', 'googleBigQuery', 'snowflake', 'crateDb',
  'n8nTrainingCustomerDatastore', 'googleDrive', 'dropbox', 'microsoftOneDrive', 'nextCloud', 'awsS3', 's3', 'ftp', 'googleDocs',
  'googleSlides', 'googleCalendar', 'googleTasks', 'todoist', 'trello', 'asana', 'jira', 'linear', 'github', 'git', 'hubspot',
  'pipedrive', 'salesforce', 'zohoCrm', 'copper', 'affinity', 'zendesk', 'freshdesk', 'shopify', 'wooCommerce', 'stripe',
  'quickbooks', 'invoiceNinja', 'chargebee', 'harvest', 'mondayCom', 'clickUp', 'mautic', 'activeCampaign', 'automizy', 'orbit',
  'raindrop', 'strapi', 'erpNext', 'theHive', 'serviceNow', 'onfleet', 'youTube', 'spotify',
]);

/** Nodes that run a script or command outside the engine: tool type script. */
const SCRIPTS = new Set(['executeCommand', 'ssh', 'rundeck']);

/** Tool type of an integration node. */
export function toolTypeOf(short: string): ToolType {
  const base = short.endsWith('Tool') ? short.slice(0, -4) : short;
  if (base === 'executeWorkflow' || base === 'toolWorkflow') return 'subworkflow';
  // The n8n node calls n8n's own REST API (list, create, activate workflows; read executions): an API call that
  // runs no automation, not a layer of another orchestrator.
  if (base === 'n8n') return 'http';
  if (NOTIFIERS.has(base)) return 'notification';
  if (DATABASES.has(base)) return 'database';
  if (SCRIPTS.has(base) || base === 'toolCode') return 'script';
  return 'http';
}

/**
 * The operation a node runs when its JSON does not say: n8n's default for that node and resource. Only nodes
 * whose defaults were confirmed are listed; for the others the importer reports that it assumed a write.
 */
export const DEFAULT_OPERATIONS: Readonly<Record<string, string>> = {
  googleSheets: 'read',
  gmail: 'send',
  telegram: 'sendMessage',
  slack: 'post',
  discord: 'send',
  mattermost: 'post',
  emailSend: 'send',
  microsoftOutlook: 'send',
  whatsApp: 'send',
  executeCommand: 'execute',
  ssh: 'execute',
  rssFeedRead: 'read',
  mailgun: 'send',
  twilio: 'send',
  httpRequest: 'GET',
  toolHttpRequest: 'GET',
  // By resource, where the resource changes the default.
  'telegram:file': 'get',
  'googleDrive:fileFolder': 'search',
};

/** The resource a node's default operation belongs to (a default operation is only the default for it). */
const DEFAULT_RESOURCE_KEEPS: Readonly<Record<string, string>> = { telegram: 'message', gmail: 'message', slack: 'message', discord: 'message', mattermost: 'message', microsoftOutlook: 'message', googleSheets: 'sheet' };

/** Operation names that only read. */
const READS = /^(get|getall|list|search|read|lookup|find|fetch|download|query|select|count|info|keys|scan|retrieve|load|check|analyze|describe|export|searchbydomain|getprofile|getschema|mediaurlget|information|executeanalyzer|head|options)/i;
/** Operation names whose effect cannot be taken back: messages sent, money moved, records deleted, code run. */
const IRREVERSIBLE = /(send|post|publish|reply|tweet|message|delete|remove|clear|destroy|drop|purge|pay|charge|refund|transfer|execute|run|command|call|invite|sendandwait|respond|sms|notify|email|deactivate)/i;

export interface SideEffectGuess {
  readonly sideEffect: SideEffect;
  /** Is calling it twice the same as once? */
  readonly idempotent: boolean;
  /** The operation it was judged on, as n8n names it. */
  readonly operation: string | undefined;
  /** True when the operation was not in the file and not a confirmed default: the guess is an assumption. */
  readonly assumed: boolean;
}

/**
 * What calling an integration changes in the world, judged on its operation (or HTTP method).
 * @example sideEffectOf('gmail', { operation: 'getAll' }) // { sideEffect: 'none', idempotent: true, operation: 'getAll', assumed: false }
 */
export function sideEffectOf(short: string, parameters: Readonly<Record<string, unknown>>): SideEffectGuess {
  const base = short.endsWith('Tool') && short !== 'toolHttpRequest' ? short.slice(0, -4) : short;
  if (base === 'httpRequest' || base === 'toolHttpRequest' || base === 'graphql') {
    const raw = parameters['method'] ?? parameters['requestMethod'];
    const method = typeof raw === 'string' ? raw.toUpperCase() : 'GET';
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return { sideEffect: 'none', idempotent: true, operation: method, assumed: false };
    if (method === 'DELETE') return { sideEffect: 'irreversible', idempotent: true, operation: method, assumed: false };
    if (method === 'PUT') return { sideEffect: 'reversible', idempotent: true, operation: method, assumed: false };
    // POST and PATCH: a write; whether it can be undone depends on the API, which the file does not say.
    return { sideEffect: 'reversible', idempotent: false, operation: method, assumed: true };
  }
  const given = typeof parameters['operation'] === 'string' ? parameters['operation'] : undefined;
  const resource = typeof parameters['resource'] === 'string' ? parameters['resource'] : undefined;
  const operation = given ?? (resource !== undefined ? DEFAULT_OPERATIONS[`${base}:${resource}`] : undefined) ?? (resource === undefined || DEFAULT_RESOURCE_KEEPS[base] === resource ? DEFAULT_OPERATIONS[base] : undefined);
  if (operation === undefined) return { sideEffect: 'reversible', idempotent: false, operation: undefined, assumed: true };
  if (READS.test(operation)) return { sideEffect: 'none', idempotent: true, operation, assumed: false };
  if (IRREVERSIBLE.test(operation)) return { sideEffect: 'irreversible', idempotent: false, operation, assumed: false };
  const idempotent = /^(update|upsert|set|appendorupdate|put|move|rename|activate|close|reopen|addlabels|removelabels|markasread|markasunread)/i.test(operation);
  return { sideEffect: 'reversible', idempotent, operation, assumed: false };
}

/** Agent tools that only compute or read, by short type. */
const READ_ONLY_AGENT_TOOLS = new Set([
  'toolCalculator', 'toolWikipedia', 'toolSerpApi', 'toolWolframAlpha', 'toolThink', 'toolVectorStore', 'toolSearXng',
  'retrieverVectorStore', 'vectorStoreQdrant', 'vectorStoreSupabase', 'vectorStorePinecone', 'vectorStorePGVector',
  'vectorStoreInMemory', 'vectorStoreMilvus', 'vectorStoreMongoDBAtlas', 'vectorStoreRedis', 'vectorStoreWeaviate',
]);

export interface AgentToolGuess extends SideEffectGuess {
  readonly type: ToolType;
}

/**
 * What an agent's tool is and what it can change. Built-in read-only tools (calculator, Wikipedia, search,
 * vector store retrieval) change nothing; code and sub-workflow tools may do anything, so they are assumed to
 * write; integration tools are judged on their operation like the integration node itself.
 */
export function agentToolOf(short: string, parameters: Readonly<Record<string, unknown>>): AgentToolGuess {
  if (READ_ONLY_AGENT_TOOLS.has(short)) return { type: short === 'toolCalculator' || short === 'toolThink' ? 'script' : short.startsWith('tool') ? 'http' : 'database', sideEffect: 'none', idempotent: true, operation: undefined, assumed: false };
  if (short === 'toolCode') return { type: 'script', sideEffect: 'reversible', idempotent: false, operation: undefined, assumed: true };
  if (short === 'toolWorkflow') return { type: 'subworkflow', sideEffect: 'reversible', idempotent: false, operation: undefined, assumed: true };
  if (short === 'mcpClientTool' || short.endsWith('mcpClientTool')) return { type: 'http', sideEffect: 'reversible', idempotent: false, operation: undefined, assumed: true };
  if (short === 'agentTool') return { type: 'subworkflow', sideEffect: 'reversible', idempotent: false, operation: undefined, assumed: true };
  return { type: toolTypeOf(short), ...sideEffectOf(short, parameters) };
}

/**
 * Hosts of AI provider APIs, for HTTP Request nodes that call a model directly: such a call is an AI step,
 * not a generic integration. The capability follows the host, or the path for providers that do several things.
 */
export const AI_API_HOSTS: Readonly<Record<string, AiCapability>> = {
  'api.openai.com': 'llm',
  'api.anthropic.com': 'llm',
  'api.mistral.ai': 'llm',
  'openrouter.ai': 'llm',
  'generativelanguage.googleapis.com': 'llm',
  'api.groq.com': 'llm',
  'api.perplexity.ai': 'llm',
  'api.deepseek.com': 'llm',
  'api.together.xyz': 'llm',
  'api.cohere.ai': 'llm',
  'api.cohere.com': 'llm',
  'api.x.ai': 'llm',
  'api.voyageai.com': 'embedding',
  'api.replicate.com': 'image-generation',
  'api.piapi.ai': 'image-generation',
  'cloud.leonardo.ai': 'image-generation',
  'api.dev.runwayml.com': 'image-generation',
  'api.stability.ai': 'image-generation',
  'api.elevenlabs.io': 'speech',
  'api.assemblyai.com': 'transcription',
  'api.deepgram.com': 'transcription',
};

/**
 * The AI capability of an HTTP call to a provider's API, from its URL; undefined for other URLs.
 * @example aiApiCapability('https://api.openai.com/v1/audio/transcriptions') // "transcription"
 * @example aiApiCapability('https://api.openai.com/v1/threads') // undefined (no model runs)
 */
export function aiApiCapability(url: string): AiCapability | undefined {
  // An expression inside the path (`/threads/{{ $json.id }}/runs`) stands for one segment.
  const m = /^=?\s*(?:https?:\/\/)?([a-z0-9.-]+)(\/[^\s?#]*)?/i.exec(url.trim().replace(/\{\{[\s\S]*?\}\}/g, 'x'));
  const host = m?.[1]?.toLowerCase();
  const path = (m?.[2] ?? '').toLowerCase();
  const capability = host ? AI_API_HOSTS[host] : undefined;
  if (capability === undefined) return undefined;
  // Bookkeeping of a provider's stateful APIs (OpenAI's Assistants: create a thread, add a message, upload a
  // file) runs no model: only a run does. Such calls are plain HTTP steps.
  if (/\/(threads|files|uploads|vector_stores|assistants)\b/.test(path) && !/\/runs\b/.test(path)) return undefined;
  if (path.includes('embedding')) return 'embedding';
  if (path.includes('/images') || path.includes('image')) return 'image-generation';
  if (path.includes('transcription') || path.includes('/audio/translations') || path.includes('speech-to-text')) return 'transcription';
  if (path.includes('/audio/speech') || path.includes('text-to-speech')) return 'speech';
  return capability;
}

/**
 * LangChain sub-node types: they plug into a root (by `ai_*` connections) and never run on their own. A file
 * whose connections lost their root still says what they are by their type.
 * @example isSubNodeType('@n8n/n8n-nodes-langchain.lmChatOpenAi', {}) // true
 */
export function isSubNodeType(type: string, parameters: Readonly<Record<string, unknown>>): boolean {
  const short = shortType(type);
  if (isBaseType(type)) return short.endsWith('Tool');
  if (!isLangChainType(type)) return /mcpClientTool$/.test(short);
  if (short.startsWith('vectorStore')) {
    const mode = typeof parameters['mode'] === 'string' ? parameters['mode'] : 'retrieve';
    return mode === 'retrieve' || mode === 'retrieve-as-tool';
  }
  if (short === 'memoryManager') return false;
  return /^(lm|embeddings|memory|outputParser|tool|textSplitter|document|retriever|reranker|mcpClientTool|agentTool)/.test(short);
}

/** Human-step operations on messaging nodes: the message waits for a person's answer. */
export const SEND_AND_WAIT = 'sendAndWait';

/** What a human step built from an n8n node asks of the person. */
export function humanTypeOf(responseType: unknown): HumanType {
  return responseType === 'freeText' || responseType === 'customForm' ? 'review' : 'approval';
}

/** Chat models whose client retries 2 times and limits a request to 60 s unless options say otherwise (OpenAI's SDK). */
export const OPENAI_FAMILY_MODELS = new Set(['lmChatOpenAi', 'lmOpenAi', 'lmChatAzureOpenAi', 'lmChatOpenRouter', 'lmChatDeepSeek', 'lmChatXAiGrok', 'lmChatVercelAiGateway']);
export const OPENAI_CLIENT_DEFAULTS = { maxRetries: 2, timeoutMs: 60_000 } as const;

/** Wait node defaults by version: version 1 waits 1 hour, 1.1 and later 5 seconds. */
export function waitDefaults(typeVersion: number): { amount: number; unit: string } {
  return typeVersion <= 1 ? { amount: 1, unit: 'hours' } : { amount: 5, unit: 'seconds' };
}

export const UNIT_SECONDS: Readonly<Record<string, number>> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 };

/** Loop Over Items: version 3 has outputs [done, loop] and handles 1 item per pass; 1 and 2 have one output and 10. */
export function loopDefaults(typeVersion: number): { outputs: readonly ('done' | 'each')[]; batchSize: number } {
  return typeVersion >= 3 ? { outputs: ['done', 'each'], batchSize: 1 } : { outputs: ['each'], batchSize: 10 };
}

/**
 * The way back, for the n8n exporter: the n8n type and version that best expresses each Baton construct.
 * Versions are the ones current in n8n 1.x exports.
 */
export const BATON_TO_N8N = {
  trigger: {
    manual: { type: `${BASE}manualTrigger`, typeVersion: 1 },
    schedule: { type: `${BASE}scheduleTrigger`, typeVersion: 1.2 },
    webhook: { type: `${BASE}webhook`, typeVersion: 2 },
    // n8n has a trigger per service, no generic event trigger: a service's event arrives as a webhook call.
    event: { type: `${BASE}webhook`, typeVersion: 2 },
    chat: { type: `${LC}chatTrigger`, typeVersion: 1.1 },
    called: { type: `${BASE}executeWorkflowTrigger`, typeVersion: 1.1 },
  },
  ai: {
    agent: { type: `${LC}agent`, typeVersion: 1.7 },
    llm: { type: `${LC}chainLlm`, typeVersion: 1.5 },
    classifier: { type: `${LC}textClassifier`, typeVersion: 1 },
    extractor: { type: `${LC}informationExtractor`, typeVersion: 1 },
    default: { type: `${LC}openAi`, typeVersion: 1.8 },
  },
  tool: { type: `${BASE}httpRequest`, typeVersion: 4.2 },
  data: {
    set: { type: `${BASE}set`, typeVersion: 3.4 },
    code: { type: `${BASE}code`, typeVersion: 2 },
    merge: { type: `${BASE}merge`, typeVersion: 3 },
    split: { type: `${BASE}splitOut`, typeVersion: 1 },
    aggregate: { type: `${BASE}aggregate`, typeVersion: 1 },
    filter: { type: `${BASE}filter`, typeVersion: 2.2 },
    sort: { type: `${BASE}sort`, typeVersion: 1 },
    limit: { type: `${BASE}limit`, typeVersion: 1 },
    dedupe: { type: `${BASE}removeDuplicates`, typeVersion: 2 },
    convert: { type: `${BASE}extractFromFile`, typeVersion: 1 },
    file: { type: `${BASE}readWriteFile`, typeVersion: 1 },
    wait: { type: `${BASE}wait`, typeVersion: 1.1 },
    respond: { type: `${BASE}respondToWebhook`, typeVersion: 1.1 },
    pass: { type: `${BASE}noOp`, typeVersion: 1 },
  },
  loop: { type: `${BASE}splitInBatches`, typeVersion: 3 },
  router: { exclusive: { type: `${BASE}switch`, typeVersion: 3.2 }, twoWay: { type: `${BASE}if`, typeVersion: 2.2 } },
  join: { type: `${BASE}merge`, typeVersion: 3 },
  human: { type: `${BASE}form`, typeVersion: 1 },
  output: { error: { type: `${BASE}stopAndError`, typeVersion: 1 }, default: { type: `${BASE}noOp`, typeVersion: 1 } },
  note: { type: `${BASE}stickyNote`, typeVersion: 1 },
} as const;
