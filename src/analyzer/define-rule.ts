import type { AnyRule, Rule, RuleOptions } from './types.ts';

/**
 * Declare a rule (bpmnlint's shape). The id must be the file name under rules/ (a meta-test checks it).
 * Returns the rule with its option type erased so it can sit in the catalog next to the others.
 * @example export default defineRule({ id: 'label-required', meta: {...}, defaultSeverity: 'warning', options: {}, check(ctx, report) {...} })
 */
export function defineRule<O extends RuleOptions>(rule: Rule<O>): AnyRule {
  // Sound at run time: the engine always passes options merged over `rule.options`, so every key of O is present.
  return rule as unknown as AnyRule;
}
