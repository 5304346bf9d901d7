/**
 * Presets: a severity for every rule. recommended = each rule's default; strict raises every info rule to a
 * warning; structure keeps only the structure rules (what a BPMN-style linter checks) and turns the rest off.
 */
import type { LintPreset, Severity } from '../domain/index.ts';
import type { AnyRule } from './define-rule.ts';

export const PRESET_DESCRIPTIONS: Readonly<Record<LintPreset, string>> = {
  recommended: 'Every rule at its default severity.',
  strict: 'Every rule on, info rules raised to warnings.',
  structure: 'Structure rules only (graph soundness); judgement rules off.',
};

/**
 * The severity a preset gives a rule.
 * @example presetSeverity('structure', costRule) // 'off'
 */
export function presetSeverity(preset: LintPreset, rule: AnyRule): Severity {
  switch (preset) {
    case 'recommended':
      return rule.defaultSeverity;
    case 'strict':
      return rule.defaultSeverity === 'info' ? 'warning' : rule.defaultSeverity;
    case 'structure':
      return rule.meta.category === 'structure' ? rule.defaultSeverity : 'off';
  }
}
