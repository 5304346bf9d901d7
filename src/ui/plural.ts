/**
 * A count with its noun in the right number, for lists that say how many steps a design has ("1 step",
 * "0 steps", "19 steps").
 * @example countOf(1, 'step') // "1 step"
 */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? noun : plural}`;
}
