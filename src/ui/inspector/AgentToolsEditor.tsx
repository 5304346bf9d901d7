/**
 * An AI step's tools (config.tools): what an agent may decide to call, and what each can change in the world.
 * Each tool is a group of fields from the schema (name, type, side effect, description), removable; "Add tool"
 * appends a read-only one to fill in. An emptied list is removed rather than kept as [].
 */
import type { WorkflowNode } from '../../domain/index.ts';
import { Field } from './field-controls.tsx';
import { OPTION_LABELS } from './field-labels.ts';
import { Group, ItemControls } from './inspector-layout.tsx';
import { useScope } from './inspector-scope.tsx';
import { getIn } from './path-data.ts';

const PATH = ['config', 'tools'];

export function AgentToolsEditor({ node }: { node: WorkflowNode }) {
  const scope = useScope();
  if (node.kind !== 'ai') return null;
  const raw = getIn(scope.value, PATH);
  const tools = Array.isArray(raw) ? raw : [];
  const set = (next: readonly unknown[]): void => scope.commit(PATH, next.length ? next : undefined, 'step');
  return (
    <Group title="Tools it may call">
      {tools.length === 0 && <p className="muted">None declared: the analyzer assumes this step calls nothing.</p>}
      {tools.map((_, i) => (
        <Group key={i} title={`Tool ${i + 1}`} level={4} actions={<ItemControls name={`tool ${i + 1}`} index={i} count={tools.length} onRemove={(k) => set(tools.filter((_, j) => j !== k))} />}>
          <Field path={[...PATH, i, 'name']} label="Name" />
          <Field path={[...PATH, i, 'type']} label="Type" />
          <Field path={[...PATH, i, 'sideEffect']} label="Side effect" optionLabels={OPTION_LABELS} />
          <Field path={[...PATH, i, 'description']} label="Description" />
        </Group>
      ))}
      <button type="button" className="inspector-add" onClick={() => set([...tools, { name: `Tool ${tools.length + 1}`, sideEffect: 'none' }])}>
        Add tool
      </button>
    </Group>
  );
}
