/**
 * The inspector's form controls. Each renders a visible label tied to its control, optional help text, and
 * the field's issues linked by aria-describedby with aria-invalid, so a screen reader hears the problem with
 * the field. `Field` picks the control from the domain schema at a path; the others are for fields whose
 * control the schema cannot tell (a condition value that may be a number, a text or a yes/no).
 */
import { useId, useState, type ReactNode } from 'react';
import { formatSeconds } from '../../domain/index.ts';
import { getIn, pathKey, type FieldPath } from './path-data.ts';
import { formatNumberText, parseNumberText } from './number-text.ts';
import { leafInfo, schemaAt } from './schema-fields.ts';
import { useScope } from './inspector-scope.tsx';

export interface ControlA11y {
  readonly id: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: true;
}

interface ShellProps {
  readonly label: string;
  readonly help?: string | undefined;
  readonly errors?: readonly string[] | undefined;
  /** Checkboxes put the label after the box, on one line. */
  readonly inline?: boolean;
  readonly children: (a11y: ControlA11y) => ReactNode;
}

const NONE: readonly string[] = [];

export function FieldShell({ label, help, errors = NONE, inline = false, children }: ShellProps) {
  const id = useId();
  const helpId = help ? `${id}-help` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined;
  const a11y: ControlA11y = { id, ...(describedBy ? { 'aria-describedby': describedBy } : {}), ...(errors.length ? { 'aria-invalid': true } : {}) };
  return (
    <div className={`field${inline ? ' field--inline' : ''}${errors.length ? ' field--invalid' : ''}`}>
      {inline ? (
        <>
          <span className="field__row">
            {children(a11y)}
            <label htmlFor={id}>{label}</label>
          </span>
        </>
      ) : (
        <>
          <label htmlFor={id}>{label}</label>
          {children(a11y)}
        </>
      )}
      {errorId && (
        <span id={errorId} className="field__error">
          {errors.join('. ')}
        </span>
      )}
      {helpId && (
        <span id={helpId} className="field__help">
          {help}
        </span>
      )}
    </div>
  );
}

interface ControlProps<V> {
  readonly label: string;
  readonly help?: string | undefined;
  readonly errors?: readonly string[] | undefined;
  readonly value: V;
  readonly optional?: boolean;
  readonly onCommit: (next: V) => void;
}

/** A number typed as text: unparseable input stays in the field with "Enter a number" and is never committed. */
export function NumberControl({ label, help, errors, value, optional = false, onCommit }: ControlProps<number | undefined>) {
  // The draft remembers the document value it was typed against: when undo (or anyone) changes the value,
  // the draft no longer matches and the field shows the document again.
  const [draft, setDraft] = useState<{ text: string; base: number | undefined } | null>(null);
  const text = draft !== null && Object.is(draft.base, value) ? draft.text : formatNumberText(value);
  const local = parseNumberText(text, optional).ok ? NONE : ['Enter a number'];
  return (
    <FieldShell label={label} help={help} errors={local.length ? local : errors}>
      {(a11y) => (
        <input
          {...a11y}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(e) => {
            const next = e.target.value;
            const parsed = parseNumberText(next, optional);
            if (!parsed.ok) {
              setDraft({ text: next, base: value });
              return;
            }
            setDraft({ text: next, base: parsed.value });
            if (!Object.is(parsed.value, value)) onCommit(parsed.value);
          }}
        />
      )}
    </FieldShell>
  );
}

export function TextControl({
  label,
  help,
  errors,
  value,
  optional = false,
  multiline = false,
  readOnly = false,
  onCommit,
}: ControlProps<string | undefined> & { readonly multiline?: boolean; readonly readOnly?: boolean }) {
  const commit = (text: string): void => onCommit(optional && text === '' ? undefined : text);
  return (
    <FieldShell label={label} help={help} errors={errors}>
      {(a11y) =>
        multiline ? (
          <textarea {...a11y} value={value ?? ''} readOnly={readOnly} onChange={(e) => commit(e.target.value)} />
        ) : (
          <input {...a11y} type="text" value={value ?? ''} readOnly={readOnly} onChange={(e) => commit(e.target.value)} />
        )
      }
    </FieldShell>
  );
}

export type SelectOption = string | { readonly value: string; readonly label: string };

/** A select; an optional one starts with "not set", which removes the field. */
export function SelectControl({
  label,
  help,
  errors,
  value,
  optional = false,
  options,
  placeholder = '— not set —',
  onCommit,
}: ControlProps<string | undefined> & { readonly options: readonly SelectOption[]; readonly placeholder?: string }) {
  return (
    <FieldShell label={label} help={help} errors={errors}>
      {(a11y) => (
        <select {...a11y} value={value ?? ''} onChange={(e) => onCommit(e.target.value === '' && optional ? undefined : e.target.value)}>
          {(optional || value === undefined) && <option value="">{placeholder}</option>}
          {options.map((o) => {
            const opt = typeof o === 'string' ? { value: o, label: o } : o;
            return (
              <option key={opt.value} value={opt.value}>
                {opt.label}
              </option>
            );
          })}
        </select>
      )}
    </FieldShell>
  );
}

/** A checkbox; an optional flag that is switched off is removed rather than stored as false. */
export function CheckboxControl({ label, help, errors, value, optional = false, onCommit }: ControlProps<boolean | undefined>) {
  return (
    <FieldShell label={label} help={help} errors={errors} inline>
      {(a11y) => <input {...a11y} type="checkbox" checked={value === true} onChange={(e) => onCommit(e.target.checked || !optional ? e.target.checked : undefined)} />}
    </FieldShell>
  );
}

interface FieldProps {
  readonly path: FieldPath;
  readonly label: string;
  readonly help?: string;
  /** Human names of enum values, when the raw value is not one ("business-hours" reads fine; "==" does not). */
  readonly optionLabels?: Readonly<Record<string, string>>;
}

/** A field of the current scope, its control chosen by the domain schema at `path`. */
export function Field({ path, label, help, optionLabels }: FieldProps) {
  const scope = useScope();
  const info = leafInfo(schemaAt(scope.schema, scope.value, path));
  const value = getIn(scope.value, path);
  const common = { label, help, errors: scope.issues.get(pathKey(path)), optional: info.optional };
  const commit = (next: unknown): void => scope.commit(path, next);
  switch (info.control) {
    case 'select':
      return (
        <SelectControl
          {...common}
          value={typeof value === 'string' ? value : undefined}
          options={info.options.map((o) => ({ value: o, label: optionLabels?.[o] ?? o }))}
          onCommit={commit}
        />
      );
    case 'checkbox':
      return <CheckboxControl {...common} value={typeof value === 'boolean' ? value : undefined} onCommit={commit} />;
    case 'number': {
      // Durations are typed in seconds (the document's unit) and read back in human units: "14400" says "4 h".
      const last = path.at(-1);
      const human = typeof value === 'number' && value >= 60 && typeof last === 'string' && last.endsWith('Seconds') ? `= ${formatSeconds(value)}` : undefined;
      return <NumberControl {...common} help={human && help ? `${human}. ${help}` : (human ?? help)} value={typeof value === 'number' ? value : undefined} onCommit={commit} />;
    }
    case 'text':
    case 'textarea':
      return <TextControl {...common} multiline={info.control === 'textarea'} value={typeof value === 'string' ? value : undefined} onCommit={commit} />;
    case 'none':
      return null;
  }
}
