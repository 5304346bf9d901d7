/**
 * One scenario: run size, arrivals, injected faults and the hypothesis the run must confirm. Faults and
 * hypothesis lines are lists; arrival and fault target are unions, switched by a type select that builds a
 * sensible value of the new type.
 */
import type { ReactNode } from 'react';
import { AI_CAPABILITIES, ERROR_TYPES, NODE_KINDS, type Arrival, type Fault, type FaultTarget, type Hypothesis, type Scenario } from '../../domain/index.ts';
import { selectNodesIgnoringMoves } from '../../store/selectors.ts';
import { useEditorStore } from '../editor-context.tsx';
import { CheckboxControl, Field, SelectControl } from './field-controls.tsx';
import { Group, ItemControls } from './inspector-layout.tsx';
import { useScope } from './inspector-scope.tsx';
import { pathKey, type FieldPath } from './path-data.ts';

const ARRIVALS: Readonly<Record<Arrival['type'], Arrival>> = {
  poisson: { type: 'poisson', perHour: 60 },
  fixed: { type: 'fixed', everySeconds: 60 },
};
const NEW_FAULT: Fault = { target: { kind: 'ai' }, error: 'rate_limited', probability: 0.3 };
const NEW_HYPOTHESIS: Hypothesis = { metric: 'successRate', op: '>=', value: 0.95 };
type TargetBy = 'node' | 'kind' | 'capability';

interface Props {
  readonly index: number;
  readonly scenario: Scenario;
  readonly onRemove: () => void;
}

export function ScenarioEditor({ index, scenario, onRemove }: Props) {
  const scope = useScope();
  const at: FieldPath = ['scenarios', index];
  const arrivalPath = [...at, 'arrival'];
  const faults = scenario.faults ?? [];
  const hypothesis = scenario.hypothesis ?? [];
  const setList = (key: 'faults' | 'hypothesis', next: readonly unknown[]): void => scope.commit([...at, key], next.length ? next : undefined, 'step');
  return (
    <Group title={`Scenario: ${scenario.name || scenario.id}`} level={4} actions={<ItemControls name={`scenario ${scenario.name || index + 1}`} index={index} count={1} onRemove={onRemove} />}>
      <Field path={[...at, 'name']} label="Scenario name" />
      <div className="inspector-params">
        <Field path={[...at, 'seed']} label="Seed" />
        <Field path={[...at, 'cases']} label="Cases per replication" />
        <Field path={[...at, 'replications']} label="Replications" />
      </div>
      <SelectControl
        label="Arrivals"
        value={scenario.arrival?.type}
        optional
        options={[
          { value: 'poisson', label: 'random (Poisson)' },
          { value: 'fixed', label: 'fixed interval' },
        ]}
        onCommit={(t) => scope.commit(arrivalPath, t === 'poisson' || t === 'fixed' ? ARRIVALS[t] : undefined, 'step')}
      />
      {scenario.arrival?.type === 'poisson' && <Field path={[...arrivalPath, 'perHour']} label="Cases per hour" />}
      {scenario.arrival?.type === 'fixed' && <Field path={[...arrivalPath, 'everySeconds']} label="One case every (s)" />}

      <Group title="Faults" level={5}>
        {faults.map((f, i) => (
          <FaultEditor key={i} path={[...at, 'faults', i]} index={i} fault={f} controls={<ItemControls name={`fault ${i + 1}`} index={i} count={faults.length} onRemove={(j) => setList('faults', faults.filter((_, k) => k !== j))} />} />
        ))}
        <button type="button" className="inspector-add" onClick={() => setList('faults', [...faults, NEW_FAULT])}>
          Add fault
        </button>
      </Group>

      <Group title="Hypothesis" level={5}>
        {hypothesis.map((_, i) => (
          <div key={i} className="inspector-line" role="group" aria-label={`Hypothesis ${i + 1}`}>
            <Field path={[...at, 'hypothesis', i, 'metric']} label="Metric" />
            <Field path={[...at, 'hypothesis', i, 'op']} label="Operator" />
            <Field path={[...at, 'hypothesis', i, 'value']} label="Value" />
            <ItemControls name={`hypothesis ${i + 1}`} index={i} count={hypothesis.length} onRemove={(j) => setList('hypothesis', hypothesis.filter((_, k) => k !== j))} />
          </div>
        ))}
        <button type="button" className="inspector-add" onClick={() => setList('hypothesis', [...hypothesis, NEW_HYPOTHESIS])}>
          Add hypothesis
        </button>
      </Group>
    </Group>
  );
}

function targetBy(t: FaultTarget): TargetBy {
  return 'node' in t ? 'node' : 'kind' in t ? 'kind' : 'capability';
}

function FaultEditor({ path, index, fault, controls }: { path: FieldPath; index: number; fault: Fault; controls: ReactNode }) {
  const scope = useScope();
  const nodes = useEditorStore(selectNodesIgnoringMoves);
  const by = targetBy(fault.target);
  const targetPath = [...path, 'target'];
  const choices: Readonly<Record<TargetBy, readonly { value: string; label: string }[]>> = {
    node: nodes.filter((n) => n.kind !== 'note').map((n) => ({ value: n.id, label: n.label || n.id })),
    kind: NODE_KINDS.map((k) => ({ value: k, label: k })),
    capability: AI_CAPABILITIES.map((c) => ({ value: c, label: c })),
  };
  const current = 'node' in fault.target ? fault.target.node : 'kind' in fault.target ? fault.target.kind : fault.target.capability;
  const firstOf = (b: TargetBy): string => choices[b][0]?.value ?? '';
  return (
    <Group title={`Fault ${index + 1}`} level={5} actions={controls}>
      <div className="inspector-params">
        <SelectControl
          label="Target by"
          value={by}
          options={['node', 'kind', 'capability']}
          onCommit={(b) => b && b !== by && (b === 'node' || b === 'kind' || b === 'capability') && scope.commit(targetPath, { [b]: firstOf(b) }, 'step')}
        />
        <SelectControl
          label="Target"
          value={current}
          options={choices[by]}
          errors={scope.issues.get(pathKey(targetPath)) ?? scope.issues.get(pathKey([...targetPath, by]))}
          onCommit={(v) => v && scope.commit([...targetPath, by], v, 'step')}
        />
      </div>
      <SelectControl label="Error" value={fault.error} optional options={ERROR_TYPES} errors={scope.issues.get(pathKey(path))} onCommit={(e) => scope.commit([...path, 'error'], e, 'step')} />
      <div className="inspector-params">
        <Field path={[...path, 'probability']} label="Probability (0–1)" />
        <Field path={[...path, 'latencyMultiplier']} label="Latency ×" />
        <Field path={[...path, 'afterCalls']} label="After calls" />
      </div>
      <CheckboxControl
        label="Only in a time window"
        value={fault.window !== undefined}
        onCommit={(on) => scope.commit([...path, 'window'], on ? { startSeconds: 0, durationSeconds: 600 } : undefined, 'step')}
      />
      {fault.window && (
        <div className="inspector-params">
          <Field path={[...path, 'window', 'startSeconds']} label="Window start (s)" />
          <Field path={[...path, 'window', 'durationSeconds']} label="Window length (s)" />
        </div>
      )}
    </Group>
  );
}
