/**
 * Scenario picker and the cases / replications / seed inputs. The numbers start as the chosen scenario's own (so
 * a run matches `baton simulate` of the same file) and the person may override them for this run only; nothing
 * here edits the document.
 */
import { useId } from 'react';
import { MAX_CASES, MAX_REPLICATIONS, type Scenario, type Workflow } from '../../domain/index.ts';
import type { BatchSettings } from '../../store/simulation-store.ts';
import { formatCount } from './sim-format.ts';

/** What the CLI runs without a scenario: 1,000 cases x 10 replications, seed 1 (docs/simulator.md). */
export const DEFAULT_SCENARIO_SETTINGS = { cases: 1000, replications: 10, seed: 1 } as const;
const DEFAULT_REPLICATIONS = 10;

export function settingsFor(doc: Workflow, scenarioId: string | null): BatchSettings {
  const s: Scenario | undefined = scenarioId === null ? undefined : doc.scenarios?.find((x) => x.id === scenarioId);
  if (!s) return { scenarioId: null, ...DEFAULT_SCENARIO_SETTINGS };
  return { scenarioId: s.id, cases: s.cases, replications: s.replications ?? DEFAULT_REPLICATIONS, seed: s.seed };
}

/** The first scenario of the document, else the default one (what the CLI picks). */
export function firstScenarioId(doc: Workflow): string | null {
  return doc.scenarios?.[0]?.id ?? null;
}

/** Whole number in [lo, hi], or null for a field that does not hold one. */
export function parseWhole(text: string, lo: number, hi: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= lo && n <= hi ? n : null;
}

export function ScenarioSelect({ doc, value, onChange, label = 'Scenario' }: { doc: Workflow; value: string | null; onChange: (id: string | null) => void; label?: string }) {
  const id = useId();
  const scenarios = doc.scenarios ?? [];
  return (
    <span className="sim-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
        {scenarios.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
        {/* What "no scenario" means, not the run's numbers: those are the fields beside it (the option once read
            "1,000 cases × 10, seed 1" while the Cases field said 5000). */}
        <option value="">Default (profile arrivals, no faults)</option>
      </select>
    </span>
  );
}

export interface SettingsDraft {
  readonly cases: string;
  readonly replications: string;
  readonly seed: string;
  /** The stopping rule: add replications until the main KPI is precise (docs/simulator.md, "Stopping rule"). */
  readonly untilPrecise: boolean;
}

export const draftOf = (s: BatchSettings): SettingsDraft => ({ cases: String(s.cases), replications: String(s.replications), seed: String(s.seed), untilPrecise: s.stopping !== undefined });

/** What "until precise" promises, in the engine's defaults (src/simulator/stopping.ts). */
export const UNTIL_PRECISE_HINT =
  'After the replications above, keep adding replications until the 95% interval of the main KPI (the scenario’s first hypothesis, else success rate) is within ±5% of its mean; at most 200.';

/** The settings the draft describes, or the name of the first field that is not valid. */
export function settingsFromDraft(scenarioId: string | null, d: SettingsDraft): BatchSettings | { invalid: string } {
  const cases = parseWhole(d.cases, 1, MAX_CASES);
  if (cases === null) return { invalid: `Cases must be a whole number from 1 to ${formatCount(MAX_CASES)}` };
  const replications = parseWhole(d.replications, 1, MAX_REPLICATIONS);
  if (replications === null) return { invalid: `Replications must be a whole number from 1 to ${MAX_REPLICATIONS}` };
  const seed = parseWhole(d.seed, 0, 2 ** 32 - 1);
  if (seed === null) return { invalid: 'Seed must be a whole number from 0 to 4294967295' };
  return { scenarioId, cases, replications, seed, ...(d.untilPrecise ? { stopping: {} } : {}) };
}

export function NumberFields({ draft, onChange }: { draft: SettingsDraft; onChange: (d: SettingsDraft) => void }) {
  const hint = useId();
  const field = (key: 'cases' | 'replications' | 'seed', label: string, width: string) => (
    <span className="sim-field">
      <label>
        {label}
        <input className="sim-num" style={{ width }} inputMode="numeric" value={draft[key]} onChange={(e) => onChange({ ...draft, [key]: e.target.value })} />
      </label>
    </span>
  );
  return (
    <>
      {field('cases', 'Cases', '7em')}
      {field('replications', 'Replications', '4.5em')}
      {field('seed', 'Seed', '7em')}
      <label className="sim-check" title={UNTIL_PRECISE_HINT}>
        <input type="checkbox" checked={draft.untilPrecise} onChange={(e) => onChange({ ...draft, untilPrecise: e.target.checked })} aria-describedby={hint} />
        Until precise
      </label>
      <span id={hint} hidden>
        {UNTIL_PRECISE_HINT}
      </span>
    </>
  );
}
