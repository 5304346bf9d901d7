/** Matching for the Find dialog: a node matches when every word of the query is in its label, kind, capability or model. */
import { KIND_LABELS, type WorkflowNode } from '../../domain/index.ts';

const MAX_FIND_RESULTS = 50;

/** The text a node is found by. */
function searchableText(node: WorkflowNode): string {
  const parts: string[] = [node.label, node.kind, KIND_LABELS[node.kind]];
  if (node.kind === 'ai') {
    parts.push(node.config.capability);
    if (node.config.model) parts.push(node.config.model);
  } else if (node.kind === 'note') parts.push(node.config.text);
  else if ('type' in node.config) parts.push(String(node.config.type));
  return parts.join(' ').toLowerCase();
}

/**
 * Nodes matching the query, label matches first (what people usually type), at most MAX_FIND_RESULTS.
 * @example findNodes(nodes, 'llm draft') // AI nodes with capability llm whose label contains "draft"
 */
export function findNodes(nodes: readonly WorkflowNode[], query: string): WorkflowNode[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: { node: WorkflowNode; rank: number }[] = [];
  for (const node of nodes) {
    const text = searchableText(node);
    if (!words.every((w) => text.includes(w))) continue;
    const label = node.label.toLowerCase();
    hits.push({ node, rank: label.startsWith(words[0] ?? '') ? 0 : words.every((w) => label.includes(w)) ? 1 : 2 });
    if (hits.length >= MAX_FIND_RESULTS * 4) break;
  }
  return hits
    .sort((a, b) => a.rank - b.rank)
    .slice(0, MAX_FIND_RESULTS)
    .map((h) => h.node);
}
