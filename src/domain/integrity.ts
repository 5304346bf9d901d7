/**
 * Cross-reference checks the shape alone cannot express: unique ids, edges whose ends exist, ports that exist,
 * catchers that name a real port, faults aimed at real nodes. Every problem carries its JSON path; nothing is
 * fixed silently (workflow-format.md, "Limits").
 */
import type { WorkflowEdge } from './edge.schema.ts';
import type { WorkflowNode } from './node.schema.ts';
import { checkConnection, hasPort, nodeKindPhrase, OUTPUT_PORTS } from './ports.ts';
import type { Problem } from './problem.ts';
import type { Scenario } from './scenario.schema.ts';

interface IntegrityInput {
  readonly nodes: readonly WorkflowNode[];
  readonly edges: readonly WorkflowEdge[];
  readonly scenarios?: readonly Scenario[] | undefined;
}

/**
 * @example checkIntegrity({ nodes, edges: [{ id: 'e1', source: 'a', sourcePort: 'out', target: 'ghost' }] })
 *   // [{ path: ['edges', 0, 'target'], code: 'dangling-edge', message: 'edge "e1" points to "ghost", which is not a node' }]
 */
export function checkIntegrity(doc: IntegrityInput): Problem[] {
  const problems: Problem[] = [];
  const nodesById = new Map<string, WorkflowNode>();
  doc.nodes.forEach((n, i) => {
    if (nodesById.has(n.id)) problems.push({ path: ['nodes', i, 'id'], code: 'duplicate-id', message: `node id "${n.id}" is used by more than one node` });
    else nodesById.set(n.id, n);
    if ((n.kind === 'ai' || n.kind === 'tool' || n.kind === 'data') && n.policy?.catch) {
      n.policy.catch.forEach((c, j) => {
        if (!hasPort(n.kind, c.port)) {
          problems.push({ path: ['nodes', i, 'policy', 'catch', j, 'port'], code: 'unknown-port', message: `${nodeKindPhrase(n.kind)} has no port "${c.port}" (its ports: ${OUTPUT_PORTS[n.kind].join(', ')})` });
        }
      });
    }
  });

  doc.nodes.forEach((n, i) => {
    n.reads?.forEach((r, j) => {
      if (!nodesById.has(r)) problems.push({ path: ['nodes', i, 'reads', j], code: 'dangling-read', message: `node "${n.id}" reads "${r}", which is not a node` });
    });
  });

  const edgeIds = new Set<string>();
  const seenConnections: WorkflowEdge[] = [];
  const connectionKeys = new Set<string>();
  doc.edges.forEach((e, i) => {
    if (edgeIds.has(e.id)) problems.push({ path: ['edges', i, 'id'], code: 'duplicate-id', message: `edge id "${e.id}" is used by more than one edge` });
    edgeIds.add(e.id);
    if (!nodesById.has(e.source)) {
      problems.push({ path: ['edges', i, 'source'], code: 'dangling-edge', message: `edge "${e.id}" starts at "${e.source}", which is not a node` });
      return;
    }
    if (!nodesById.has(e.target)) {
      problems.push({ path: ['edges', i, 'target'], code: 'dangling-edge', message: `edge "${e.id}" points to "${e.target}", which is not a node` });
      return;
    }
    // Duplicates are judged with a key set (O(1)) rather than checkConnection's scan, which is O(|E|) per edge.
    const key = `${e.source}\u0000${e.sourcePort}\u0000${e.target}`;
    const verdict = checkConnection(nodesById, seenConnections, e);
    if (!verdict.ok) {
      const field = verdict.code === 'unknown-port' || verdict.code === 'out-of-output' ? 'sourcePort' : 'target';
      problems.push({ path: ['edges', i, field], code: verdict.code, message: `edge "${e.id}": ${lowerFirst(verdict.reason)}` });
    } else if (connectionKeys.has(key)) {
      problems.push({ path: ['edges', i], code: 'duplicate-edge', message: `edge "${e.id}" repeats another edge from "${e.source}" (${e.sourcePort}) to "${e.target}"` });
    }
    connectionKeys.add(key);
  });

  const scenarioIds = new Set<string>();
  doc.scenarios?.forEach((s, i) => {
    if (scenarioIds.has(s.id)) problems.push({ path: ['scenarios', i, 'id'], code: 'duplicate-id', message: `scenario id "${s.id}" is used by more than one scenario` });
    scenarioIds.add(s.id);
    s.faults?.forEach((f, j) => {
      if ('node' in f.target && !nodesById.has(f.target.node)) {
        problems.push({ path: ['scenarios', i, 'faults', j, 'target', 'node'], code: 'dangling-fault', message: `fault targets node "${f.target.node}", which is not a node` });
      }
    });
  });
  return problems;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
