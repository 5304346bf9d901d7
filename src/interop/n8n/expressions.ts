/**
 * What an n8n node's settings say about its data, read from its parameters without evaluating anything:
 * which earlier nodes its expressions name (data lineage, Baton's `reads`), whether it uses the items it was
 * handed, whether it builds a statement (SQL, shell command) from them, and where secrets were typed in as text
 * (Baton's `inlineSecrets`: the place only, never the value).
 */
import { isPlainObject } from '../../domain/schema-walk.ts';

/** `$('Name')`, `$("Name")`, `$node["Name"]`, `$node['Name']`, `$items("Name")`: references by node name. */
const NAMED_REFERENCE = /\$(?:\(\s*|node\s*\[\s*|items\s*\(\s*)(['"`])((?:\\.|(?!\1).)*)\1/g;
/** `$node.Name.json` (a name without spaces). */
const DOTTED_REFERENCE = /\$node\.([A-Za-z_][\w]*)\b/g;
/** References to the items the node was handed: `$json`, `$input`, `$binary`, `items`, `$item(...)`. */
const INPUT_REFERENCE = /\$json\b|\$input\b|\$binary\b|\$item\s*\(|(?<![\w$.])items\s*[[.]/;

/** Every string inside a parameter tree, with the dotted path of its key. */
export function* strings(value: unknown, path = '', depth = 0): Generator<{ path: string; text: string }> {
  if (depth > 40) return;
  if (typeof value === 'string') {
    yield { path, text: value };
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) yield* strings(value[i], `${path}[${i}]`, depth + 1);
    return;
  }
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k, depth + 1);
  }
}

/** Is this string code or an expression n8n evaluates (so `$json` in it means data), rather than plain text? */
function evaluated(path: string, text: string): boolean {
  return text.startsWith('=') || /(^|\.)(jsCode|pythonCode|functionCode|code)$/.test(path);
}

/** What addresses a reply in a trigger's data: a chat, a sender, a thread, a reply token. */
const ADDRESS = /^[\w.[\]'"()]{0,60}?(?:chat\.id|chat_id|chatId|wa_id|\.from\b|replyToken|event_ts|thread_ts|\.channel\b|\.user\b|sender|sessionId)/;

/**
 * Does a step address its message with what a trigger received (the chat id, the sender, the thread, a reply
 * token)? Then it answers the person who started the case in their own conversation.
 * @example addressesStarter({ chatId: "={{ $('Telegram Trigger').item.json.message.chat.id }}" }, new Set(['Telegram Trigger'])) // true
 */
export function addressesStarter(parameters: unknown, triggers: ReadonlySet<string>): boolean {
  for (const { path, text } of strings(parameters)) {
    if (!evaluated(path, text)) continue;
    for (const m of text.matchAll(NAMED_REFERENCE)) {
      const name = m[2]?.replace(/\\(.)/g, '$1');
      if (name === undefined || !triggers.has(name)) continue;
      if (ADDRESS.test(text.slice((m.index ?? 0) + m[0].length))) return true;
    }
  }
  return false;
}

export interface DataUse {
  /** Node names the settings name explicitly. */
  readonly named: ReadonlySet<string>;
  /** The settings use the items the node was handed ($json, $input...). */
  readonly usesInput: boolean;
  /** Any expression or code at all. */
  readonly anyExpression: boolean;
}

/**
 * @example dataUse({ text: "={{ $('Webhook').item.json.body }} and {{ $json.x }}" })
 *   // { named: Set { 'Webhook' }, usesInput: true, anyExpression: true }
 */
export function dataUse(parameters: unknown): DataUse {
  const named = new Set<string>();
  let usesInput = false;
  let anyExpression = false;
  for (const { path, text } of strings(parameters)) {
    if (!evaluated(path, text)) continue;
    anyExpression = true;
    for (const m of text.matchAll(NAMED_REFERENCE)) if (m[2]) named.add(m[2].replace(/\\(.)/g, '$1'));
    for (const m of text.matchAll(DOTTED_REFERENCE)) if (m[1]) named.add(m[1]);
    if (!usesInput && INPUT_REFERENCE.test(text)) usesInput = true;
  }
  return { named, usesInput, anyExpression };
}

/** Parameters holding a statement a node runs: SQL queries, shell commands, scripts sent elsewhere. */
const STATEMENT_KEYS = /(^|\.)(query|command|commands|sql|statement|script)$/i;

/**
 * Does the node run a statement built from its input (an expression inside a query or command), rather than
 * one fixed in the step? LLM-written SQL or shell is the dangerous case this lets the analyzer see.
 */
export function buildsStatement(parameters: unknown): boolean {
  for (const { path, text } of strings(parameters)) {
    if (STATEMENT_KEYS.test(path) && text.startsWith('=') && /\{\{[\s\S]*\}\}/.test(text)) return true;
  }
  return false;
}

/** Keys whose literal value is a secret. */
const SECRET_KEY = /(authorization|api[-_ ]?key|apikey|access[-_ ]?token|auth[-_ ]?token|bearer|secret|password|passwd|private[-_ ]?key|client[-_ ]?secret|x-api-key|token)$/i;
/** Values that are secrets whatever their key: well-known key formats. */
const SECRET_VALUE = /(^|\s)(Bearer\s+[A-Za-z0-9._~+/-]{12,}|Basic\s+[A-Za-z0-9+/=]{12,}|sk-[A-Za-z0-9_-]{16,}|sk-ant-[A-Za-z0-9_-]{16,}|xox[abprs]-[A-Za-z0-9-]{10,}|gh[pousr]_[A-Za-z0-9]{20,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{30,}|glpat-[A-Za-z0-9_-]{16,}|[0-9]{8,10}:AA[A-Za-z0-9_-]{30,})/;
/** Placeholders people paste instead of a key. */
const PLACEHOLDER = /^(<[^>]*>|\[[^\]]*\]|\{[^}]*\}|your[\s_-]|x{4,}|\*{4,}|\.{3,}|replace|insert|enter|todo|changeme|api[_-]?key$|token$)/i;

export interface InlineSecretHit {
  readonly parameter: string;
  readonly placeholder: boolean;
}

/**
 * Where secrets are typed into a node's parameters as text. Header and query parameter lists ({ name, value })
 * are read by name, so the place reads "headerParameters.Authorization". Expressions are not secrets (they
 * usually read a credential or variable); values are never returned.
 */
export function inlineSecrets(parameters: unknown): InlineSecretHit[] {
  const hits = new Map<string, InlineSecretHit>();
  const consider = (place: string, key: string, value: string): void => {
    const text = value.trim();
    if (text === '' || text.startsWith('=') || hits.has(place)) return;
    const byKey = SECRET_KEY.test(key) && text.length >= 6 && !/^(true|false|none|null|\d{1,5})$/i.test(text);
    const byValue = SECRET_VALUE.test(text);
    if (!byKey && !byValue) return;
    const bare = text.replace(/^(Bearer|Basic|Token)\s+/i, '');
    hits.set(place, { parameter: place.slice(0, 200), placeholder: PLACEHOLDER.test(bare) });
  };
  const walk = (value: unknown, path: string, depth: number): void => {
    if (depth > 40) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        // { name: 'Authorization', value: 'Bearer ...' } pairs, as HTTP headers and query parameters hold them.
        if (isPlainObject(v) && typeof v['name'] === 'string' && typeof v['value'] === 'string') {
          consider(`${path.replace(/\.(parameters|values)$/, '')}.${v['name']}`, v['name'], v['value']);
        } else walk(v, `${path}[${i}]`, depth + 1);
      });
      return;
    }
    if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        const p = path ? `${path}.${k}` : k;
        if (typeof v === 'string') consider(p, k, v);
        else walk(v, p, depth + 1);
      }
    }
  };
  walk(parameters, '', 0);
  return [...hits.values()];
}
