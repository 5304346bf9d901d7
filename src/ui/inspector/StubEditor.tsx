/**
 * The "Simulation stub" section: how the node behaves in a dry run. Laid out from the stub schema of the
 * node's kind, in the schema's order: distributions get the distribution editor, outcome tables the table,
 * everything else a plain field. A node without a stub gets "Add stub" (the defaults a new node has).
 */
import { confidenceSchema, createNode, distributionSchema, usesDefaultRates, type Distribution, type WorkflowNode } from '../../domain/index.ts';
import { DistributionEditor } from './DistributionEditor.tsx';
import type { DistributionUnit } from './distribution-math.ts';
import { Field } from './field-controls.tsx';
import { SAMPLE_AUDIT_STUB_HELP, STUB_HELP, STUB_LABELS, labelFor } from './field-labels.ts';
import { AbsentSection, Group, RemoveButton } from './inspector-layout.tsx';
import { OutcomeTable } from './OutcomeTable.tsx';
import { RepeatTable } from './RepeatTable.tsx';
import { useScope } from './inspector-scope.tsx';
import { getIn } from './path-data.ts';
import { isSchemaAt, keysAt } from './schema-fields.ts';

/** What an optional distribution starts as when added: typical prompt and answer sizes. */
const NEW_DISTRIBUTION: Readonly<Record<string, Distribution>> = {
  inputTokens: { type: 'lognormal', median: 800, p95: 3000 },
  outputTokens: { type: 'lognormal', median: 200, p95: 800 },
};

function unitOf(key: string): DistributionUnit {
  return key.endsWith('Tokens') ? 'count' : 'seconds';
}

export function StubEditor({ node }: { node: WorkflowNode }) {
  const scope = useScope();
  const stub = getIn(node, ['stub']);
  if (stub === undefined) {
    const defaults = getIn(createNode(node.kind, { id: node.id, position: node.position }), ['stub']);
    return (
      <AbsentSection
        title="Simulation stub"
        note={
          defaults === undefined
            ? 'No stub: the simulator cannot run this node.'
            : `No stub: the simulator and the estimates use a typical step’s figures (the ones “Add stub” fills in, to see and change)${usesDefaultRates(node) ? ', and reliability warnings wait until some step states its own failure rates' : ''}.`
        }
        addLabel="Add stub"
        disabled={defaults === undefined}
        onAdd={() => scope.commit(['stub'], defaults, 'step')}
      />
    );
  }
  return (
    <Group title="Simulation stub" actions={<RemoveButton what="stub" onRemove={() => scope.commit(['stub'], undefined, 'step')} />}>
      {keysAt(scope.schema, node, ['stub']).map((key) => {
        const path = ['stub', key];
        const label = labelFor(STUB_LABELS, key);
        const present = getIn(node, path) !== undefined;
        // A human gate's table is what reviewers decide about CORRECT items; wrong ones go by the detection rate.
        if (key === 'outcomes') return <OutcomeTable key={key} path={path} title={node.kind === 'human' ? 'Decisions on correct items' : label} />;
        if (key === 'repeatOnRetry' && (node.kind === 'ai' || node.kind === 'tool')) return <RepeatTable key={key} path={path} kind={node.kind} />;
        if (isSchemaAt(scope.schema, node, path, confidenceSchema)) {
          return present ? (
            <Group key={key} title={label} level={4} actions={<RemoveButton what={label.toLowerCase()} onRemove={() => scope.commit(path, undefined, 'step')} />}>
              <DistributionEditor path={[...path, 'correct']} title="When correct" unit="probability" />
              <DistributionEditor path={[...path, 'wrong']} title="When wrong" unit="probability" />
            </Group>
          ) : (
            <AddButton key={key} name={label} onClick={() => scope.commit(path, getIn(createNode('ai', { id: node.id, position: node.position }), path), 'step')} />
          );
        }
        if (isSchemaAt(scope.schema, node, path, distributionSchema)) {
          if (!present) return <AddButton key={key} name={label} onClick={() => scope.commit(path, NEW_DISTRIBUTION[key] ?? { type: 'fixed', value: 1 }, 'step')} />;
          const optional = key in NEW_DISTRIBUTION;
          return <DistributionEditor key={key} path={path} title={label} unit={unitOf(key)} {...(optional ? { onRemove: () => scope.commit(path, undefined, 'step') } : {})} />;
        }
        const help = (node.kind === 'check' && node.config.type === 'sample-audit' ? SAMPLE_AUDIT_STUB_HELP[key] : undefined) ?? STUB_HELP[key];
        return <Field key={key} path={path} label={label} {...(help ? { help } : {})} />;
      })}
    </Group>
  );
}

function AddButton({ name, onClick }: { name: string; onClick: () => void }) {
  return (
    <button type="button" className="inspector-add" onClick={onClick}>
      Add {name.toLowerCase()}
    </button>
  );
}
