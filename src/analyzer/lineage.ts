/**
 * Data lineage: which AI steps' output a step's settings actually use. A diagram says where a case goes, not
 * what each step reads: an n8n notification after an agent may send the agent's answer, or a fixed "Done!".
 * Importers record what a step's settings refer to in `reads` (workflow-format.md); where a step has none,
 * it is taken to read everything before it (its predecessors), which is the old, conservative reading.
 *
 * Results flow through plumbing (routers, joins, loops, data steps), checks and people unchanged; an AI step
 * is a source of its own; a tool's result is new data (the response of an API, a row id), so the search does
 * not look through it. A classifier's result is the branch it picks: the item it hands on is the one it was
 * given (n8n's Text Classifier passes its input through), so it is looked through, not counted as a source.
 */
import type { GraphCore } from './graph-core.ts';
import { valueFor } from './memo.ts';

/**
 * The AI steps whose output reaches the settings of node `id` through `reads` (or predecessors where a node
 * says nothing). Walks backwards from the node; linear in the part of the graph it visits.
 * @example aiSourcesOf(core, 'notify') // ['draft'] when "notify" reads a Set step that reads the AI step "draft"
 */
export function aiSourcesOf(core: GraphCore, id: string): string[] {
  const start = core.indexOf(id);
  if (start < 0) return [];
  const found: string[] = [];
  const seen = new Uint8Array(core.size);
  seen[start] = 1;
  const stack = readsOf(core, start);
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (seen[v] === 1) continue;
    seen[v] = 1;
    const n = core.node(v);
    if (n.kind === 'ai' && n.config.capability !== 'classifier') {
      found.push(n.id);
      continue;
    }
    if (n.kind === 'tool' || n.kind === 'trigger') continue;
    for (const r of readsOf(core, v)) if (seen[r] === 0) stack.push(r);
  }
  return found;
}

/** A result nobody looks through: an AI step's answer (not a classifier's branch), a tool's response, a trigger's event. */
function isSource(core: GraphCore, v: number): boolean {
  const n = core.node(v);
  return (n.kind === 'ai' && n.config.capability !== 'classifier') || n.kind === 'tool' || n.kind === 'trigger';
}

/** For each node index, the nodes that read it (the inverse of readsOf), built once per graph on first use. */
const readerIndex = new WeakMap<GraphCore, number[][]>();
function readersOf(core: GraphCore): number[][] {
  return valueFor(readerIndex, core, () => {
    const out: number[][] = Array.from({ length: core.size }, () => []);
    for (let v = 0; v < core.size; v++) for (const r of readsOf(core, v)) out[r]!.push(v);
    return out;
  });
}

/**
 * The nodes whose settings use the result of step `id`: the inverse of aiSourcesOf (node w is listed exactly when
 * aiSourcesOf(w) names `id`), so plumbing, checks and people that hand the result on are listed with the steps
 * after them that read it. Linear in the part of the graph it visits (the reader index is built once per graph).
 * @example usersOf(core, 'draft') // ['set-fields', 'notify'] when "notify" reads a Set step that reads "draft"
 */
export function usersOf(core: GraphCore, id: string): string[] {
  const start = core.indexOf(id);
  if (start < 0) return [];
  const readers = readersOf(core);
  const found: string[] = [];
  const seen = new Uint8Array(core.size);
  seen[start] = 1;
  const stack = [...readers[start]!];
  while (stack.length > 0) {
    const w = stack.pop()!;
    if (seen[w] === 1) continue;
    seen[w] = 1;
    found.push(core.node(w).id);
    if (isSource(core, w)) continue;
    for (const r of readers[w]!) if (seen[r] === 0) stack.push(r);
  }
  return found;
}

/** Indices of what node v reads: its `reads` when given (unknown ids skipped), else its predecessors. */
function readsOf(core: GraphCore, v: number): number[] {
  const reads = core.node(v).reads;
  if (reads !== undefined) return reads.map((r) => core.indexOf(r)).filter((i) => i >= 0);
  const out: number[] = [];
  for (let j = core.pred.offsets[v]!; j < core.pred.offsets[v + 1]!; j++) out.push(core.pred.targets[j]!);
  return out;
}

/** Does this node say what it reads (so lineage, not the diagram, decides what reaches it)? */
export function declaresReads(core: GraphCore, id: string): boolean {
  const i = core.indexOf(id);
  return i >= 0 && core.node(i).reads !== undefined;
}
