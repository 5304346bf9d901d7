/** Names people can tell apart. */

/**
 * `name` if no other design uses it, else `name (imported)`, `name (imported 2)`...: an imported copy never
 * shares its name with the design it was exported from (issue 11: two identical entries in the list).
 * @example distinctName('KYC', ['KYC']) // 'KYC (imported)'
 */
export function distinctName(name: string, taken: Iterable<string>, suffix = 'imported'): string {
  const used = new Set([...taken].map((n) => n.trim().toLocaleLowerCase()));
  if (!used.has(name.trim().toLocaleLowerCase())) return name;
  for (let i = 1; ; i++) {
    const candidate = `${name} (${suffix}${i === 1 ? '' : ` ${i}`})`;
    if (!used.has(candidate.toLocaleLowerCase())) return candidate;
  }
}
