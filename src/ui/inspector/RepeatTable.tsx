/**
 * "Retries repeat": per error type, how likely a retry fails with the same error as the try before (the stub's
 * `repeatOnRetry`). Only the errors the person states are listed; every other error shows nothing and keeps its
 * default, which the help line and each row's placeholder say.
 */
import { ERROR_TYPES, type ErrorType } from '../../domain/index.ts';
import { DEFAULT_REPEAT, type TryingKind } from '../../domain/semantics/index.ts';
import { NumberControl, SelectControl } from './field-controls.tsx';
import { Group } from './inspector-layout.tsx';
import { useScope } from './inspector-scope.tsx';
import { getIn, isRecord, pathKey, type FieldPath } from './path-data.ts';

const isErrorType = (k: string): k is ErrorType => (ERROR_TYPES as readonly string[]).includes(k);

/**
 * The defaults in words, grouped by value; the largest group is "everything else".
 * @example defaultsText(DEFAULT_REPEAT.tool) // "timeout, rate_limited, communication 0; everything else 1"
 */
export function defaultsText(defaults: Readonly<Record<ErrorType, number>>): string {
  const groups = new Map<number, ErrorType[]>();
  for (const e of ERROR_TYPES) groups.set(defaults[e], [...(groups.get(defaults[e]) ?? []), e]);
  const sorted = [...groups].sort((a, b) => a[0] - b[0]);
  const rest = sorted.reduce((m, g) => (g[1].length > m[1].length ? g : m));
  return [...sorted.filter((g) => g !== rest).map(([v, es]) => `${es.join(', ')} ${v}`), `everything else ${rest[0]}`].join('; ');
}

export function RepeatTable({ path, kind }: { path: FieldPath; kind: TryingKind }) {
  const scope = useScope();
  const table = getIn(scope.value, path);
  const stated = (isRecord(table) ? Object.entries(table) : []).filter((e): e is [ErrorType, number] => isErrorType(e[0]) && typeof e[1] === 'number');
  const absent = ERROR_TYPES.filter((e) => !stated.some(([k]) => k === e));
  const defaults = DEFAULT_REPEAT[kind];
  return (
    <Group title="Retries repeat the error" level={4}>
      <p className="field__help">How likely a retry fails with the same error as the try before it (0: a new try, 1: the same every time). Not listed: {defaultsText(defaults)}.</p>
      {stated.map(([e, v]) => (
        <div key={e} className="inspector-outcome">
          <NumberControl
            label={`Repeat ${e} (default ${defaults[e]})`}
            value={v}
            errors={scope.issues.get(pathKey([...path, e]))}
            onCommit={(p) => scope.commit([...path, e], p)}
          />
          <button type="button" aria-label={`Use the default for ${e}`} onClick={() => scope.commit([...path, e], undefined, 'step')}>
            ×
          </button>
        </div>
      ))}
      {absent.length > 0 && (
        <SelectControl
          label="Set for an error"
          value={undefined}
          placeholder="choose an error…"
          options={absent.map((e) => ({ value: e, label: `${e} (default ${defaults[e]})` }))}
          onCommit={(e) => e && isErrorType(e) && scope.commit([...path, e], defaults[e], 'step')}
        />
      )}
    </Group>
  );
}
