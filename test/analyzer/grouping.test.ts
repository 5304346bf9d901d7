import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyzer/engine.ts';
import { groupFindings } from '../../src/analyzer/grouping.ts';
import type { Finding } from '../../src/analyzer/types.ts';
import { toolNamed } from './fixtures.ts';

const f = (ruleId: string, nodeIds: string[], message = `m ${nodeIds.join(',')}`, severity: Finding['severity'] = 'warning'): Finding => ({ ruleId, severity, message, nodeIds, edgeIds: [], docs: `docs/rules/${ruleId}.md`, fix: 'do it' });

describe('groupFindings', () => {
  it('keeps a rule with few findings one line each, in the findings order', () => {
    const list = [f('a', ['1']), f('b', ['2']), f('a', ['3'])];
    const g = groupFindings(list, 3);
    expect(g.map((x) => [x.ruleId, x.folded, x.message])).toEqual([
      ['a', false, 'm 1'],
      ['b', false, 'm 2'],
      ['a', false, 'm 3'],
    ]);
  });

  it('folds more than foldAbove findings of one rule and severity into one group naming every node once', () => {
    const list = [f('x', ['1', '2']), f('x', ['2', '3']), f('y', ['9']), f('x', ['4']), f('x', ['5'])];
    const g = groupFindings(list, 3, (id) => (id === 'x' ? 'X catches things.' : undefined));
    expect(g).toHaveLength(2);
    expect(g[0]).toMatchObject({ ruleId: 'x', folded: true, count: 4, message: '4 findings: X catches things.', nodeIds: ['1', '2', '3', '4', '5'], fix: 'do it' });
    expect(g[0]!.findings).toEqual([list[0], list[1], list[3], list[4]]);
    expect(g[1]).toMatchObject({ ruleId: 'y', folded: false, count: 1 });
  });

  it('counts exact repeats once and keeps severities apart', () => {
    const list = [f('x', ['1', '2'], 'same'), f('x', ['2', '1'], 'same'), f('x', ['3'], 'same', 'info')];
    const g = groupFindings(list, 0);
    expect(g.map((x) => [x.severity, x.count])).toEqual([
      ['warning', 1],
      ['info', 1],
    ]);
  });

  it('drops the fix of a group whose findings disagree on it', () => {
    const list = [f('x', ['1']), { ...f('x', ['2']), fix: 'something else' }];
    expect(groupFindings(list, 1)[0]!.fix).toBeUndefined();
  });

  it('the analysis carries groups: six steps named after their tool fold into one line', () => {
    const a = analyze(toolNamed(6));
    const found = a.findings.filter((x) => x.ruleId === 'tool-centric-design');
    expect(found.length).toBe(6);
    const groups = a.groups.filter((g) => g.ruleId === 'tool-centric-design');
    expect(groups).toHaveLength(1);
    expect(groups[0]!.count).toBe(6);
    expect(groups[0]!.message).toMatch(/^6 findings: Steps named after the tool or model/);
    expect(a.groups.length).toBeLessThan(a.findings.length);
  });
});
