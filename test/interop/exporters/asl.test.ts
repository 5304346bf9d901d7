/**
 * Step Functions export, checked by asl-validator (the Amazon States Language schema plus its transition,
 * terminal-state, duplicate-name and path checks) on every template, on hostile labels, and on the constructs
 * ASL cannot express, which must be refused with a sentence naming the node.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createNode, createWorkflow, type Workflow, type WorkflowEdge } from '../../../src/domain/index.ts';
import { exportAsl } from '../../../src/interop/asl/export.ts';
import { choiceRule } from '../../../src/interop/asl/states.ts';
import { displayName } from '../../../src/interop/export-graph.ts';
import { TEMPLATES } from '../../../src/templates/index.ts';
import { withHostileText } from './hostile.ts';
import { dataLoopDesign } from './data-loop-design.ts';

const require = createRequire(import.meta.url);
type Validator = (definition: unknown) => { isValid: boolean; errorsText: (sep?: string) => string };
const validate = require('asl-validator') as Validator;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Machine {
  StartAt: string;
  States: Record<string, Record<string, Json>>;
}

function exported(doc: Workflow): { machine: Machine; text: string; notes: readonly { message: string; nodeId?: string }[] } {
  const r = exportAsl(doc);
  if (!r.ok) throw new Error(r.reason);
  const machine = JSON.parse(r.text) as Machine;
  return { machine, text: r.text, notes: r.notes };
}

function expectValid(text: string): void {
  // The validator adds fields to what it checks: give it its own copy.
  const result = validate(JSON.parse(text));
  expect(result.errorsText(), 'asl-validator').toBe('');
  expect(result.isValid).toBe(true);
}

/** Every state of the machine, Parallel branches included. */
function allStates(machine: { States: Record<string, Record<string, Json>> }): Array<[string, Record<string, Json>]> {
  const out: Array<[string, Record<string, Json>]> = [];
  for (const [name, state] of Object.entries(machine.States)) {
    out.push([name, state]);
    const branches = state.Branches;
    if (Array.isArray(branches)) for (const b of branches) out.push(...allStates(b as unknown as Machine));
    const processor = state.ItemProcessor;
    if (processor && typeof processor === 'object' && !Array.isArray(processor)) out.push(...allStates(processor as unknown as Machine));
  }
  return out;
}

function chain(...kinds: Array<['trigger' | 'ai' | 'tool' | 'router' | 'join' | 'output' | 'human' | 'check', string]>): Workflow {
  const doc = createWorkflow({ id: 'wf', name: 'Test' });
  doc.nodes = kinds.map(([kind, id], i) => createNode(kind, { id, position: { x: i * 240, y: 0 }, label: id }));
  return doc;
}
const edge = (id: string, source: string, target: string, sourcePort = 'out', extra: Partial<WorkflowEdge> = {}): WorkflowEdge => ({ id, source, sourcePort, target, ...extra });

describe('Step Functions (ASL) export', () => {
  it.each(TEMPLATES.map((t) => [t.id, t.doc] as const))('template %s passes asl-validator', (_id, doc) => {
    const { text, machine } = exported(doc);
    expectValid(text);
    expect(machine.StartAt).toBe(displayName(doc.nodes.find((n) => n.kind === 'trigger') ?? doc.nodes[0]!));
  });

  it('writes Retry with MaxAttempts = maximumAttempts - 1, the interval, backoff, cap and jitter, and TimeoutSeconds', () => {
    const doc = TEMPLATES.find((t) => t.id === 'code-review-ci')?.doc;
    if (!doc) throw new Error('no template');
    const step = doc.nodes.find((n) => n.id === 'static');
    if (step?.kind !== 'tool') throw new Error('no static step');
    const retrier = step.policy?.retry?.[0];
    if (!retrier) throw new Error('no retrier');
    const state = allStates(exported(doc).machine).find(([name]) => name === displayName(step))?.[1];
    expect(state?.Type).toBe('Task');
    expect(state?.TimeoutSeconds).toBe(step.policy?.timeouts?.startToCloseSeconds);
    expect(state?.Retry).toEqual([
      {
        ErrorEquals: retrier.errorEquals.map((e) => (e === 'timeout' ? 'States.Timeout' : e)),
        MaxAttempts: retrier.maximumAttempts - 1,
        IntervalSeconds: retrier.initialIntervalSeconds,
        BackoffRate: retrier.backoffCoefficient,
        MaxDelaySeconds: retrier.maximumIntervalSeconds,
        JitterStrategy: 'FULL',
      },
    ]);
    // The static analysis runs in the second branch of the split; its error route ends the branch at the join.
    const fanOut = doc.nodes.find((n) => n.id === 'fan-out');
    const wait = doc.nodes.find((n) => n.id === 'wait');
    if (!fanOut || !wait) throw new Error('no split');
    expect(state?.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: `${displayName(wait)}: branch 2 of ${displayName(fanOut)} done` }]);
  });

  it('turns a parallel split into a Parallel state whose branches end at the join', () => {
    const doc = TEMPLATES.find((t) => t.id === 'weekly-reporting')?.doc;
    if (!doc) throw new Error('no template');
    const { machine } = exported(doc);
    const parallel = Object.values(machine.States).find((s) => s.Type === 'Parallel');
    expect(parallel?.Branches).toHaveLength(3);
    const join = doc.nodes.find((n) => n.id === 'wait-queries');
    if (!join) throw new Error('no join');
    expect(parallel?.Next).toBe(displayName(join));
    expect(machine.States[displayName(join)]?.Type).toBe('Pass');
  });

  it('makes a human gate a waitForTaskToken task with HeartbeatSeconds from the SLA, caught to the timeout route', () => {
    const doc = TEMPLATES.find((t) => t.id === 'kyc-onboarding')?.doc;
    const gate = doc?.nodes.find((n) => n.id === 'manual-review');
    if (!doc || gate?.kind !== 'human') throw new Error('no gate');
    const { machine } = exported(doc);
    const state = machine.States[displayName(gate)];
    expect(state?.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(state?.HeartbeatSeconds).toBe(gate.config.slaSeconds);
    const timeoutTarget = doc.nodes.find((n) => n.id === doc.edges.find((e) => e.source === gate.id && e.sourcePort === 'timeout')?.target);
    if (!timeoutTarget) throw new Error('no timeout route');
    expect(state?.Catch).toEqual([{ ErrorEquals: ['States.HeartbeatTimeout', 'States.Timeout'], ResultPath: '$.error', Next: displayName(timeoutTarget) }]);
    const decision = machine.States[String(state?.Next)];
    expect(decision?.Type).toBe('Choice');
    expect((decision?.Choices as Json[]).map((c) => (c as { StringEquals: string }).StringEquals)).toEqual(['approve', 'reject']);
  });

  it('ends outputs in Succeed, or Fail for an error outcome', () => {
    const doc = TEMPLATES[0]?.doc;
    if (!doc) throw new Error('no template');
    const { machine } = exported(doc);
    for (const n of doc.nodes) {
      if (n.kind !== 'output') continue;
      expect(machine.States[displayName(n)]?.Type).toBe(n.config.outcome === 'error' ? 'Fail' : 'Succeed');
    }
  });

  it('refuses an inclusive router, naming it', () => {
    const doc = chain(['trigger', 't'], ['router', 'pick'], ['output', 'a'], ['output', 'b']);
    const router = doc.nodes[1];
    if (router?.kind === 'router') router.config.mode = 'inclusive';
    doc.edges = [edge('e1', 't', 'pick'), edge('e2', 'pick', 'a'), edge('e3', 'pick', 'b')];
    const r = exportAsl(doc);
    expect(r).toMatchObject({ ok: false, nodeId: 'pick' });
    expect(r.ok ? '' : r.reason).toMatch(/^Router "pick" is inclusive/);
  });

  it('refuses a loop back into a parallel branch, naming the node', () => {
    const doc = chain(['trigger', 't'], ['router', 'split'], ['ai', 'left'], ['ai', 'right'], ['join', 'both'], ['check', 'ok'], ['output', 'done']);
    const split = doc.nodes[1];
    if (split?.kind === 'router') split.config.mode = 'parallel';
    doc.edges = [
      edge('e1', 't', 'split'),
      edge('e2', 'split', 'left'),
      edge('e3', 'split', 'right'),
      edge('e4', 'left', 'both'),
      edge('e5', 'right', 'both'),
      edge('e6', 'both', 'ok'),
      edge('e7', 'ok', 'done', 'pass'),
      edge('e8', 'ok', 'left', 'fail'),
    ];
    const r = exportAsl(doc);
    expect(r).toMatchObject({ ok: false, nodeId: 'left' });
    expect(r.ok ? '' : r.reason).toMatch(/"left" is inside the parallel branches of "split" but is also entered from "ok"/);
  });

  it('makes a loop a Map state whose ItemProcessor is the body; data steps Pass, Task or Wait states', () => {
    const doc = dataLoopDesign();
    const { text, machine, notes } = exported(doc);
    expectValid(text);
    const loop = machine.States['For each lead'];
    expect(loop).toMatchObject({ Type: 'Map', ItemsPath: '$.items', MaxConcurrency: 1, ResultPath: '$.items', Next: 'After aggregate' });
    const body = loop?.ItemProcessor as unknown as Machine & { ProcessorConfig: Json };
    // Five leads per pass: only a distributed Map state batches, each batch a STANDARD child execution.
    expect(body.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    expect(loop?.ItemBatcher).toEqual({ MaxItemsPerBatch: 5 });
    expect(body.StartAt).toBe('Research the company');
    // The body's last step goes on to the next item; the error output inside fails the iteration, and the Map
    // state catches it to the output outside.
    expect(body.States['Body file']).toMatchObject({ Next: 'For each lead: next item' });
    expect(body.States['For each lead: next item']).toEqual({ Type: 'Pass', End: true });
    expect(body.States['Research failed']).toMatchObject({ Type: 'Fail', Error: 'Baton.alert' });
    expect(loop?.Catch).toEqual([{ ErrorEquals: ['Baton.alert'], ResultPath: '$.error', Next: 'Research failed (2)' }]);
    // Pure transforms are Pass states; code, conversions and files are Lambda tasks; a wait is a Wait state.
    const types = Object.fromEntries(allStates(machine).map(([name, st]) => [name, st.Type]));
    for (const op of ['filter', 'sort', 'limit', 'dedupe']) expect(types[`Body ${op}`], op).toBe('Pass');
    for (const op of ['code', 'convert', 'file']) expect(types[`Body ${op}`], op).toBe('Task');
    for (const op of ['aggregate', 'merge', 'split', 'respond', 'pass']) expect(types[`After ${op}`], op).toBe('Pass');
    expect(machine.States['After wait']).toMatchObject({ Type: 'Wait', Seconds: 90 });
    expect(String(machine.States['Keep name and domain']?.Comment)).toMatch(/^Data step \(set\)/);
    // The agent's tools are named in its comment; the batch size and the respond step are reported.
    expect(String(body.States['Research the company']?.Comment)).toContain('Post to Slack (notification, side effect: irreversible)');
    const messages = notes.map((n) => n.message);
    expect(messages).toContainEqual(expect.stringMatching(/^A batch size above 1 makes a distributed Map state.*"For each lead"/));
    expect(messages).toContainEqual(expect.stringMatching(/answering the caller is a Pass state: "After respond"/));
  });

  it('keeps a one-item-per-pass loop an inline Map state with no batcher', () => {
    const doc = dataLoopDesign();
    const loopNode = doc.nodes.find((n) => n.kind === 'loop');
    if (loopNode?.kind !== 'loop') throw new Error('no loop');
    loopNode.config.batchSize = 1;
    const { text, machine, notes } = exported(doc);
    expectValid(text);
    const loop = machine.States['For each lead'];
    expect((loop?.ItemProcessor as unknown as { ProcessorConfig: Json }).ProcessorConfig).toEqual({ Mode: 'INLINE' });
    expect(loop?.ItemBatcher).toBeUndefined();
    expect(notes.map((n) => n.message)).not.toContainEqual(expect.stringMatching(/batch size/));
  });

  it('ends a pass where a parallel split in the body comes back to the loop', () => {
    const doc = dataLoopDesign();
    // The body forks: one branch goes straight back to the loop, the other on through the steps.
    doc.edges.push({ id: 'fork', source: 'research', sourcePort: 'out', target: 'each-lead' });
    const { text, machine } = exported(doc);
    expectValid(text);
    const body = machine.States['For each lead']?.ItemProcessor as unknown as Machine;
    expect(body.States['Research the company: in parallel']).toMatchObject({ Type: 'Parallel', Next: 'For each lead: next item' });
  });

  it('refuses a loop body that is entered from outside the loop or leaves it, naming the node', () => {
    const entered = dataLoopDesign();
    entered.edges.push({ id: 'in', source: 'set', sourcePort: 'out', target: 'body-sort' });
    const r1 = exportAsl(entered);
    expect(r1).toMatchObject({ ok: false, nodeId: 'body-sort' });
    expect(r1.ok ? '' : r1.reason).toMatch(/^"Body sort" is in the body of the loop "For each lead" but is also entered from "Keep name and domain" outside it/);
    const leaves = dataLoopDesign();
    const last = leaves.edges.find((e) => e.source === 'body-file');
    if (last) last.target = 'after-merge';
    const r2 = exportAsl(leaves);
    expect(r2.ok).toBe(false);
    expect(r2.ok ? '' : r2.reason).toMatch(/is in the body of the loop "For each lead" but is also entered from/);
  });

  it('starts at the trigger that reaches the most steps, and reports the others', () => {
    const doc = dataLoopDesign();
    const side = createNode('trigger', { id: 'side', position: { x: 0, y: 600 }, label: 'Called as a tool' });
    doc.nodes.unshift(side);
    doc.edges.push(edge('side-edge', 'side', 'after-pass'));
    const { machine, notes } = exported(doc);
    expect(machine.StartAt).toBe('New leads arrive');
    expect(notes.map((n) => n.message)).toContainEqual('Trigger "Called as a tool": a state machine starts at one state; only "New leads arrive" is kept, and steps only this trigger reaches are left out.');
  });

  it('says a called workflow is started by its caller, as a child execution', () => {
    const doc = dataLoopDesign();
    const first = doc.nodes.find((n) => n.kind === 'trigger');
    if (first?.kind !== 'trigger') throw new Error('no trigger');
    first.config = { type: 'called' };
    const { machine, text } = exported(doc);
    expectValid(text);
    expect(machine.States[displayName(first)]?.Comment).toMatch(/^Trigger \(called\): the calling state machine starts an execution \(states:startExecution\.sync\) with the case as input\./);
  });

  it('guards conditions so a missing field or another type is false, as in Baton', () => {
    expect(choiceRule({ field: 'confidence', op: '<', value: 0.6 })).toEqual({
      And: [{ Variable: '$.confidence', IsPresent: true }, { Variable: '$.confidence', IsNumeric: true }, { Variable: '$.confidence', NumericLessThan: 0.6 }],
    });
    expect(choiceRule({ field: 'tier', op: '!=', value: 'gold' })).toEqual({
      And: [{ Variable: '$.tier', IsPresent: true }, { Not: { And: [{ Variable: '$.tier', IsString: true }, { Variable: '$.tier', StringEquals: 'gold' }] } }],
    });
  });

  it('says what it could not carry over: shares become tests on $.branch, a join timeout has no equivalent', () => {
    const doc = TEMPLATES.find((t) => t.id === 'code-review-ci')?.doc;
    if (!doc) throw new Error('no template');
    const messages = exported(doc).notes.map((n) => n.message);
    expect(messages).toContainEqual(expect.stringMatching(/chooses risky \(~25%\) by share; Step Functions has no random choice/));
    expect(messages).toContainEqual(expect.stringMatching(/its 15 min timeout has no Step Functions equivalent/));
  });

  it('keeps hostile labels as data: valid JSON, valid ASL, state names and comments read back', () => {
    for (const t of TEMPLATES) {
      const doc = withHostileText(t.doc);
      const { text, machine } = exported(doc);
      expectValid(text);
      const names = allStates(machine).map(([name]) => name);
      expect(new Set(names).size).toBe(names.length);
      for (const name of names) expect(Array.from(name).length).toBeLessThanOrEqual(80);
    }
  });

  it('writes the same bytes for the same document', () => {
    const doc = TEMPLATES[3]?.doc;
    if (!doc) throw new Error('no template');
    expect(exported(structuredClone(doc)).text).toBe(exported(doc).text);
  });
});
