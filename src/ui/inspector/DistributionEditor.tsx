/**
 * A distribution: its type (switching converts and keeps the mean), its parameters (from the schema of the
 * chosen type), a summary line and a small density preview.
 */
import { DISTRIBUTION_TYPES, distributionSchema, type Distribution } from '../../domain/index.ts';
import { convertDistribution, densityPath, distributionSummary, type DistributionUnit } from './distribution-math.ts';
import { Field, SelectControl } from './field-controls.tsx';
import { Group, RemoveButton } from './inspector-layout.tsx';
import { useScope } from './inspector-scope.tsx';
import { getIn, type FieldPath } from './path-data.ts';
import { keysAt } from './schema-fields.ts';
import { structuralGuard } from './schema-issues.ts';

const isDistribution = structuralGuard(distributionSchema);

const PARAM_LABELS: Readonly<Record<string, string>> = {
  value: 'Value',
  min: 'Min',
  max: 'Max',
  mean: 'Mean',
  sd: 'Standard deviation',
  median: 'Median',
  p95: '95th percentile',
  mode: 'Most likely',
  alpha: 'Alpha',
  beta: 'Beta',
};

/** Parameters measured in the distribution's unit; alpha and beta are shape numbers whatever the unit. */
const UNITLESS = new Set(['alpha', 'beta']);
const UNIT_SUFFIX: Readonly<Record<DistributionUnit, string>> = { seconds: ' (s)', count: '', probability: '' };

const TYPE_LABELS: Readonly<Record<string, string>> = {
  fixed: 'Fixed',
  uniform: 'Uniform',
  normal: 'Normal',
  lognormal: 'Lognormal (median, p95)',
  exponential: 'Exponential',
  triangular: 'Triangular',
  beta: 'Beta (0–1)',
};

const PREVIEW = { width: 120, height: 28 } as const;

interface Props {
  readonly path: FieldPath;
  readonly title: string;
  readonly unit: DistributionUnit;
  readonly onRemove?: () => void;
}

export function DistributionEditor({ path, title, unit, onRemove }: Props) {
  const scope = useScope();
  const value = getIn(scope.value, path);
  if (!isDistribution(value)) return null;
  const params = keysAt(scope.schema, scope.value, path).filter((k) => k !== 'type');
  const actions = onRemove && <RemoveButton what={title.toLowerCase()} onRemove={onRemove} />;
  return (
    <Group title={title} level={4} actions={actions}>
      <SelectControl
        label={`${title} distribution`}
        value={value.type}
        options={DISTRIBUTION_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] ?? t }))}
        onCommit={(t) => {
          const type = DISTRIBUTION_TYPES.find((x) => x === t);
          if (type) scope.commit(path, convertDistribution(value, type), 'step');
        }}
      />
      <div className="inspector-params">
        {params.map((k) => (
          <Field key={k} path={[...path, k]} label={`${PARAM_LABELS[k] ?? k}${UNITLESS.has(k) ? '' : UNIT_SUFFIX[unit]}`} />
        ))}
      </div>
      <DistributionPreview value={value} unit={unit} title={title} />
    </Group>
  );
}

function DistributionPreview({ value, unit, title }: { value: Distribution; unit: DistributionUnit; title: string }) {
  // Out-of-range parameters (p95 below the median...) have no meaningful shape; the field says what to fix.
  if (!distributionSchema.safeParse(value).success) return <p className="inspector-summary muted">Fix the parameters to see the shape.</p>;
  const summary = distributionSummary(value, unit);
  const path = densityPath(value, PREVIEW.width, PREVIEW.height);
  return (
    <div className="inspector-summary">
      {path && (
        <svg className="inspector-sparkline" viewBox={`0 0 ${PREVIEW.width} ${PREVIEW.height}`} width={PREVIEW.width} height={PREVIEW.height} role="img" aria-label={`Shape of ${title.toLowerCase()}`}>
          <path d={path} />
        </svg>
      )}
      <output aria-label={`${title} summary`}>{summary}</output>
    </div>
  );
}
