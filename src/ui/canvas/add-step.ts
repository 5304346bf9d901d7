/** "Add step after": what may follow a step, the + button's name, and where the new step goes. Pure. */
import { NODE_KINDS, outputPorts, type NodeKind, type WorkflowNode } from '../../domain/index.ts';
import { kindSize, nodeSize } from './node-appearance.ts';
import { freeSpot } from './placement.ts';

/** What can follow a step: not a trigger (nothing connects into one) and not a note (notes are not connected). */
export const NEXT_KINDS: readonly NodeKind[] = NODE_KINDS.filter((k) => k !== 'trigger' && k !== 'note');
/** Space between a node and the step added after it: room for the edge's caption. */
export const ADD_STEP_GAP = 100;

/** The accessible name of a port's + button: the main (first) port is "Add step after LABEL" (interfaces.md). */
export function addStepName(node: WorkflowNode, port: string): string {
  const label = node.label || node.id;
  return outputPorts(node.kind)[0] === port ? `Add step after ${label}` : `Add step on ${port} of ${label}`;
}

/** Where the new step goes: right of the source, level with the port, moved down past any node in the way. */
export function positionAfter(doc: { nodes: readonly WorkflowNode[] }, source: WorkflowNode, port: string, kind: NodeKind): { x: number; y: number } {
  const s = nodeSize(source);
  const ports = outputPorts(source.kind);
  const i = Math.max(0, ports.indexOf(port));
  const portY = source.position.y + ((i + 1) / (ports.length + 1)) * s.height;
  const size = kindSize(kind);
  return freeSpot(doc, kind, { x: source.position.x + s.width + ADD_STEP_GAP, y: Math.round(portY - size.height / 2) }, { direction: 'down' });
}

