/**
 * The workflow as an ELK graph and back. Pure (no elkjs import), so it is unit-tested without a worker and the
 * worker stays a thin shell. Ports are declared so ELK routes each branch from its own handle: one WEST input,
 * and the output ports on the EAST side in the order the canvas draws them (FIXED_ORDER keeps that order, so
 * "approve" stays above "reject" after layout, as it is drawn).
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { hasInput, outputPorts, type Position, type Workflow } from '../../domain/index.ts';
import { nodeSize } from '../../ui/canvas/node-appearance.ts';

const LAYOUT_OPTIONS: Readonly<Record<string, string>> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  // Room between columns for a branch's caption ("low confidence · confidence < 0.85 · 14%"), and between rows
  // for port names: laid-out templates neither overlap nor hide labels (issue 11).
  'elk.layered.spacing.nodeNodeBetweenLayers': '100',
  'elk.spacing.nodeNode': '48',
  'elk.layered.spacing.edgeNodeBetweenLayers': '30',
  'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
  'elk.edgeRouting': 'SPLINES',
};

const inPort = (nodeId: string): string => `${nodeId}::in`;
const outPort = (nodeId: string, port: string): string => `${nodeId}::out::${port}`;

/** Notes are annotations: they keep their place and are not part of the layout. */
export function toElkGraph(doc: Workflow): ElkNode {
  const laidOut = doc.nodes.filter((n) => n.kind !== 'note');
  const ids = new Set(laidOut.map((n) => n.id));
  const children: ElkNode[] = laidOut.map((n) => {
    const size = nodeSize(n);
    const ports = outputPorts(n.kind).map((port, i) => ({
      id: outPort(n.id, port),
      width: 1,
      height: 1,
      layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) },
    }));
    if (hasInput(n.kind)) ports.unshift({ id: inPort(n.id), width: 1, height: 1, layoutOptions: { 'elk.port.side': 'WEST', 'elk.port.index': '0' } });
    return { id: n.id, width: size.width, height: size.height, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' } };
  });
  const edges: ElkExtendedEdge[] = doc.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => ({ id: e.id, sources: [outPort(e.source, e.sourcePort)], targets: [inPort(e.target)] }));
  return { id: 'root', layoutOptions: { ...LAYOUT_OPTIONS }, children, edges };
}

/**
 * Positions from ELK's result, moved so the laid-out design starts where the old one did (the view does not
 * jump to the origin). Coordinates are rounded: fractional positions blur text at zoom 1.
 */
export function positionsFromElk(doc: Workflow, result: ElkNode): Map<string, Position> {
  const laidOut = doc.nodes.filter((n) => n.kind !== 'note');
  const out = new Map<string, Position>();
  if (laidOut.length === 0) return out;
  const minX = Math.min(...laidOut.map((n) => n.position.x));
  const minY = Math.min(...laidOut.map((n) => n.position.y));
  const children = result.children ?? [];
  const elkMinX = Math.min(...children.map((c) => c.x ?? 0));
  const elkMinY = Math.min(...children.map((c) => c.y ?? 0));
  for (const c of children) {
    out.set(c.id, { x: Math.round(minX + (c.x ?? 0) - elkMinX), y: Math.round(minY + (c.y ?? 0) - elkMinY) });
  }
  return out;
}
