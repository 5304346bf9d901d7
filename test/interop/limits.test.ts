/**
 * Every limit of workflow-format.md ("Limits"), each refused with a message that names the limit and the path.
 */
import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA_VERSION, formatProblem, MAX_EDGES, MAX_NODES } from '../../src/domain/index.ts';
import { exportWorkflow } from '../../src/interop/export.ts';
import { importWorkflow } from '../../src/interop/import.ts';
import { MAX_FILE_BYTES, MAX_NESTING, MAX_REPORTED_PROBLEMS } from '../../src/interop/limits.ts';
import { at, importEdited, problemsOf, sampleWorkflow } from './sample.ts';

const valid = exportWorkflow(sampleWorkflow());

function onlyProblem(r: ReturnType<typeof importWorkflow>) {
  const problems = problemsOf(r);
  expect(problems).toHaveLength(1);
  return problems[0];
}

describe('file size (10 MB)', () => {
  it('refuses bytes over the limit before decoding them', () => {
    const bytes = new Uint8Array(MAX_FILE_BYTES + 1).fill(0x20);
    const r = importWorkflow(bytes);
    expect(r).toMatchObject({ ok: false, unusable: true });
    expect(onlyProblem(r)).toMatchObject({ path: [], code: 'limit-file-size' });
    expect(onlyProblem(r)?.message).toMatch(/10 MB/);
  });

  it('counts a string in UTF-8 bytes, not characters', () => {
    // 3.6 million characters, but 10.8 million bytes: over the limit although .length is under it.
    const text = `"${'€'.repeat(3_600_000)}"`;
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    expect(onlyProblem(importWorkflow(text))?.code).toBe('limit-file-size');
  });

  it('counts a surrogate pair (an emoji) as 4 bytes', () => {
    // 2.7 million emoji: 5.4 million UTF-16 units, 10.8 million bytes.
    expect(onlyProblem(importWorkflow(`"${'😀'.repeat(2_700_000)}"`))?.code).toBe('limit-file-size');
    // 2.5 million: 10,000,002 bytes with the quotes, under the limit, so the size check lets it through.
    expect(onlyProblem(importWorkflow(`"${'😀'.repeat(2_500_000)}"`))?.code).toBe('not-a-workflow');
  });

  it('accepts a file just under the limit (padding whitespace is still JSON)', () => {
    const padded = valid + ' '.repeat(MAX_FILE_BYTES - new TextEncoder().encode(valid).byteLength);
    expect(new TextEncoder().encode(padded).byteLength).toBe(MAX_FILE_BYTES);
    expect(importWorkflow(padded).ok).toBe(true);
    expect(onlyProblem(importWorkflow(`${padded} `))?.code).toBe('limit-file-size');
  });
});

describe('nesting (64 levels)', () => {
  it('refuses 65 levels and names the path where it happens', () => {
    const r = importEdited((t) => {
      let deep: unknown = 1;
      for (let i = 0; i < MAX_NESTING; i++) deep = [deep];
      t.description = deep; // root object is level 1, so this reaches 65
    });
    const p = onlyProblem(r);
    expect(p?.code).toBe('limit-nesting');
    expect(p?.message).toMatch(/64/);
    expect(p?.path.slice(0, 2)).toEqual(['description', 0]);
    expect(r).toMatchObject({ unusable: true });
  });

  it('allows exactly 64 levels (then judges the content)', () => {
    const r = importEdited((t) => {
      let deep: unknown = 1;
      for (let i = 0; i < MAX_NESTING - 1; i++) deep = [deep];
      t.description = deep;
    });
    expect(problemsOf(r).map((p) => p.code)).toEqual(['invalid_type']);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const r = importEdited((t) => {
      t.description = `\\"${'[{'.repeat(500)}`;
    });
    expect(r.ok).toBe(true);
  });

  it('refuses a pathological 100,000-deep file without overflowing the stack', () => {
    expect(onlyProblem(importWorkflow('['.repeat(100_000)))?.code).toBe('limit-nesting');
  });
});

describe('node and edge counts', () => {
  it(`refuses more than ${MAX_NODES} nodes before validating any of them`, () => {
    const r = importEdited((t) => {
      t.nodes = Array.from({ length: MAX_NODES + 1 }, () => ({}));
    });
    const p = onlyProblem(r);
    expect(p).toMatchObject({ path: ['nodes'], code: 'limit-nodes' });
    expect(p?.message).toContain('10,000');
  });

  it(`refuses more than ${MAX_EDGES} edges`, () => {
    const r = importEdited((t) => {
      t.edges = Array.from({ length: MAX_EDGES + 1 }, () => ({}));
    });
    expect(onlyProblem(r)).toMatchObject({ path: ['edges'], code: 'limit-edges' });
    expect(onlyProblem(r)?.message).toContain('50,000');
  });

  it(`accepts exactly ${MAX_NODES} nodes`, () => {
    const doc = sampleWorkflow();
    doc.edges = [];
    doc.nodes = Array.from({ length: MAX_NODES }, (_, i) => ({ id: `n${i}`, kind: 'router' as const, label: '', position: { x: 0, y: 0 }, config: { mode: 'exclusive' as const } }));
    expect(importWorkflow(exportWorkflow(doc)).ok).toBe(true);
  });
});

describe('ids (128 characters)', () => {
  it.each([
    ['nodes', 1, 'id'],
    ['edges', 0, 'id'],
    ['scenarios', 0, 'id'],
  ] as const)('refuses a %s id of 129 characters at its path', (list, index, field) => {
    const r = importEdited((t) => {
      (at(t, list, index) as Record<string, unknown>)[field] = 'x'.repeat(129);
    });
    const p = problemsOf(r).find((q) => q.code === 'limit-id-length');
    expect(p?.path).toEqual([list, index, field]);
    expect(p?.message).toMatch(/129 characters.*128/);
  });

  it('accepts an id of exactly 128 characters', () => {
    const doc = sampleWorkflow();
    doc.id = 'x'.repeat(128);
    expect(importWorkflow(exportWorkflow(doc)).ok).toBe(true);
  });
});

describe('format and schemaVersion', () => {
  it('refuses an unknown format, naming it', () => {
    const r = importEdited((t) => (t.format = 'bpmn'));
    expect(onlyProblem(r)).toMatchObject({ path: ['format'], code: 'unknown-format' });
    expect(onlyProblem(r)?.message).toBe('unknown format "bpmn": not a Baton workflow, which says "format": "baton.workflow"');
  });

  it('refuses a file without a format as not a Baton workflow', () => {
    const r = importEdited((t) => delete t.format);
    expect(onlyProblem(r)?.message).toMatch(/not a Baton workflow/);
  });

  it('refuses a newer schemaVersion: made by a newer Baton; update', () => {
    const r = importEdited((t) => (t.schemaVersion = CURRENT_SCHEMA_VERSION + 1));
    const p = onlyProblem(r);
    expect(p).toMatchObject({ path: ['schemaVersion'], code: 'version-too-new' });
    expect(p?.message).toMatch(/made by a newer Baton; update/);
  });

  it.each([['1'], [1.5], [-1], [null]])('refuses schemaVersion %j', (v) => {
    const r = importEdited((t) => (t.schemaVersion = v));
    expect(onlyProblem(r)).toMatchObject({ path: ['schemaVersion'], code: 'invalid-version' });
  });

  it('refuses a top level that is not an object', () => {
    expect(onlyProblem(importWorkflow('[1, 2]'))?.message).toBe('not a Baton workflow: expected a JSON object at the top level, got a list of 2 items');
  });
});

describe('prototype keys', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses "%s" anywhere, with its path', (key) => {
    const text = valid.replace('"config": {\n        "capability"', `"config": {\n        "${key}": {},\n        "capability"`);
    expect(text).not.toBe(valid);
    const r = importWorkflow(text);
    expect(r).toMatchObject({ ok: false, unusable: true });
    const p = onlyProblem(r);
    expect(p).toMatchObject({ path: ['nodes', 1, 'config', key], code: 'forbidden-key' });
    expect(formatProblem(p ?? { path: [], code: '', message: '' })).toContain(`$.nodes[1].config.${key}`);
  });

  it('sees through escapes ("\\u005f_proto__" is "__proto__")', () => {
    const text = valid.replace('"meta": {', '"meta": {\n    "\\u005f_proto__": 1,');
    expect(onlyProblem(importWorkflow(text))).toMatchObject({ path: ['meta', '__proto__'], code: 'forbidden-key' });
  });

  it('refuses it in a record (lint rule options), where the schema itself would let it through', () => {
    const text = valid.replace('"scenarios": [', '"lint": { "rules": { "some-rule": ["error", { "constructor": 1 }] } },\n  "scenarios": [');
    expect(onlyProblem(importWorkflow(text))).toMatchObject({ path: ['lint', 'rules', 'some-rule', 1, 'constructor'], code: 'forbidden-key' });
  });

  it('allows the words as values', () => {
    const r = importEdited((t) => (t.name = '__proto__ constructor prototype'));
    expect(r.ok).toBe(true);
  });

  it('does not pollute Object.prototype while refusing', () => {
    importWorkflow(valid.replace('"meta": {', '"meta": { "__proto__": { "polluted": true },'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('JSON syntax', () => {
  it('gives line and column of the first error', () => {
    const lines = valid.split('\n');
    lines[3] = lines[3]?.replace(',', '') ?? ''; // drop the comma after "id"
    const p = onlyProblem(importWorkflow(lines.join('\n')));
    expect(p).toMatchObject({ path: [], code: 'invalid-json' });
    expect(p?.message).toMatch(/^not valid JSON: line 5, column 3: expected "," or "}" after a property value but found """$/);
  });

  it('names a trailing comma', () => {
    expect(onlyProblem(importWorkflow('{"a": 1,\n}'))?.message).toBe('not valid JSON: line 2, column 1: a trailing comma before "}" is not allowed in JSON');
  });

  it('names a truncated file', () => {
    expect(onlyProblem(importWorkflow(valid.slice(0, 200)))?.message).toMatch(/^not valid JSON: line \d+, column \d+: /);
  });

  it('names an empty file', () => {
    expect(onlyProblem(importWorkflow('  \n'))?.message).toBe('not valid JSON: line 2, column 1: the file is empty; expected a JSON object');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(onlyProblem(importWorkflow(new Uint8Array([0x7b, 0xff, 0x7d])))?.code).toBe('invalid-encoding');
  });

  it('accepts a byte-order mark', () => {
    expect(importWorkflow(`\ufeff${valid}`).ok).toBe(true);
    expect(importWorkflow(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(valid)])).ok).toBe(true);
  });

  it('reports a duplicate key that JSON.parse would silently resolve', () => {
    const text = valid.replace('"name": "Sample",', '"name": "Sample",\n  "name": "Other",');
    const r = importWorkflow(text);
    expect(r).toMatchObject({ ok: false, unusable: false });
    expect(problemsOf(r)).toEqual([{ path: ['name'], code: 'duplicate-key', message: 'the field "name" appears more than once in this object; keep one' }]);
  });
});

describe('non-finite numbers', () => {
  it('reports 1e999 (Infinity after parsing) at its path', () => {
    const text = valid.replace('"x": 200', '"x": 1e999');
    const p = onlyProblem(importWorkflow(text));
    expect(p).toMatchObject({ path: ['nodes', 1, 'position', 'x'], code: 'non-finite' });
  });
});

describe('the report', () => {
  it(`lists at most ${MAX_REPORTED_PROBLEMS} problems and then says how many more`, () => {
    const r = importEdited((t) => {
      const nodes = t.nodes as unknown[];
      for (let i = 0; i < 300; i++) nodes.push({ id: `bad${i}`, kind: 'router', label: '', position: { x: 0, y: 0 }, config: { mode: 'random' } });
    });
    const problems = problemsOf(r);
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems[MAX_REPORTED_PROBLEMS]).toEqual({ path: [], code: 'more-problems', message: 'and 100 more problems' });
  });
});
