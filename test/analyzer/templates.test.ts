import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/engine.ts';
import { TEMPLATES } from '../../src/templates/index.ts';

// Calibration guard: the gallery's careful designs must lint without errors, and the over-built counter-example
// must be caught by the over-engineering band and rule (docs/analyzer.md, "Calibration").
describe('analyzer over the templates', () => {
  it.each(TEMPLATES.filter((t) => !t.overEngineered).map((t) => [t.id, t] as const))('%s has no error findings', (_id, t) => {
    const a = analyze(t.doc);
    expect(a.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(a.findings.some((f) => f.ruleId === 'rule-error')).toBe(false);
  });

  it('bands the over-engineered template as over-engineered and fires overbuilt-simple-task', () => {
    const over = TEMPLATES.filter((t) => t.overEngineered);
    expect(over.length).toBeGreaterThan(0);
    for (const t of over) {
      const a = analyze(t.doc);
      expect(a.overEngineering.band).toBe('over-engineered');
      expect(a.findings.some((f) => f.ruleId === 'overbuilt-simple-task')).toBe(true);
    }
  });
});
