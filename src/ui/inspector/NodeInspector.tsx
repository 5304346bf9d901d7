/** The selected node: its name, its config (laid out from the config schema of its kind), stub and policy. */
import { KIND_LABELS, type WorkflowNode } from '../../domain/index.ts';
import { AgentToolsEditor } from './AgentToolsEditor.tsx';
import { Field } from './field-controls.tsx';
import { CONFIG_HELP, CONFIG_LABELS, OPTION_LABELS, labelFor } from './field-labels.ts';
import { Group } from './inspector-layout.tsx';
import { ScopeProvider, useNodeScope } from './inspector-scope.tsx';
import { PolicyEditor } from './PolicyEditor.tsx';
import { declares, keysAt } from './schema-fields.ts';
import { StubEditor } from './StubEditor.tsx';
import { countIssuesUnder } from './schema-issues.ts';
import { configFieldApplies, suggestedOutcome } from './field-applies.ts';

export function NodeInspector({ node }: { node: WorkflowNode }) {
  const scope = useNodeScope(node);
  const problems = countIssuesUnder(scope.issues, []);
  const suggestion = suggestedOutcome(node);
  return (
    <ScopeProvider scope={scope}>
      <p className="inspector-kind">
        <span className={`inspector-kind__name inspector-kind--${node.kind}`}>{KIND_LABELS[node.kind]}</span> <code>{node.id}</code>
        {problems > 0 && (
          <span className="inspector-badge" role="status">
            {problems} invalid {problems === 1 ? 'field' : 'fields'}
          </span>
        )}
      </p>
      <Field path={['label']} label="Label" />
      <Field path={['description']} label="Description" />
      <Group title="Config">
        {keysAt(scope.schema, node, ['config'])
          .filter((key) => configFieldApplies(node, key))
          .map((key) => (
            <Field key={key} path={['config', key]} label={labelFor(CONFIG_LABELS, key)} help={CONFIG_HELP[key]} optionLabels={OPTION_LABELS} />
          ))}
        {suggestion && (
          <p className="inspector-suggest" role="note">
            “{node.label}” sounds like a {suggestion} outcome, but this output counts as {node.kind === 'output' ? node.config.outcome : ''}.{' '}
            <button type="button" onClick={() => scope.commit(['config', 'outcome'], suggestion, 'step')}>
              Count it as {suggestion}
            </button>
          </p>
        )}
      </Group>
      <AgentToolsEditor node={node} />
      {declares(scope.schema, node, [], 'stub') && <StubEditor node={node} />}
      {declares(scope.schema, node, [], 'policy') && <PolicyEditor node={node} />}
    </ScopeProvider>
  );
}
