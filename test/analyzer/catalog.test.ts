import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../src/analyzer/catalog.ts';
import { RULE_CATEGORIES } from '../../src/analyzer/define-rule.ts';

const root = new URL('../../', import.meta.url);
const ruleFiles = readdirSync(new URL('src/analyzer/rules/', root)).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort();

describe('rule catalog', () => {
  it('holds every rule file, once, with ids equal to file names', () => {
    expect(ALL_RULES.map((r) => r.id).sort()).toEqual(ruleFiles);
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(35);
  });

  it.each(ALL_RULES.map((r) => [r.id, r] as const))('%s has a test, a docs page and sane metadata', (id, rule) => {
    expect(existsSync(new URL(`test/analyzer/rules/${id}.test.ts`, root))).toBe(true);
    expect(rule.meta.docs).toBe(`docs/rules/${id}.md`);
    expect(existsSync(new URL(rule.meta.docs, root))).toBe(true);
    expect(RULE_CATEGORIES).toContain(rule.meta.category);
    for (const v of Object.values(rule.options)) expect(['number', 'string', 'boolean']).toContain(typeof v);
  });

  it('covers every category', () => {
    for (const c of RULE_CATEGORIES) expect(ALL_RULES.some((r) => r.meta.category === c)).toBe(true);
  });
});
