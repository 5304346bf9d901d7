/**
 * The rule pages in docs/rules/<id>.md, bundled as text and loaded only when someone opens one, so the
 * documentation a finding links to is the same page the repository publishes, readable offline in the app.
 */
const pages = import.meta.glob<string>('../../../docs/rules/*.md', { query: '?raw', import: 'default' });

/** The markdown of a rule's page, or undefined when the rule has none (a rule-error finding, say). */
export async function loadRuleDoc(ruleId: string): Promise<string | undefined> {
  const load = pages[`../../../docs/rules/${ruleId}.md`];
  return load ? load() : undefined;
}

export function hasRuleDoc(ruleId: string): boolean {
  return `../../../docs/rules/${ruleId}.md` in pages;
}
