/**
 * Export: a Workflow as the JSON text "Export JSON" writes and the CLI converts. The layout is fixed so that
 * files diff well and import -> export is byte-identical: keys in the order the zod schemas declare them
 * (derived at run time, so the layout follows schema changes), record keys sorted, 2-space indent, one
 * trailing newline.
 */
import { workflowShapeSchema, type Workflow } from '../domain/workflow.schema.ts';
import { orderBySchema } from '../domain/schema-walk.ts';

/**
 * Keys the schema does not declare (say, view state an adapter left on a node) are not written: they could
 * not be imported back.
 * @example exportWorkflow(createWorkflow({ id: 'wf_1', name: 'Demo' })) // '{\n  "format": "baton.workflow",\n ...}\n'
 */
export function exportWorkflow(doc: Workflow): string {
  return `${JSON.stringify(orderBySchema(workflowShapeSchema, doc), null, 2)}\n`;
}
