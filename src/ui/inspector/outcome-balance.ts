/**
 * Keeping an outcome table summing to 1 while a person edits it (issue 11: setting `wrong` to 0.03 was an error
 * until `ok` was lowered by hand). The edited outcome takes the typed value; one outcome, the absorber (ok, or
 * approve, or the one the person picks), takes up the difference. Import never rebalances: a file whose table does
 * not sum to 1 is still refused with the schema's message.
 */

/** Rounding that keeps sums exact to the schema's tolerance without float noise ("0.9700000000000001"). */
const round = (x: number): number => Math.round(x * 1e9) / 1e9;

/** The outcome that absorbs the difference unless the person picks another: ok, else approve, else the first. */
export function defaultAbsorber(keys: readonly string[]): string | undefined {
  return keys.includes('ok') ? 'ok' : keys.includes('approve') ? 'approve' : keys[0];
}

/**
 * The table with `key` set to `value` and the absorber `chosen` changed so the whole sums to 1; when there is not
 * enough left, the absorber is 0 and the table stays over 1 (the schema's message says so).
 * @example rebalance({ ok: 0.98, wrong: 0.02 }, 'wrong', 0.03, 'ok') // { ok: 0.97, wrong: 0.03 }
 */
export function rebalance(table: Readonly<Record<string, number>>, key: string, value: number, chosen: string | undefined): Record<string, number> {
  const next: Record<string, number> = { ...table, [key]: value };
  // Editing the absorber itself: the largest other outcome takes up the difference (ok 0.9 -> wrong 0.1).
  const others = Object.entries(table).filter(([k]) => k !== key);
  const absorber = chosen === key ? others.reduce<[string, number] | undefined>((a, e) => (a === undefined || e[1] > a[1] ? e : a), undefined)?.[0] : chosen;
  if (absorber === undefined || !(absorber in next)) return next;
  const rest = Object.entries(next).reduce((sum, [k, v]) => (k === absorber || k === key ? sum : sum + v), 0);
  // What was typed stays as typed (changing it under the cursor would fight the typing); when it leaves nothing
  // for the absorber, the absorber is 0 and the sum line says by how much the table is over.
  next[absorber] = round(Math.max(0, 1 - rest - value));
  return next;
}
