/**
 * The selected edge: label, where it comes from (read-only: re-wiring is done on the canvas), its condition,
 * probability and default flag. A condition tests a built-in field or a case attribute against a value that
 * may be a number, a text or a yes/no; the value's type is chosen explicitly so "0.8" and 0.8 never mix.
 */
import { BUILTIN_CONDITION_FIELDS, type Condition, type WorkflowEdge } from '../../domain/index.ts';
import { CheckboxControl, Field, NumberControl, SelectControl, TextControl } from './field-controls.tsx';
import { AbsentSection, Group, RemoveButton } from './inspector-layout.tsx';
import { ScopeProvider, useEdgeScope, useScope } from './inspector-scope.tsx';
import { pathKey } from './path-data.ts';
import { useEditorStore } from '../editor-context.tsx';
import { selectNodesIgnoringMoves } from '../../store/selectors.ts';

const CUSTOM = '__attribute__';
const NEW_CONDITION: Condition = { field: 'confidence', op: '>=', value: 0.8 };
type ValueType = 'number' | 'string' | 'boolean';
const VALUE_TYPES = [
  { value: 'number', label: 'number' },
  { value: 'string', label: 'text' },
  { value: 'boolean', label: 'yes / no' },
] as const;

function isBuiltin(field: string): boolean {
  return BUILTIN_CONDITION_FIELDS.some((f) => f === field);
}

/** The value converted to another type, keeping what can be kept ("3" -> 3, anything -> "3" as text). */
function convertValue(value: Condition['value'], to: ValueType): Condition['value'] {
  if (to === 'string') return String(value);
  if (to === 'boolean') return value === true || value === 'true';
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) && typeof value !== 'boolean' ? n : 0;
}

export function EdgeInspector({ edge }: { edge: WorkflowEdge }) {
  const scope = useEdgeScope(edge);
  const nodes = useEditorStore(selectNodesIgnoringMoves);
  const name = (id: string): string => nodes.find((n) => n.id === id)?.label || id;
  return (
    <ScopeProvider scope={scope}>
      <p className="inspector-kind">
        <span className="inspector-kind__name">Edge</span> <code>{edge.id}</code>
      </p>
      <p className="muted">
        From <strong>{name(edge.source)}</strong> to <strong>{name(edge.target)}</strong>
      </p>
      <Field path={['label']} label="Label" />
      <TextControl label="Source port" value={edge.sourcePort} readOnly onCommit={() => undefined} help="Re-connect the edge on the canvas to change it." />
      <ConditionEditor condition={edge.condition} />
      <Group title="Routing">
        <Field path={['probability']} label="Probability (branch weight, 0–1)" help="Out of an exclusive router, branches with only a probability split cases by weight." />
        <Field path={['isDefault']} label="Default branch (takes the rest)" />
      </Group>
    </ScopeProvider>
  );
}

function ConditionEditor({ condition }: { condition: Condition | undefined }) {
  const scope = useScope();
  if (!condition) {
    return <AbsentSection title="Condition" note="No condition: the branch is taken by weight or as the default." addLabel="Add condition" onAdd={() => scope.commit(['condition'], NEW_CONDITION, 'step')} />;
  }
  const custom = !isBuiltin(condition.field);
  const valueType: ValueType = typeof condition.value === 'number' ? 'number' : typeof condition.value === 'boolean' ? 'boolean' : 'string';
  const valuePath = ['condition', 'value'];
  const valueErrors = scope.issues.get(pathKey(valuePath));
  return (
    <Group title="Condition" actions={<RemoveButton what="condition" onRemove={() => scope.commit(['condition'], undefined, 'step')} />}>
      <SelectControl
        label="Field"
        value={custom ? CUSTOM : condition.field}
        options={[...BUILTIN_CONDITION_FIELDS, { value: CUSTOM, label: 'case attribute…' }]}
        onCommit={(f) => {
          // Built-in fields are numbers; switching to one makes the value a number too.
          if (f === CUSTOM) scope.commit(['condition', 'field'], custom ? condition.field : 'attribute', 'step');
          else if (f) scope.commit(['condition'], { ...condition, field: f, value: convertValue(condition.value, 'number') }, 'step');
        }}
      />
      {custom && <Field path={['condition', 'field']} label="Attribute name" />}
      <Field path={['condition', 'op']} label="Operator" />
      <SelectControl
        label="Value type"
        value={valueType}
        options={VALUE_TYPES}
        onCommit={(t) => {
          const type = VALUE_TYPES.find((v) => v.value === t)?.value;
          if (type) scope.commit(valuePath, convertValue(condition.value, type), 'step');
        }}
      />
      {typeof condition.value === 'number' && (
        <NumberControl label="Value" value={condition.value} errors={valueErrors} onCommit={(v) => v !== undefined && scope.commit(valuePath, v)} />
      )}
      {typeof condition.value === 'string' && <TextControl label="Value" value={condition.value} errors={valueErrors} onCommit={(v) => scope.commit(valuePath, v ?? '')} />}
      {typeof condition.value === 'boolean' && <CheckboxControl label="Value (yes)" value={condition.value} onCommit={(v) => scope.commit(valuePath, v === true)} />}
    </Group>
  );
}
