/**
 * Which errors a retrier or catcher matches: one checkbox per error type plus ALL, as a fieldset. Checkboxes
 * rather than <select multiple>: every option is visible, and toggling one needs no modifier key. Each type is
 * labelled in words ("rate limited"); the document keeps its name (`rate_limited`).
 */
import { useId } from 'react';
import { ERROR_TYPE_WORDS, errorMatcherSchema, type ErrorMatcher } from '../../domain/index.ts';
import { useScope } from './inspector-scope.tsx';
import { getIn, pathKey, type FieldPath } from './path-data.ts';

const MATCHERS: readonly ErrorMatcher[] = errorMatcherSchema.options;

export function ErrorMatcherSet({ path, legend }: { path: FieldPath; legend: string }) {
  const scope = useScope();
  const id = useId();
  const raw = getIn(scope.value, path);
  const chosen = new Set(Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []);
  const errors = scope.issues.get(pathKey(path)) ?? [];
  const errorId = `${id}-error`;
  const toggle = (m: ErrorMatcher, on: boolean): void => {
    // Keep the schema's order so the document reads the same whatever order the boxes were ticked in.
    scope.commit(path, MATCHERS.filter((x) => (x === m ? on : chosen.has(x))), 'step');
  };
  return (
    <fieldset className="inspector-errors" {...(errors.length ? { 'aria-describedby': errorId } : {})}>
      <legend>{legend}</legend>
      {MATCHERS.map((m) => (
        <label key={m} className="inspector-check">
          <input type="checkbox" checked={chosen.has(m)} {...(errors.length ? { 'aria-invalid': true } : {})} onChange={(e) => toggle(m, e.target.checked)} />
          {m === 'ALL' ? 'Any error' : ERROR_TYPE_WORDS[m]}
        </label>
      ))}
      {errors.length > 0 && (
        <span id={errorId} className="field__error">
          {errors.join('. ')}
        </span>
      )}
    </fieldset>
  );
}
