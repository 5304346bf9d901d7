/**
 * Hostile text for the exporters' escaping tests: every label, name, note, purpose, model and condition of a
 * document replaced by strings that would break XML, JSON, Mermaid or an expression if written raw.
 */
import type { Workflow, WorkflowEdge, WorkflowNode } from '../../../src/domain/index.ts';

export const HOSTILE_TEXTS: readonly string[] = [
  'He said "hi" & <b>bye</b>',
  ']]></bpmn:serviceTask><script>alert(1)</script><![CDATA[',
  'line one\nline two\r\nline three',
  'back`tick` --> arrow -.-> ==> %% not a comment',
  '{"json": true, "path": "$.x"}\\',
  "S\u00e3o Paulo \u{1F680} \u2713 \u65e5\u672c\u8a9e \u202eRTL",
  `${'long label '.repeat(17)}end`,
  "'single' quotes; semi;colons #hash |pipe| [brackets] {braces} (parens)",
  'control \u0001 bell \u0007 lone \ud800 surrogate',
  '${process.exit(1)} {{ $json.x }} =1+1 $$.Task.Token',
];

export function hostile(i: number): string {
  return HOSTILE_TEXTS[i % HOSTILE_TEXTS.length] ?? '';
}

/** The document with hostile text everywhere people can type it; ids and structure are unchanged. */
export function withHostileText(doc: Workflow): Workflow {
  let k = 0;
  const next = () => hostile(k++);
  const nodes = doc.nodes.map((n): WorkflowNode => {
    const label = next();
    const description = next();
    switch (n.kind) {
      case 'ai':
        return { ...n, label, description, config: { ...n.config, model: next(), purpose: next(), outputContract: next() } };
      case 'tool':
        return { ...n, label, description, config: { ...n.config, purpose: next() } };
      case 'note':
        return { ...n, label, description, config: { ...n.config, text: `${next()}\n\n${next()}` } };
      default:
        return { ...n, label, description };
    }
  });
  const edges = doc.edges.map((e): WorkflowEdge => {
    const edge: WorkflowEdge = { ...e, label: next() };
    if (e.condition) edge.condition = { field: `field ${next()}`.slice(0, 64), op: e.condition.op, value: typeof e.condition.value === 'string' ? next().slice(0, 200) : e.condition.value };
    return edge;
  });
  return { ...doc, name: next(), description: next(), nodes, edges };
}
