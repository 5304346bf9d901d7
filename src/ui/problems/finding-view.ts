/**
 * Pure helpers behind the Problems panel: severity wording, filtering, grouping and the reasons of suppressed
 * findings. Kept out of the components so they are tested without a DOM.
 */
import type { Finding, FindingSeverity } from '../../analyzer/index.ts';
import { formatSeconds, type Suppression } from '../../domain/index.ts';

export const SEVERITY_ORDER: readonly FindingSeverity[] = ['error', 'warning', 'info'];

const NOUNS: Record<FindingSeverity, readonly [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'info'],
};

export const GROUP_TITLES: Record<FindingSeverity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };

/**
 * @example countText(2, 'error') // '2 errors'
 */
export function countText(n: number, severity: FindingSeverity): string {
  return `${n} ${NOUNS[severity][n === 1 ? 0 : 1]}`;
}

/**
 * "2 errors, 5 warnings" (zero counts left out; info only when nothing worse), or "No problems".
 * @example summaryText({ error: 0, warning: 1, info: 3 }) // '1 warning, 3 info'
 */
export function summaryText(counts: Readonly<Record<FindingSeverity, number>>): string {
  const parts = SEVERITY_ORDER.filter((s) => counts[s] > 0).map((s) => countText(counts[s], s));
  return parts.length ? parts.join(', ') : 'No problems';
}

export interface FindingFilter {
  readonly severities: ReadonlySet<FindingSeverity>;
  /** Matched case-insensitively against the message, rule id, fix text and the labels of the nodes named. */
  readonly text: string;
}

/** Findings that pass the filter; `labelOf` turns a node id into its label for the text search. */
export function filterFindings(findings: readonly Finding[], filter: FindingFilter, labelOf: (id: string) => string | undefined): Finding[] {
  const q = filter.text.trim().toLowerCase();
  return findings.filter((f) => {
    if (!filter.severities.has(f.severity)) return false;
    if (q === '') return true;
    const hay = [f.message, f.ruleId, f.fix ?? '', ...f.nodeIds.map((id) => labelOf(id) ?? '')].join('\n').toLowerCase();
    return hay.includes(q);
  });
}

/** Findings by severity, each group in the analyzer's order. */
export function groupBySeverity(findings: readonly Finding[]): Record<FindingSeverity, Finding[]> {
  const groups: Record<FindingSeverity, Finding[]> = { error: [], warning: [], info: [] };
  for (const f of findings) groups[f.severity].push(f);
  return groups;
}

/**
 * The reason a suppressed finding was accepted: the first suppression of its rule that names one of its
 * nodes or edges (or, for a workflow-level finding, names neither), as the engine matches them.
 */
export function suppressionReason(f: Finding, suppressions: readonly Suppression[]): string | undefined {
  return suppressions.find(
    (s) =>
      s.ruleId === f.ruleId &&
      (s.nodeId === undefined ? true : f.nodeIds.includes(s.nodeId)) &&
      (s.edgeId === undefined ? true : f.edgeIds.includes(s.edgeId)),
  )?.reason;
}

/** A stable React key for a finding (the same rule can report several findings). */
export function findingKey(f: Finding, index: number): string {
  return `${f.ruleId}:${f.nodeIds.join(',')}:${f.edgeIds.join(',')}:${index}`;
}

/** Evidence keys whose words are not the key's own ("sla" would read as a word). */
const EVIDENCE_WORDS: Readonly<Record<string, string>> = {
  slaSeconds: 'SLA',
  p95Seconds: 'p95 cycle time',
  maxIntervalSeconds: 'longest wait allowed',
  cfc: 'control-flow complexity',
  max: 'limit',
  in: 'paths in',
  out: 'paths out',
};

/**
 * The numbers behind a finding, as a person reads them: durations in human units, shares as percents, money in
 * dollars, keys in words.
 * @example evidenceText({ slaSeconds: 14400, estimatedSuccess: 0.832 }) // "SLA 4 h · estimated success 83.2%"
 */
export function evidenceText(evidence: Readonly<Record<string, number | string>>): string {
  return Object.entries(evidence)
    .map(([key, value]) => {
      const words = EVIDENCE_WORDS[key] ?? key.replace(/Seconds$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
      if (typeof value !== 'number') return `${words} ${value}`;
      if (/Seconds$/.test(key)) return `${words} ${formatSeconds(value)}`;
      if (/(Success|Completion|Share|Rate)$/.test(key) && value >= 0 && value <= 1) return `${words} ${Number((value * 100).toPrecision(3))}%`;
      if (/^(costPerCase|budgetPerRun)$/.test(key)) return `${words} $${Number(value.toPrecision(3))}`;
      return `${words} ${Number(value.toPrecision(4))}`;
    })
    .join(' · ');
}
