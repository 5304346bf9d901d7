/**
 * Finding groups: what the Problems panel and `lint` show as one line. A real design can give one rule dozens
 * of findings (every step of a 200-node import without a timeout); listed one by one they bury the two that
 * matter. Findings of the same rule and severity are folded into one group once there are more than `foldAbove`
 * of them, and exact repeats (same rule, message and node/edge set) are always counted once. The findings
 * themselves stay untouched and individually addressable (suppressions, quick fixes, activation); a group only
 * says which of them it holds.
 */
import type { Finding, FindingGroup } from './types.ts';

/** Above this many findings of one rule and severity, they are shown as one group (the panel and the CLI). */
export const FOLD_ABOVE = 3;


const keyOf = (f: Finding): string => `${f.message}\u0000${[...f.nodeIds].sort().join(',')}\u0000${[...f.edgeIds].sort().join(',')}`;

function unionIds(lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const l of lists) for (const id of l) seen.add(id);
  return [...seen];
}

function groupOf(list: readonly Finding[], folded: boolean, describe: (ruleId: string) => string | undefined): FindingGroup {
  const first = list[0]!;
  const fixes = new Set(list.map((f) => f.fix));
  const fix = fixes.size === 1 ? first.fix : undefined;
  return {
    ruleId: first.ruleId,
    severity: first.severity,
    message: folded ? `${list.length} findings: ${describe(first.ruleId) ?? first.message}` : first.message,
    count: list.length,
    nodeIds: unionIds(list.map((f) => f.nodeIds)),
    edgeIds: unionIds(list.map((f) => f.edgeIds)),
    ...(fix !== undefined ? { fix } : {}),
    docs: first.docs,
    findings: list,
    folded,
  };
}

/**
 * Group findings (already sorted by severity) for display: one group per finding while a rule has at most
 * `foldAbove` of one severity, one folded group per rule and severity beyond that, whose message is the count
 * and the rule's description (`describe`). Exact repeats are dropped.
 * Groups keep the order in which their first finding appears.
 * @example groupFindings(analysis.findings).length // <= analysis.findings.length
 */
export function groupFindings(findings: readonly Finding[], foldAbove: number = FOLD_ABOVE, describe: (ruleId: string) => string | undefined = () => undefined): FindingGroup[] {
  const byRule = new Map<string, Finding[]>();
  const seen = new Set<string>();
  for (const f of findings) {
    const k = `${f.ruleId}\u0000${f.severity}`;
    const dup = `${k}\u0000${keyOf(f)}`;
    if (seen.has(dup)) continue;
    seen.add(dup);
    const list = byRule.get(k);
    if (list) list.push(f);
    else byRule.set(k, [f]);
  }
  const groups: FindingGroup[] = [];
  for (const list of byRule.values()) {
    if (list.length > foldAbove) groups.push(groupOf(list, true, describe));
    else for (const f of list) groups.push(groupOf([f], false, describe));
  }
  // Keep the findings' own order (severity first): a rule's group sits where its first finding was.
  const firstAt = new Map(findings.map((f, i) => [f, i] as const));
  return groups.sort((a, b) => firstAt.get(a.findings[0]!)! - firstAt.get(b.findings[0]!)!);
}
