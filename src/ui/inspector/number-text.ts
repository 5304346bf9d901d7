/**
 * Number fields keep what the person types as text and commit only numbers: "", "-", "1e" and "0." are
 * normal steps on the way to a number, and none of them may reach the document as NaN or 0.
 */

export type ParsedNumber = { readonly ok: true; readonly value: number | undefined } | { readonly ok: false };

/**
 * @example parseNumberText('1e', false) // { ok: false }
 * @example parseNumberText('', true) // { ok: true, value: undefined } (an optional field left empty)
 */
export function parseNumberText(text: string, optional: boolean): ParsedNumber {
  const t = text.trim();
  if (t === '') return optional ? { ok: true, value: undefined } : { ok: false };
  // Number() accepts "0x1f" and "Infinity"; only plain decimal notation is a number a person meant.
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return { ok: false };
  const value = Number(t);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

export function formatNumberText(value: unknown): string {
  return typeof value === 'number' ? String(value) : '';
}
