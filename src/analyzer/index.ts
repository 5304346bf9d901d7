/** The analyzer's public surface: the engine, the catalog, metrics, estimates and quick fixes. */
export * from './types.ts';
export { analyze, resolveRules, runRules, type AnalyzeOptions, type ResolvedRule } from './engine.ts';
export { ALL_RULES, ruleById } from './catalog.ts';
export { FOLD_ABOVE, groupFindings } from './grouping.ts';
export { isLanguageStep, isPlumbing, redundantAiPairs, surplusSteps, type SurplusReason, type SurplusStep } from './overbuilding.ts';
export { defineRule, RULE_CATEGORIES, type AnyRule, type Report, type ReportInput, type Rule, type RuleCategory, type RuleContext, type RuleMeta, type RuleOptions, type RuleOptionValue } from './define-rule.ts';
export { createContext, GraphContext } from './context.ts';
export { PRESET_DESCRIPTIONS, presetSeverity } from './presets.ts';
export { complexityScore, complexityBand, overEngineering, stepsNeeded, stepsUsedText, SCORE_FACTORS, STEPS_NEEDED, OVER_ENGINEERING, type OverEngineeringResult } from './score.ts';
export { estimate, estimateSuccess, forgetEstimates, leverageOf, normalReach, propagate, stepsUsed, VISIT_GUARD, type FlowResult } from './estimates.ts';
export { checkLeakage, distributionVariance, expectedTries, fallbackSuccess, nodeBehaviour, stepFailureModel, stepSuccess } from './reliability.ts';
export { computeMetrics, longestWorkPath } from './metrics.ts';
export { applyQuickFix, labelFromPurpose, FIX_RETRY_LIMITS, FIX_TIMEOUT_SECONDS, QUICK_FIX_WORDS } from './fixes.ts';
