/**
 * Rules: their shape (bpmnlint's), the context a check sees and `defineRule`. Kept apart from types.ts so the
 * graph context can use the result types without a cycle.
 */
import type { Workflow } from '../domain/index.ts';
import type { GraphContext } from './context.ts';
import type { FindingSeverity, QuickFixId } from './types.ts';

/** What a rule hands to `report`; severity defaults to the rule's configured severity. */
export interface ReportInput {
  readonly message: string;
  readonly nodeIds?: readonly string[];
  readonly edgeIds?: readonly string[];
  readonly fix?: string;
  readonly quickFix?: QuickFixId;
  readonly evidence?: Readonly<Record<string, number | string>>;
  /**
   * The rule's own judgement of this finding when the catalog gives two levels (e.g. info above 20 nodes,
   * warning above 50). Ignored when the configuration set the rule's severity explicitly.
   */
  readonly severity?: FindingSeverity;
}
export type Report = (finding: ReportInput) => void;

export type RuleOptionValue = number | string | boolean;
export type RuleOptions = Readonly<Record<string, RuleOptionValue>>;

/** safety: what can leak secrets, spend money for strangers, or let a model act on the world unchecked. */
export const RULE_CATEGORIES = ['structure', 'over-engineering', 'fragility', 'safety', 'human', 'cost', 'naming'] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

export interface RuleMeta {
  /** One line: what the rule catches. */
  readonly description: string;
  /** docs/rules/<id>.md */
  readonly docs: string;
  readonly category: RuleCategory;
}

/** What a rule's check sees: the shared immutable graph context, the document and its resolved options. */
export interface RuleContext<O extends RuleOptions> {
  readonly graph: GraphContext;
  readonly doc: Workflow;
  readonly options: Readonly<O>;
}

export interface Rule<O extends RuleOptions = RuleOptions> {
  readonly id: string;
  readonly meta: RuleMeta;
  readonly defaultSeverity: FindingSeverity;
  /** Every threshold the rule uses, with its default. */
  readonly options: Readonly<O>;
  readonly check: (ctx: RuleContext<O>, report: Report) => void;
}

/** A rule with its options erased, as the engine and presets hold them. */
export interface AnyRule {
  readonly id: string;
  readonly meta: RuleMeta;
  readonly defaultSeverity: FindingSeverity;
  readonly options: RuleOptions;
  readonly check: (ctx: RuleContext<RuleOptions>, report: Report) => void;
}


/**
 * Declare a rule (bpmnlint's shape). The id must be the file name under rules/ (a meta-test checks it).
 * Returns the rule with its option type erased so it can sit in the catalog next to the others.
 * @example export default defineRule({ id: 'label-required', meta: {...}, defaultSeverity: 'warning', options: {}, check(ctx, report) {...} })
 */
export function defineRule<O extends RuleOptions>(rule: Rule<O>): AnyRule {
  // Sound at run time: the engine always passes options merged over `rule.options`, so every key of O is present.
  return rule as unknown as AnyRule;
}
