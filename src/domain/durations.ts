/**
 * Durations as people say them. The document keeps seconds (workflow-format.md); everything a person reads (an
 * analyzer message, a badge, a toast, a simulation figure) goes through `formatSeconds`, so "14400 s" never reaches
 * the screen and every part of Baton writes the same duration the same way.
 */

function significant(x: number): string {
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  return String(Number(x.toPrecision(3)));
}

/**
 * Seconds in the largest unit that keeps the figure readable (three significant digits): "850 ms", "42.5 s",
 * "12.3 min", "4 h", "3.1 d". Up to two days stay in hours ("24 h", "44 h"), because deadlines are said so.
 * @example formatSeconds(14_400) // "4 h"
 * @example formatSeconds(90) // "1.5 min"
 */
export function formatSeconds(s: number): string {
  const a = Math.abs(s);
  if (a === 0) return '0 s';
  if (a < 1) return `${significant(s * 1000)} ms`;
  if (a < 60) return `${significant(s)} s`;
  if (a < 3600) return `${significant(s / 60)} min`;
  if (a < 86_400 * 2) return `${significant(s / 3600)} h`;
  return `${significant(s / 86_400)} d`;
}
