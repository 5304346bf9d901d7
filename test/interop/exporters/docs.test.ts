/** docs/interop.md stays true to the exporters: the namespace, the shapes, the formats, the limits it names. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_KINDS } from '../../../src/domain/index.ts';
import { BATON_BPMN_NAMESPACE } from '../../../src/interop/bpmn/baton-extensions.ts';
import { EXPORT_FORMATS } from '../../../src/interop/export-format.ts';
import { NOTE_TEXT_LIMIT, SHAPES } from '../../../src/interop/mermaid/export.ts';
import { parseConvertArgs } from '../../../src/cli/commands/convert.ts';

const doc = readFileSync(new URL('../../../docs/interop.md', import.meta.url), 'utf8');

describe('docs/interop.md', () => {
  it('names the BPMN extension namespace the exporter writes', () => {
    expect(doc).toContain(`namespace \`${BATON_BPMN_NAMESPACE}\``);
  });

  it('lists the Mermaid shape of every kind the exporter draws', () => {
    for (const kind of NODE_KINDS) {
      const [open, close] = SHAPES[kind];
      const name = ({ ai: 'AI step', tool: 'tool step', data: 'data step', human: 'human gate' } as Partial<Record<string, string>>)[kind] ?? kind;
      expect(doc, kind).toMatch(new RegExp(`\\| ${name} \\| [a-z ]+ \`${escape(open)}\\.\\.\\.${escape(close)}\``));
    }
    expect(doc).toContain(`cut to ${NOTE_TEXT_LIMIT} characters`);
  });

  it('documents every --to format baton convert accepts, and no other', () => {
    const documented = /`--to` takes (.+?); the file/.exec(doc)?.[1]?.match(/`([a-z0-9]+)`/g)?.map((s) => s.slice(1, -1)) ?? [];
    expect(documented.sort()).toEqual(['baton', ...EXPORT_FORMATS.map((f) => f.id)].sort());
    for (const to of documented) expect(typeof parseConvertArgs(['in.json', '--to', to])).toBe('object');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
