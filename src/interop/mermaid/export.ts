/**
 * Mermaid flowchart text of a design, for Markdown docs and pull requests (docs/interop.md, "Mermaid"). It shows
 * the structure: every node as a shape for its kind, every edge with its port, label, condition or share.
 * Mermaid lays the chart out itself, so positions are not kept; policies and simulation stubs stay in Baton JSON.
 *
 * Escaping: every label is written inside double quotes with Mermaid's entity codes (`#quot;`, `#60;`) for
 * anything but letters, digits, spaces and plain punctuation, so no label can end a string, start a comment
 * (`%%`), a link (`-->`), markdown (backticks) or HTML. Node ids are generated (`n0`, `n1`...), never taken from
 * the document.
 */
import { buildAdjacency, NODE_KINDS, SIDE_EFFECTS, type NodeKind, type Workflow, type WorkflowNode } from '../../domain/index.ts';
import type { ExportNote, ExportResult } from '../export-format.ts';
import { displayName, edgeCaption } from '../export-graph.ts';

/** Longest note text carried into the chart; Mermaid renders it as one box. */
export const NOTE_TEXT_LIMIT = 300;

/** Opening and closing brackets of each kind's shape (https://mermaid.js.org/syntax/flowchart.html). */
export const SHAPES: Record<NodeKind, readonly [string, string]> = {
  trigger: ['([', '])'], // stadium
  ai: ['(', ')'], // rounded
  tool: ['[', ']'], // rectangle
  data: ['[/', '/]'], // parallelogram: plumbing, not a call
  human: ['[/', '\\]'], // trapezoid
  check: ['{{', '}}'], // hexagon
  router: ['{', '}'], // rhombus
  loop: ['[[', ']]'], // subroutine: a body run once per item
  join: ['((', '))'], // circle
  output: ['(((', ')))'], // double circle
  note: ['>', ']'], // asymmetric
};

const CLASS_DEFS: Record<NodeKind, string> = {
  trigger: 'fill:#e0f2fe,stroke:#0369a1',
  ai: 'fill:#ede9fe,stroke:#6d28d9',
  tool: 'fill:#e2e8f0,stroke:#334155',
  data: 'fill:#f8fafc,stroke:#64748b,stroke-dasharray:2 2',
  human: 'fill:#fef3c7,stroke:#b45309',
  check: 'fill:#dcfce7,stroke:#15803d',
  router: 'fill:#fce7f3,stroke:#be185d',
  loop: 'fill:#ccfbf1,stroke:#0f766e',
  join: 'fill:#f1f5f9,stroke:#475569',
  output: 'fill:#f0fdf4,stroke:#166534',
  note: 'fill:#fefce8,stroke:#a16207,stroke-dasharray:4 3',
};

/** How an agent's declared tools are drawn: small rectangles, red-edged when calling them changes the world. */
const AGENT_TOOL_CLASS = {
  reversible: 'fill:#fff7ed,stroke:#c2410c',
  irreversible: 'fill:#fef2f2,stroke:#b91c1c,stroke-width:2px',
  none: 'fill:#ffffff,stroke:#64748b',
} as const;

/** Ports a case leaves by when something went wrong: drawn dotted. */
const FAILURE_PORTS = new Set(['error', 'fail', 'reject', 'timeout']);

/**
 * Text for inside a quoted Mermaid label. Letters and digits of any script, spaces and plain punctuation stay as
 * they are; everything else becomes an entity code, so the text can never close the string or the shape.
 * A line break becomes `<br>`, the one piece of markup written on purpose.
 * @example mermaidText('say "hi" --> <b>') // 'say #quot;hi#quot; #45;#45;#62; #60;b#62;'
 */
export function mermaidText(text: string): string {
  let out = '';
  for (const line of text.split(/\r\n|\r|\n/).entries()) {
    if (line[0] > 0) out += '<br>';
    const chars = Array.from(line[1]);
    chars.forEach((ch, i) => {
      // A lone hyphen or percent sign reads better raw ("on-call", "5%"); two in a row could start a link
      // or a comment, so runs are encoded.
      const lone = (ch === '-' || ch === '%') && chars[i - 1] !== ch && chars[i + 1] !== ch && !/[.>=]/.test(chars[i + 1] ?? '');
      if (lone || /^[\p{L}\p{N} ,.:?!'()/+=*_]$/u.test(ch)) out += ch;
      else if (ch === '"') out += '#quot;';
      else out += `#${ch.codePointAt(0) ?? 0};`;
    });
  }
  return out;
}

function shape(node: WorkflowNode, text: string): string {
  const [open, close] = SHAPES[node.kind];
  return `${open}"${text}"${close}`;
}

/**
 * @example exportMermaid(doc) // { ok: true, text: 'flowchart LR\n  n0(["Email arrives"])...', notes: [] }
 */
export function exportMermaid(doc: Workflow): ExportResult {
  const notes: ExportNote[] = [];
  const adj = buildAdjacency(doc);
  const idOf = new Map<string, string>();
  doc.nodes.forEach((n, i) => idOf.set(n.id, `n${i}`));

  // The name goes in a comment: JSON quoting keeps it on one line, whatever it holds.
  const lines = [`%% ${JSON.stringify(doc.name)}, exported from Baton`, 'flowchart LR'];
  const used = new Set<NodeKind>();
  for (const node of doc.nodes) {
    const id = idOf.get(node.id) ?? '';
    used.add(node.kind);
    let text = displayName(node);
    if (node.kind === 'note') {
      const body = node.config.text.trim();
      const chars = Array.from(body);
      text = chars.length > NOTE_TEXT_LIMIT ? `${chars.slice(0, NOTE_TEXT_LIMIT - 1).join('')}…` : body || text;
      if (chars.length > NOTE_TEXT_LIMIT) notes.push({ nodeId: node.id, message: `Note "${displayName(node)}": text cut to ${NOTE_TEXT_LIMIT} characters.` });
    }
    lines.push(`  ${id}${shape(node, mermaidText(text))}:::${node.kind}`);
  }
  // An agent's tools are not steps a case passes through, but a reader of the chart must see that the agent
  // can send e-mail or write a database: each declared tool hangs off its agent by a dotted "may call" link.
  const toolEffects = new Set<keyof typeof AGENT_TOOL_CLASS>();
  const toolLinks: string[] = [];
  for (const node of doc.nodes) {
    if (node.kind !== 'ai') continue;
    const id = idOf.get(node.id) ?? '';
    (node.config.tools ?? []).forEach((tool, i) => {
      const effect = tool.sideEffect === 'none' ? '' : ` (${tool.sideEffect} side effect)`;
      lines.push(`  ${id}t${i}["${mermaidText(tool.name + effect)}"]:::tool_${tool.sideEffect}`);
      toolLinks.push(`  ${id} -.->|"may call"| ${id}t${i}`);
      toolEffects.add(tool.sideEffect);
    });
  }
  for (const edge of doc.edges) {
    const source = adj.nodesById.get(edge.source);
    const from = idOf.get(edge.source);
    const to = idOf.get(edge.target);
    if (!source || from === undefined || to === undefined) continue;
    const caption = edgeCaption(edge, source.kind);
    const arrow = FAILURE_PORTS.has(edge.sourcePort) ? '-.->' : '-->';
    lines.push(caption ? `  ${from} ${arrow}|"${mermaidText(caption)}"| ${to}` : `  ${from} ${arrow} ${to}`);
  }
  lines.push(...toolLinks);
  for (const kind of NODE_KINDS) {
    if (used.has(kind)) lines.push(`  classDef ${kind} ${CLASS_DEFS[kind]}`);
  }
  for (const effect of SIDE_EFFECTS) {
    if (toolEffects.has(effect)) lines.push(`  classDef tool_${effect} ${AGENT_TOOL_CLASS[effect]}`);
  }
  return { ok: true, text: `${lines.join('\n')}\n`, notes };
}
