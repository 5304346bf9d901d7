/**
 * The analyzer's public shapes: findings, rule definitions and the analysis result. Kept apart from the
 * engine so rules, fixes and the store can import types without pulling in the rule catalog.
 */
import type { Severity } from '../domain/index.ts';

/** A finding's level; `off` exists only in configuration (a rule that is off reports nothing). */
export type FindingSeverity = Exclude<Severity, 'off'>;

/** One-click fixes the editor can apply as a single undoable command (see fixes.ts). */
export const QUICK_FIX_IDS = [
  'add-default-branch',
  'add-timeout',
  'cap-retries',
  'add-error-route',
  'remove-superfluous-connector',
  'name-after-purpose',
] as const;
export type QuickFixId = (typeof QUICK_FIX_IDS)[number];

export interface Finding {
  readonly ruleId: string;
  readonly severity: FindingSeverity;
  readonly message: string;
  readonly nodeIds: readonly string[];
  readonly edgeIds: readonly string[];
  /** What to do, in a sentence. */
  readonly fix?: string;
  /** Set only where the fix is safe to apply without asking anything. */
  readonly quickFix?: QuickFixId;
  /** The numbers behind the finding (metric values, thresholds). */
  readonly evidence?: Readonly<Record<string, number | string>>;
  /** Where the rule is explained: docs/rules/<id>.md. */
  readonly docs: string;
}

/** Findings shown as one line (grouping.ts): one finding, or every finding of a rule and severity folded. */
export interface FindingGroup extends Pick<Finding, 'ruleId' | 'severity' | 'edgeIds' | 'docs'> {
  /** The finding's own message when the group holds one; otherwise the count and what the rule catches. */
  readonly message: string;
  /** How many distinct findings the group holds (exact repeats counted once). */
  readonly count: number;
  /** Every node (and edge) the group's findings name, each once, in order of first mention. */
  readonly nodeIds: readonly string[];
  /** The fix, when all of the group's findings share it. */
  readonly fix?: string;
  /** The distinct findings, in the analysis' order. */
  readonly findings: readonly Finding[];
  /** True when the group stands for several findings (the panel shows it folded). */
  readonly folded: boolean;
}

export interface Metrics {
  /** |N|: nodes in the graph (notes excluded). */
  readonly nodes: number;
  /** |W|: nodes that do work (ai, tool, human, check). */
  readonly workNodes: number;
  readonly byKind: Readonly<Record<string, number>>;
  /** Most work nodes on one trigger-to-output path (a loop counts once). */
  readonly longestPath: number;
  /** Largest in+out degree of a router or join. */
  readonly maxDegree: number;
  /** Cardoso's control-flow complexity. */
  readonly cfc: number;
  readonly arcs: number;
  readonly density: number;
  /** Coefficient of network connectivity |A|/|N|. */
  readonly cnc: number;
  readonly cyclomatic: number;
  /** Deepest nesting of splits on a path. */
  readonly depth: number;
  readonly connectorMismatch: number;
  /** Share of splits closed by a matching join (1 when there are none). */
  readonly structuredness: number;
  /** Share of inner nodes every case passes (flow cut vertices). */
  readonly separability: number;
  readonly exclusiveRouters: number;
  readonly distinctTools: number;
  readonly automationLayers: number;
  readonly cycles: number;
  readonly estimatedSuccess: number;
  readonly p50Seconds: number;
  readonly p95Seconds: number;
  readonly costPerCase: number;
}

export type ComplexityBand = 'simple' | 'moderate' | 'complex' | 'very complex';
export type OverEngineeringBand = 'lean' | 'proportionate' | 'over-engineered';

export interface ScoreContributor {
  readonly factor: string;
  readonly value: number;
  /** Points this factor adds to the score (0-100 scale). */
  readonly points: number;
}

/** The four figures the estimate and the simulator both give, by the names the lint JSON uses. */
export type EstimateFigure = 'success' | 'costPerCase' | 'p50Seconds' | 'p95Seconds';

/** How cases end, as shares of cases (they sum to 1 up to rounding). */
export interface OutcomeShares {
  readonly success: number;
  readonly escalated: number;
  readonly rejected: number;
  /** Ends at an output whose outcome is error (a handled failure). */
  readonly error: number;
  /** Unhandled errors. */
  readonly failed: number;
  /** Dead ends, routers with no branch to take, loops past the visit guard. */
  readonly stuck: number;
}

export interface Estimates {
  /** Probability a case ends at an output whose outcome is success. */
  readonly success: number;
  /**
   * Probability a case ends at any output whose outcome is not error: success, a deliberate rejection or an
   * escalation. What is left failed, got stuck, or ended in a handled error. The reliability rule judges this.
   */
  readonly completion: number;
  /** Probability a case ends at a success output carrying a wrong result (silent error). */
  readonly silentError: number;
  readonly p50Seconds: number;
  readonly p95Seconds: number;
  readonly meanSeconds: number;
  readonly costPerCase: number;
  readonly outcomes: OutcomeShares;
  /**
   * Figures the closed form cannot give for this design, each with the reason in a sentence (e.g. a join timeout
   * that may fire). The number is still computed, but the score card and lint JSON show the reason instead.
   */
  readonly notEstimated: Readonly<Partial<Record<EstimateFigure, string>>>;
  /** Where the estimate approximates what the simulator does (a sentence each): the figures stand, roughly. */
  readonly approximations: readonly string[];
}

export interface Leverage {
  readonly manualHoursPerDay: number;
  readonly designedHoursPerDay: number;
  /** manual / designed; Infinity when the design needs no human time; null without a profile. */
  readonly ratio: number | null;
}

export interface Analysis {
  readonly findings: readonly Finding[];
  /** The findings as the Problems panel and `lint` show them: a rule's many findings folded into one group. */
  readonly groups: readonly FindingGroup[];
  readonly suppressed: readonly Finding[];
  readonly metrics: Metrics;
  readonly score: { readonly value: number; readonly band: ComplexityBand; readonly contributors: readonly ScoreContributor[] };
  /**
   * used: work steps a case passes when nothing fails (each once); workNodes: |W|; resilienceNodes: work nodes
   * only failure ports reach (fallbacks, exception handling).
   */
  readonly overEngineering: {
    readonly ratio: number;
    readonly needed: number;
    readonly used: number;
    readonly band: OverEngineeringBand;
    readonly workNodes: number;
    readonly resilienceNodes: number;
    /** Steps that add no correctness: a redundant AI step, a wrapper layer, a repeated check or approval. */
    readonly surplus: number;
    readonly surplusSteps: readonly { readonly nodeId: string; readonly reason: string }[];
    /** Judgement steps a case passes: AI steps, checks, people and automation layers (tools that do I/O are not). */
    readonly judgement: number;
    /** `used` in words: whole steps, or the average it is and what it weighs ("0.5 work steps per case on average ..."). */
    readonly usedText: string;
  };
  readonly estimates: Estimates;
  readonly leverage: Leverage;
}
