/**
 * The engine: resolve each rule's severity and options (preset, then the document's `lint.rules`, then the
 * call's options), run the enabled rules over one shared context, split suppressed findings off, and add
 * metrics, score, over-engineering, estimates and leverage. A rule that throws yields one `rule-error`
 * finding; the analysis always completes.
 */
import type { LintPreset, RuleSetting, Severity, Suppression, Workflow } from '../domain/index.ts';
import { ALL_RULES, ruleById } from './catalog.ts';
import { createContext } from './context.ts';
import { leverageOf } from './estimates.ts';
import { FOLD_ABOVE, groupFindings } from './grouping.ts';
import { presetSeverity } from './presets.ts';
import { complexityScore } from './score.ts';
import type { AnyRule, ReportInput, RuleOptions, RuleOptionValue } from './define-rule.ts';
import type { Analysis, Finding, FindingSeverity } from './types.ts';

export interface AnalyzeOptions {
  /** Overrides the document's `lint.preset`; default recommended. */
  readonly preset?: LintPreset;
  /** Per-rule severity or [severity, options], applied after the document's own `lint.rules`. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Rules to run instead of the catalog (tests use this). */
  readonly catalog?: readonly AnyRule[];
}

export interface ResolvedRule {
  readonly rule: AnyRule;
  readonly severity: Severity;
  /** True when configuration, not the rule, decided the severity: then every finding takes it. */
  readonly explicit: boolean;
  readonly options: RuleOptions;
}

const SEVERITY_RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

function mergeOptions(base: RuleOptions, extra: Readonly<Record<string, RuleOptionValue>> | undefined): RuleOptions {
  if (!extra) return base;
  const out: Record<string, RuleOptionValue> = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    // Only known options of the right type: a typo must not turn a threshold into a string.
    if (k in base && typeof base[k] === typeof v) out[k] = v;
  }
  return out;
}

/**
 * Severity and options of every rule for this document and call.
 * @example resolveRules(doc, { preset: 'strict' }).find((r) => r.rule.id === 'verb-object-label')?.severity // 'warning'
 */
export function resolveRules(doc: Workflow, options: AnalyzeOptions = {}): ResolvedRule[] {
  const preset = options.preset ?? doc.lint?.preset ?? 'recommended';
  const catalog = options.catalog ?? ALL_RULES;
  return catalog.map((rule) => {
    let severity = presetSeverity(preset, rule);
    let explicit = severity !== rule.defaultSeverity;
    let opts: RuleOptions = rule.options;
    for (const layer of [doc.lint?.rules, options.rules]) {
      const setting = layer?.[rule.id];
      if (setting === undefined) continue;
      const [sev, extra] = typeof setting === 'string' ? [setting, undefined] : setting;
      severity = sev;
      explicit = true;
      opts = mergeOptions(opts, extra);
    }
    return { rule, severity, explicit, options: opts };
  });
}

function suppressionMatches(s: Suppression, f: Finding): boolean {
  if (s.ruleId !== f.ruleId) return false;
  if (s.nodeId === undefined && s.edgeId === undefined) return f.nodeIds.length === 0 && f.edgeIds.length === 0;
  if (s.nodeId !== undefined && !f.nodeIds.includes(s.nodeId)) return false;
  if (s.edgeId !== undefined && !f.edgeIds.includes(s.edgeId)) return false;
  return true;
}

/** Run the resolved rules; exported for the RuleTester, which runs one rule at a time. */
export function runRules(doc: Workflow, resolved: readonly ResolvedRule[], graph = createContext(doc)): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity, explicit, options } of resolved) {
    if (severity === 'off') continue;
    const report = (input: ReportInput): void => {
      findings.push({
        ruleId: rule.id,
        severity: explicit || input.severity === undefined ? severity : input.severity,
        message: input.message,
        nodeIds: input.nodeIds ?? [],
        edgeIds: input.edgeIds ?? [],
        ...(input.fix !== undefined ? { fix: input.fix } : {}),
        ...(input.quickFix !== undefined ? { quickFix: input.quickFix } : {}),
        ...(input.evidence !== undefined ? { evidence: input.evidence } : {}),
        docs: rule.meta.docs,
      });
    };
    try {
      rule.check({ graph, doc, options }, report);
    } catch (err) {
      findings.push({
        ruleId: 'rule-error',
        severity: 'error',
        message: `Rule "${rule.id}" failed and was skipped: ${err instanceof Error ? err.message : String(err)}`,
        nodeIds: [],
        edgeIds: [],
        evidence: { rule: rule.id },
        docs: 'docs/analyzer.md#rule-errors',
      });
    }
  }
  return findings;
}

/**
 * Analyse a workflow: findings (suppressed ones apart), metrics, complexity score, over-engineering,
 * closed-form estimates and automation leverage.
 * @example analyze(doc, { preset: 'strict' }).findings.filter((f) => f.severity === 'error')
 */
export function analyze(doc: Workflow, options: AnalyzeOptions = {}): Analysis {
  const graph = createContext(doc);
  const all = runRules(doc, resolveRules(doc, options), graph);
  const suppressions = doc.lint?.suppressions ?? [];
  const findings: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of all) {
    if (f.ruleId !== 'rule-error' && suppressions.some((s) => suppressionMatches(s, f))) suppressed.push(f);
    else findings.push(f);
  }
  findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  const metrics = graph.metrics();
  const flow = graph.flow();
  return {
    findings,
    groups: groupFindings(findings, FOLD_ABOVE, (id) => ruleById(id)?.meta.description),
    suppressed,
    metrics,
    score: complexityScore(metrics),
    overEngineering: graph.overEngineering(),
    estimates: {
      success: flow.success,
      completion: flow.completion,
      silentError: flow.silentError,
      p50Seconds: flow.p50Seconds,
      p95Seconds: flow.p95Seconds,
      meanSeconds: flow.meanSeconds,
      costPerCase: flow.costPerCase,
      outcomes: flow.outcomes,
      notEstimated: flow.notEstimated,
      approximations: flow.approximations,
    },
    leverage: leverageOf(doc.profile, flow.humanSecondsPerCase),
  };
}
