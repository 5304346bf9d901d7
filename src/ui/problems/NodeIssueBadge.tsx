/**
 * A node's worst finding, as a coloured count in its header. Reads primitives by node id, so a new analysis
 * re-renders only the badges whose verdict changed and never touches React Flow's node objects.
 */
import { selectNodeFindingCount, selectNodeWorstMessage, selectNodeWorstSeverity } from '../../store/analysis.ts';
import { useEditorStore } from '../editor-context.tsx';

export function NodeIssueBadge({ nodeId }: { nodeId: string }) {
  const severity = useEditorStore((s) => selectNodeWorstSeverity(s, nodeId));
  const count = useEditorStore((s) => selectNodeFindingCount(s, nodeId));
  const message = useEditorStore((s) => selectNodeWorstMessage(s, nodeId));
  if (severity === null) return null;
  const more = count > 1 ? ` (${count} findings in all)` : '';
  return (
    <span className={`wf-issue wf-issue--${severity}`} role="img" aria-label={`${severity} finding`} title={`${message ?? ''}${more}`} data-severity={severity}>
      {count}
    </span>
  );
}
