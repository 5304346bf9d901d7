/**
 * The "Failure policy" section: timeouts, the ordered retriers (first match wins, so order matters and can
 * be changed), catchers and the circuit breaker. Which parts exist comes from the policy schema of the
 * node's kind: a human gate's policy holds timeouts only.
 */
import type { ReactNode } from 'react';
import { DEFAULT_TRANSIENT_RETRY, createNode, outputPorts, type CircuitBreaker, type WorkflowNode } from '../../domain/index.ts';
import { ErrorMatcherSet } from './ErrorMatcherSet.tsx';
import { CheckboxControl, Field, SelectControl } from './field-controls.tsx';
import { OPTION_LABELS } from './field-labels.ts';
import { AbsentSection, Group, ItemControls, RemoveButton } from './inspector-layout.tsx';
import { useScope } from './inspector-scope.tsx';
import { getIn, moveItem, pathKey, type FieldPath } from './path-data.ts';
import { keysAt } from './schema-fields.ts';

const DEFAULT_BREAKER: CircuitBreaker = { failureRateThreshold: 0.5, windowSize: 20, minimumCalls: 10, openSeconds: 60 };

function listAt(value: unknown, path: FieldPath): readonly unknown[] {
  const v = getIn(value, path);
  return Array.isArray(v) ? v : [];
}

export function PolicyEditor({ node }: { node: WorkflowNode }) {
  const scope = useScope();
  if (getIn(node, ['policy']) === undefined) {
    // Human gates have no default policy; an empty one (timeouts to fill in) is the natural start.
    const defaults = getIn(createNode(node.kind, { id: node.id, position: node.position }), ['policy']) ?? { timeouts: {} };
    return <AbsentSection title="Failure policy" note={node.kind === 'human' ? 'No policy: a case waits for a reviewer as long as it takes.' : 'No policy: every error fails the case at this node.'} addLabel="Add policy" onAdd={() => scope.commit(['policy'], defaults, 'step')} />;
  }
  const parts = new Set(keysAt(scope.schema, node, ['policy']));
  return (
    <Group title="Failure policy" actions={<RemoveButton what="policy" onRemove={() => scope.commit(['policy'], undefined, 'step')} />}>
      {parts.has('timeouts') && (
        <Group title="Timeouts" level={4}>
          <Field path={['policy', 'timeouts', 'startToCloseSeconds']} label="Timeout per try (s)" />
          <Field path={['policy', 'timeouts', 'scheduleToCloseSeconds']} label="Timeout for all tries (s)" help="The whole step, every try and backoff included." />
        </Group>
      )}
      {parts.has('retry') && <Retriers />}
      {parts.has('catch') && <Catchers ports={outputPorts(node.kind)} />}
      {parts.has('circuitBreaker') && <Breaker />}
    </Group>
  );
}

interface PolicyListProps {
  readonly path: FieldPath;
  readonly title: string;
  /** "retrier": names the items ("Retrier 2") and their buttons ("Move retrier 2 up", "Add retrier"). */
  readonly noun: string;
  readonly newItem: unknown;
  readonly children: (at: FieldPath) => ReactNode;
}

/** An ordered policy list (retriers, catchers): add, remove, move; an emptied list is removed, not kept as []. */
function PolicyList({ path, title, noun, newItem, children }: PolicyListProps) {
  const scope = useScope();
  const items = listAt(scope.value, path);
  const set = (next: readonly unknown[]): void => scope.commit(path, next.length ? next : undefined, 'step');
  const remove = (index: number): void => set(items.filter((_, i) => i !== index));
  const move = (from: number, to: number): void => set(moveItem(items, from, to));
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <Group title={title} level={4}>
      {items.map((_, i) => (
        <Group key={i} title={`${Noun} ${i + 1}`} level={5} actions={<ItemControls name={`${noun} ${i + 1}`} index={i} count={items.length} onMove={move} onRemove={remove} />}>
          {children([...path, i])}
        </Group>
      ))}
      <button type="button" className="inspector-add" onClick={() => set([...items, newItem])}>
        Add {noun}
      </button>
    </Group>
  );
}

function Retriers() {
  return (
    <PolicyList path={['policy', 'retry']} title="Retry (first matching retrier wins)" noun="retrier" newItem={DEFAULT_TRANSIENT_RETRY}>
      {(at) => (
        <>
          <ErrorMatcherSet path={[...at, 'errorEquals']} legend="Retry on errors" />
          <div className="inspector-params">
            <Field path={[...at, 'maximumAttempts']} label="Max attempts (all tries)" help="1 means no retry." />
            <Field path={[...at, 'initialIntervalSeconds']} label="First retry after (s)" />
            <Field path={[...at, 'backoffCoefficient']} label="Backoff multiplier" />
            <Field path={[...at, 'maximumIntervalSeconds']} label="Longest wait (s)" />
          </div>
          <Field path={[...at, 'jitter']} label="Jitter" optionLabels={OPTION_LABELS} />
          <Field path={[...at, 'honorRetryAfter']} label="Honor Retry-After" />
        </>
      )}
    </PolicyList>
  );
}

function Catchers({ ports }: { ports: readonly string[] }) {
  const scope = useScope();
  const newCatcher = { errorEquals: ['ALL'], port: ports.includes('error') ? 'error' : (ports[0] ?? 'out') };
  return (
    <PolicyList path={['policy', 'catch']} title="Catch (route errors to a port)" noun="catcher" newItem={newCatcher}>
      {(at) => {
        const port = getIn(scope.value, [...at, 'port']);
        return (
          <>
            <ErrorMatcherSet path={[...at, 'errorEquals']} legend="Catch errors" />
            <SelectControl
              label="Leave by port"
              value={typeof port === 'string' ? port : undefined}
              options={ports}
              errors={scope.issues.get(pathKey([...at, 'port']))}
              onCommit={(p) => scope.commit([...at, 'port'], p, 'step')}
            />
          </>
        );
      }}
    </PolicyList>
  );
}

function Breaker() {
  const scope = useScope();
  const path = ['policy', 'circuitBreaker'];
  const on = getIn(scope.value, path) !== undefined;
  return (
    <Group title="Circuit breaker" level={4}>
      <CheckboxControl
        label="Circuit breaker on"
        help="While open, calls fail at once with a communication error, for every case."
        value={on}
        onCommit={(next) => scope.commit(path, next ? DEFAULT_BREAKER : undefined, 'step')}
      />
      {on && (
        <>
          <Field path={[...path, 'failureRateThreshold']} label="Opens at failure rate (0–1)" />
          <Field path={[...path, 'windowSize']} label="Window (calls)" />
          <Field path={[...path, 'minimumCalls']} label="Minimum calls before opening" />
          <Field path={[...path, 'openSeconds']} label="Stays open for (s)" />
        </>
      )}
    </Group>
  );
}
