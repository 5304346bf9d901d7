/**
 * RuleTester in bpmnlint's shape: a rule, valid documents (no finding) and invalid ones (the exact findings
 * expected, in order, partially matched). Runs the rule alone through the engine's runRules, so severity
 * resolution and the rule-error guard are exercised too.
 */
import { describe, expect, it } from 'vitest';
import type { Workflow } from '../../src/domain/index.ts';
import { runRules } from '../../src/analyzer/engine.ts';
import type { AnyRule, RuleOptionValue } from '../../src/analyzer/define-rule.ts';
import type { Finding, FindingSeverity, QuickFixId } from '../../src/analyzer/types.ts';

export interface RuleCase {
  readonly name: string;
  readonly doc: Workflow;
  readonly options?: Readonly<Record<string, RuleOptionValue>>;
}

export interface ExpectedFinding {
  readonly severity?: FindingSeverity;
  readonly nodeIds?: readonly string[];
  readonly edgeIds?: readonly string[];
  readonly message?: RegExp;
  readonly quickFix?: QuickFixId;
}

export interface InvalidCase extends RuleCase {
  readonly errors: readonly ExpectedFinding[];
}

/** Run one rule with default severity and the case's options. */
export function runRule(rule: AnyRule, c: RuleCase): Finding[] {
  return runRules(c.doc, [{ rule, severity: rule.defaultSeverity, explicit: false, options: { ...rule.options, ...c.options } }]);
}

export function ruleTester(rule: AnyRule, cases: { valid: readonly RuleCase[]; invalid: readonly InvalidCase[] }): void {
  describe(`rule ${rule.id}`, () => {
    it('has at least one valid and one invalid case', () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, c)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = runRule(rule, c);
        expect(found.map((f) => f.ruleId)).toEqual(c.errors.map(() => rule.id));
        c.errors.forEach((want, i) => {
          const got = found[i]!;
          if (want.severity) expect(got.severity).toBe(want.severity);
          if (want.nodeIds) expect([...got.nodeIds].sort()).toEqual([...want.nodeIds].sort());
          if (want.edgeIds) expect([...got.edgeIds].sort()).toEqual([...want.edgeIds].sort());
          if (want.message) expect(got.message).toMatch(want.message);
          if (want.quickFix) expect(got.quickFix).toBe(want.quickFix);
          expect(got.docs).toBe(`docs/rules/${rule.id}.md`);
        });
      });
    }
  });
}
