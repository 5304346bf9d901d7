/** Nothing selected: the workflow itself — name, description, the task profile and the scenarios. */
import { makeId, type Scenario, type Workflow } from '../../domain/index.ts';
import { Field } from './field-controls.tsx';
import { PROFILE_FIELDS } from './field-labels.ts';
import { Group } from './inspector-layout.tsx';
import { ScopeProvider, useWorkflowScope } from './inspector-scope.tsx';
import { ScenarioEditor } from './ScenarioEditor.tsx';

/** A new scenario: a modest, quick run at a steady arrival rate; the person raises it when they need to. */
function newScenario(existing: readonly Scenario[]): Scenario {
  return {
    id: makeId('s', new Set(existing.map((s) => s.id))),
    name: `Scenario ${existing.length + 1}`,
    seed: 42,
    cases: 1000,
    replications: 10,
    arrival: { type: 'poisson', perHour: 60 },
  };
}

export function WorkflowInspector({ doc }: { doc: Workflow }) {
  const scope = useWorkflowScope(doc);
  const scenarios = doc.scenarios ?? [];
  return (
    <ScopeProvider scope={scope}>
      <p className="inspector-kind">
        <span className="inspector-kind__name">Workflow</span> <code>{doc.id}</code>
      </p>
      <Field path={['name']} label="Name" />
      <Field path={['description']} label="Description" />
      <Group title="Profile">
        <p className="field__help">The task this workflow automates. The analyzer judges over-engineering against it; leave a field empty if you don&apos;t know.</p>
        {PROFILE_FIELDS.map((f) => (
          <Field key={f.key} path={['profile', f.key]} label={f.label} help={f.help} />
        ))}
      </Group>
      <Group title="Scenarios">
        {scenarios.length === 0 && <p className="muted">No scenarios: a simulation run uses its own settings.</p>}
        {scenarios.map((s, i) => (
          <ScenarioEditor
            key={s.id}
            index={i}
            scenario={s}
            onRemove={() => scope.commit(['scenarios'], scenarios.length > 1 ? scenarios.filter((_, j) => j !== i) : undefined, 'step')}
          />
        ))}
        <button type="button" className="inspector-add" onClick={() => scope.commit(['scenarios'], [...scenarios, newScenario(scenarios)], 'step')}>
          Add scenario
        </button>
      </Group>
    </ScopeProvider>
  );
}
