import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { parseLintArgs } from '../../src/cli/commands/lint.ts';
import { main } from '../../src/cli/main.ts';
import type { Workflow } from '../../src/domain/index.ts';
import { Builder, chainDoc, toolNamed } from '../analyzer/fixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'baton-lint-'));
let n = 0;
function file(content: string | Workflow): string {
  const path = join(dir, `f${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function lint(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(['lint', ...args], { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

/** The JSON contract of interfaces.md, parsed rather than trusted. */
const lintJsonSchema = z.object({
  findings: z.array(z.object({ ruleId: z.string(), severity: z.enum(['info', 'warning', 'error']), message: z.string(), nodeIds: z.array(z.string()), edgeIds: z.array(z.string()), fix: z.string().optional() })),
  metrics: z.object({ nodes: z.number(), workNodes: z.number(), longestPath: z.number(), cfc: z.number(), maxDegree: z.number(), estimatedSuccess: z.number() }),
  score: z.object({ value: z.number(), band: z.string() }),
  overEngineering: z.object({ ratio: z.number(), needed: z.number(), used: z.number() }),
});

/** A clean design: one AI step with a purpose, checked, errors to an alert. */
function clean(): Workflow {
  return new Builder()
    .add('trigger', 't', { label: 'Receive request' })
    .add('ai', 'a', { label: 'Draft reply', config: { purpose: 'Draft a reply to the request' } })
    .add('check', 'c', { label: 'Validate reply format' })
    .add('output', 'o', { label: 'Send reply' })
    .add('output', 'x', { label: 'Raise alert', config: { type: 'alert', outcome: 'error' } })
    .chain('t', 'a', 'c', 'o')
    .link('c', 'x', { sourcePort: 'fail' })
    .build();
}

describe('baton lint', () => {
  it('exits 0 on a clean design and prints a summary', async () => {
    const r = await lint(file(clean()));
    expect(r.err).toBe('');
    expect(r.out).toMatch(/0 error\(s\), 0 warning\(s\)/);
    expect(r.out).toMatch(/complexity: \d/);
    expect(r.code).toBe(0);
  });

  it('says the steps a case passes in whole steps, or as an average with what it weighs, never a bare fraction', async () => {
    expect((await lint(file(clean()))).out).toMatch(/over-engineering: 2 work steps per case for ~\d+ needed/);
    const branch = new Builder().add('trigger', 't').add('router', 'r').add('tool', 'gh', { label: 'Open issue' }).add('output', 'o').add('output', 'skip').chain('t', 'r', 'gh', 'o').link('r', 'skip').build();
    const r = await lint(file(branch));
    expect(r.out).toContain('over-engineering: 0.5 work steps per case on average (a step on a branch counts by the share of cases that take it) for ~1 needed');
    expect(r.out).not.toMatch(/0\.5 steps for/);
  });

  it('prints the JSON contract', async () => {
    const r = await lint(file(chainDoc(['ai', 'ai', 'ai'])), '--format', 'json');
    const parsed = lintJsonSchema.parse(JSON.parse(r.out));
    expect(parsed.metrics.nodes).toBe(5);
    expect(parsed.metrics.workNodes).toBe(3);
    expect(parsed.findings.some((f) => f.ruleId === 'long-llm-chain' && f.severity === 'warning')).toBe(true);
    expect(r.code).toBe(0); // warnings only, no --max-warnings
  });

  it('adds groups to the JSON: a rule\'s many findings as one entry naming them by index; the text prints one line', async () => {
    const f = file(toolNamed(6));
    const parsed = z
      .object({ findings: z.array(z.object({ ruleId: z.string() })), groups: z.array(z.object({ ruleId: z.string(), count: z.number(), message: z.string(), nodeIds: z.array(z.string()), findings: z.array(z.number()) })) })
      .parse(JSON.parse((await lint(f, '--format', 'json')).out));
    const group = parsed.groups.find((g) => g.ruleId === 'tool-centric-design');
    expect(group?.count).toBe(6);
    expect(group?.findings.map((i) => parsed.findings[i]?.ruleId)).toEqual(Array(6).fill('tool-centric-design'));
    const text = (await lint(f)).out;
    expect(text.split('\n').filter((l) => l.includes('tool-centric-design'))).toHaveLength(1);
  });

  it('exits 1 on an error finding', async () => {
    const r = await lint(file(new Builder().add('ai', 'a').add('output', 'o').chain('a', 'o').build()));
    expect(r.out).toMatch(/error trigger-required/);
    expect(r.code).toBe(1);
  });

  it('exits 1 when warnings exceed --max-warnings, 0 when they do not', async () => {
    const f = file(chainDoc(['ai', 'ai', 'ai']));
    const { out } = await lint(f, '--format=json');
    const warnings = lintJsonSchema.parse(JSON.parse(out)).findings.filter((x) => x.severity === 'warning').length;
    expect(warnings).toBeGreaterThan(0);
    expect((await lint(f, '--max-warnings', String(warnings))).code).toBe(0);
    expect((await lint(f, '--max-warnings', String(warnings - 1))).code).toBe(1);
  });

  it('applies the preset', async () => {
    const f = file(chainDoc(['ai', 'ai', 'ai']));
    const structure = lintJsonSchema.parse(JSON.parse((await lint(f, '--preset', 'structure', '--format', 'json')).out));
    expect(structure.findings.some((x) => x.ruleId === 'redundant-ai-chain')).toBe(false);
  });

  it('exits 2 with one line on stderr for unusable input', async () => {
    for (const args of [[join(dir, 'missing.json')], [file('{ not json')], [file('{"format":"other"}')], [], ['a.json', '--preset', 'loose']]) {
      const r = await lint(...args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
    }
  });

  it('parses its arguments', () => {
    expect(parseLintArgs(['f.json', '--max-warnings', '3', '--format', 'json'])).toEqual({ file: 'f.json', preset: undefined, format: 'json', maxWarnings: 3 });
    expect(parseLintArgs(['f.json', '--max-warnings', '-1'])).toMatch(/whole number/);
    expect(parseLintArgs(['f.json', '--bogus'])).toMatch(/unknown option/);
  });
});
