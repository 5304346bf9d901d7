import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/engine.ts';
import { TEMPLATES } from '../../src/templates/index.ts';

/**
 * Warnings a careful reviewer agreed with after calibration (docs/analyzer.md, "Calibration"): anything else a
 * careful template gets is a new judgement to review, so the test names it.
 */
const REVIEWED_WARNINGS: Readonly<Record<string, readonly string[]>> = {
  // ~20% of calls end with a coordinator's callback: the p95 caller waits far past the 3-minute SLA.
  'patient-scheduling': ['critical-path-latency'],
  // A third of pull requests wait for a maintainer in office hours: p95 is a maintainer's time (a PR opened on a
  // Friday evening waits for Monday), past the four-hour SLA the automated first pass keeps.
  'code-review-ci': ['critical-path-latency'],
  // The baseline spreads runs over the week (the simulator has no weekly schedule): a run that starts on a Friday
  // waits for Monday's analyst, past the one-day deadline the Monday run keeps.
  'weekly-reporting': ['critical-path-latency'],
};

// Calibration guard: the gallery's careful designs must lint without errors and with reviewed warnings only, and
// the over-built counter-example must be caught by the over-engineering band and rules.
describe('analyzer over the templates', () => {
  it.each(TEMPLATES.filter((t) => !t.overEngineered).map((t) => [t.id, t] as const))('%s has no errors and only reviewed warnings', (id, t) => {
    const a = analyze(t.doc);
    expect(a.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(a.findings.some((f) => f.ruleId === 'rule-error')).toBe(false);
    const warnings = [...new Set(a.findings.filter((f) => f.severity === 'warning').map((f) => f.ruleId))].sort();
    expect(warnings).toEqual([...(REVIEWED_WARNINGS[id] ?? [])].sort());
    expect(a.overEngineering.band).not.toBe('over-engineered');
  });

  it('bands the over-engineered template as over-engineered and fires the over-engineering rules', () => {
    const over = TEMPLATES.filter((t) => t.overEngineered);
    expect(over.length).toBeGreaterThan(0);
    for (const t of over) {
      const a = analyze(t.doc);
      expect(a.overEngineering.band).toBe('over-engineered');
      const rules = new Set(a.findings.map((f) => f.ruleId));
      for (const id of ['overbuilt-simple-task', 'stacked-automation-layers', 'redundant-ai-chain']) expect(rules.has(id)).toBe(true);
    }
  });
});
