/**
 * A router branch's routing as one line of text and back, for editing the edge label in place:
 * "confidence < 0.8", "30%", "default", or several joined by " · " ("tier == \"gold\" · 20%").
 * Parsing yields structured data (a Condition), never code: nothing typed here is ever evaluated.
 */
import { conditionSchema, formatCondition, type Condition, type WorkflowEdge } from '../../domain/index.ts';

export interface EdgeRouting {
  readonly condition?: Condition;
  readonly probability?: number;
  readonly isDefault?: boolean;
}

export type RoutingParse = { ok: true; routing: EdgeRouting } | { ok: false; message: string };

const SEPARATOR = /\s*[·;]\s*/;
const CONDITION = /^([A-Za-z_][\w.-]*)\s*(<=|>=|==|!=|=|<|>)\s*(.+)$/;
const PERCENT = /^(\d+(?:\.\d+)?)\s*%$/;
const FRACTION = /^(?:0(?:\.\d+)?|1(?:\.0+)?|\.\d+)$/;

/** The editable text of an edge's routing (its free-text label is edited elsewhere). */
export function formatEdgeRouting(edge: EdgeRouting): string {
  const parts: string[] = [];
  if (edge.condition) parts.push(formatCondition(edge.condition));
  if (edge.probability !== undefined) parts.push(`${Math.round(edge.probability * 1000) / 10}%`);
  if (edge.isDefault) parts.push('default');
  return parts.join(' · ');
}

function parseValue(raw: string): Condition['value'] {
  const t = raw.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(t);
  if (quoted) return quoted[1] ?? quoted[2] ?? '';
  return t;
}

/**
 * @example parseEdgeRouting('confidence < 0.8') // { ok: true, routing: { condition: { field: 'confidence', op: '<', value: 0.8 } } }
 * @example parseEdgeRouting('30%') // { ok: true, routing: { probability: 0.3 } }
 */
export function parseEdgeRouting(text: string): RoutingParse {
  let condition: Condition | undefined;
  let probability: number | undefined;
  let isDefault = false;
  for (const part of text.trim().split(SEPARATOR)) {
    if (part === '') continue;
    if (/^default$/i.test(part)) {
      isDefault = true;
      continue;
    }
    const pct = PERCENT.exec(part);
    if (pct || FRACTION.test(part)) {
      const p = pct ? Number(pct[1]) / 100 : Number(part);
      if (!(p >= 0 && p <= 1)) return { ok: false, message: `A branch's share must be between 0% and 100%, not "${part}".` };
      if (probability !== undefined) return { ok: false, message: 'Give a branch one share, not two.' };
      probability = p;
      continue;
    }
    const m = CONDITION.exec(part);
    if (m) {
      if (condition) return { ok: false, message: 'A branch takes one condition; split the others into more branches.' };
      const op = m[2] === '=' ? '==' : m[2];
      const parsed = conditionSchema.safeParse({ field: m[1], op, value: parseValue(m[3] ?? '') });
      if (!parsed.success) return { ok: false, message: `"${part}" is not a condition Baton can read (${parsed.error.issues[0]?.message ?? 'invalid'}).` };
      if (typeof parsed.data.value !== 'number' && !['==', '!='].includes(parsed.data.op)) {
        return { ok: false, message: `"${part}" compares text with ${parsed.data.op}; only == and != work on text.` };
      }
      condition = parsed.data;
      continue;
    }
    return { ok: false, message: `Cannot read "${part}": write a condition like "confidence < 0.8", a share like "30%", or "default".` };
  }
  const routing: { condition?: Condition; probability?: number; isDefault?: boolean } = {};
  if (condition) routing.condition = condition;
  if (probability !== undefined) routing.probability = probability;
  if (isDefault) routing.isDefault = true;
  return { ok: true, routing };
}

/** The edge with its routing replaced; keys that become empty are removed, not left undefined. */
export function withRouting(edge: WorkflowEdge, routing: EdgeRouting): WorkflowEdge {
  const { condition: _c, probability: _p, isDefault: _d, ...rest } = edge;
  return { ...rest, ...routing };
}
