/**
 * An outcome table (probabilities that must sum to 1): the outcomes it states, a live "sums to X" line that
 * carries the schema's message when it is off, and a select to add an outcome the table does not state yet.
 */
import { useId, useState } from 'react';
import { defaultAbsorber, rebalance } from './outcome-balance.ts';
import { NumberControl, SelectControl } from './field-controls.tsx';
import { OUTCOME_LABELS } from './field-labels.ts';
import { Group } from './inspector-layout.tsx';
import { useScope } from './inspector-scope.tsx';
import { getIn, isRecord, pathKey, type FieldPath } from './path-data.ts';
import { keysAt } from './schema-fields.ts';

export function OutcomeTable({ path, title }: { path: FieldPath; title: string }) {
  const scope = useScope();
  const sumId = useId();
  const table = getIn(scope.value, path);
  const entries = isRecord(table) ? Object.entries(table).filter(([, v]) => typeof v === 'number') : [];
  const stated = new Set(entries.map(([k]) => k));
  const absent = keysAt(scope.schema, scope.value, path).filter((k) => !stated.has(k));
  const sum = entries.reduce((acc, [, v]) => acc + (typeof v === 'number' ? v : 0), 0);
  const issues = scope.issues.get(pathKey(path)) ?? [];
  const keys = entries.map(([k]) => k);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const absorber = picked !== undefined && keys.includes(picked) ? picked : defaultAbsorber(keys);
  const numbers = Object.fromEntries(entries.map(([k, v]) => [k, typeof v === 'number' ? v : 0]));
  return (
    <Group title={title} level={4}>
      <div role="group" aria-label={`${title} probabilities`} aria-describedby={sumId} className="inspector-outcomes">
        {entries.map(([k, v]) => (
          <div key={k} className="inspector-outcome">
            {/* Not optional here: emptying the field must not delete the row being typed in; × removes it. */}
            <NumberControl
              label={`P(${OUTCOME_LABELS[k] ?? k})`}
              value={typeof v === 'number' ? v : undefined}
              errors={scope.issues.get(pathKey([...path, k]))}
              // The table keeps summing to 1: the absorber takes up the difference (one undo entry per typing run).
              // Out of range (1.3) is kept as typed so the field says why it is wrong; nothing is moved for it.
              onCommit={(p) => (p !== undefined && p >= 0 && p <= 1 ? scope.commit(path, rebalance(numbers, k, p, absorber)) : scope.commit([...path, k], p))}
            />
            <button type="button" aria-label={`Remove outcome ${k}`} onClick={() => scope.commit([...path, k], undefined, 'step')}>
              ×
            </button>
          </div>
        ))}
      </div>
      <p id={sumId} className={`inspector-sum${issues.length ? ' inspector-sum--invalid' : ''}`} aria-live="polite">
        Sums to {Number(sum.toFixed(6))}
        {issues.length > 0 && <span className="field__error"> — {issues.join('. ')}</span>}
      </p>
      {keys.length > 2 && absorber !== undefined && (
        <SelectControl
          label="The rest goes to"
          value={absorber}
          options={keys.map((k) => ({ value: k, label: OUTCOME_LABELS[k] ?? k }))}
          onCommit={(k) => k && setPicked(k)}
        />
      )}
      {absent.length > 0 && (
        <SelectControl
          label="Add outcome"
          value={undefined}
          placeholder="choose an outcome…"
          options={absent.map((k) => ({ value: k, label: OUTCOME_LABELS[k] ?? k }))}
          onCommit={(k) => k && scope.commit([...path, k], 0, 'step')}
        />
      )}
    </Group>
  );
}
