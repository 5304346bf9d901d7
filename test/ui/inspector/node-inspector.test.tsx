// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AiNode, HumanNode } from '../../../src/domain/index.ts';
import type { EditorStore } from '../../../src/store/editor-store.ts';
import { docWith, renderInspector, undoDepth } from './render-inspector.tsx';

/** ids: trigger0, ai1, human2 */
function setup(select = 'ai1') {
  const r = renderInspector(docWith(['trigger', 'ai', 'human']));
  act(() => r.store.getState().select([select]));
  return r;
}

function ai(store: EditorStore): AiNode {
  const n = store.getState().doc.nodes.find((x) => x.id === 'ai1');
  if (n?.kind !== 'ai') throw new Error('ai1 missing');
  return n;
}

function human(store: EditorStore): HumanNode {
  const n = store.getState().doc.nodes.find((x) => x.id === 'human2');
  if (n?.kind !== 'human') throw new Error('human2 missing');
  return n;
}

const group = (name: string) => screen.getByRole('group', { name });
const undo = (store: EditorStore) => act(() => store.getState().undo());

describe('Inspector on a node', () => {
  it('a step without a stub says the simulator uses a typical step\'s figures (it once said it could not run), and Add stub fills them in', async () => {
    const doc = docWith(['trigger', 'ai', 'human']);
    const bare = { ...doc, nodes: doc.nodes.map((n) => (n.kind === 'ai' ? { ...n, stub: undefined } : n)) };
    const r = renderInspector(bare);
    act(() => r.store.getState().select(['ai1']));
    const region = screen.getByRole('region', { name: 'Inspector' });
    expect(region).not.toHaveTextContent('cannot run');
    expect(region).toHaveTextContent('No stub: the simulator and the estimates use a typical step’s figures');
    expect(region).toHaveTextContent('reliability warnings wait until some step states its own failure rates');
    await r.user.click(within(region).getByRole('button', { name: 'Add stub' }));
    expect(ai(r.store).stub?.outcomes?.ok).toBeLessThan(1);
  });

  it('is a region with its sections as headings', () => {
    setup();
    const region = screen.getByRole('region', { name: 'Inspector' });
    for (const name of ['Config', 'Simulation stub', 'Failure policy', 'Outcomes', 'Latency']) {
      expect(within(region).getByRole('heading', { name })).toBeInTheDocument();
    }
  });

  it('changes a config enum as one undo entry, and undo puts the form back', async () => {
    const { store, user } = setup();
    const before = undoDepth(store);
    await user.selectOptions(screen.getByLabelText('Capability'), 'classifier');
    expect(ai(store).config.capability).toBe('classifier');
    expect(undoDepth(store)).toBe(before + 1);
    undo(store);
    expect(screen.getByLabelText('Capability')).toHaveValue('llm');
  });

  it('types a stub number as one undo entry', async () => {
    const { store, user } = setup();
    const before = undoDepth(store);
    const cost = screen.getByLabelText('Cost per call (USD)');
    await user.clear(cost);
    await user.type(cost, '0.015');
    expect(ai(store).stub?.costPerCall).toBe(0.015);
    expect(undoDepth(store)).toBe(before + 1);
    undo(store);
    expect(ai(store).stub?.costPerCall).toBe(0.002);
    expect(screen.getByLabelText('Cost per call (USD)')).toHaveValue('0.002');
  });

  it('never writes NaN: a non-number stays in the field with "Enter a number"', async () => {
    const { store, user } = setup();
    const attempts = screen.getByLabelText('Max attempts (all tries)');
    await user.clear(attempts);
    // Empty is not a number: the document keeps its last number and the field says why.
    expect(attempts).toHaveAccessibleDescription(expect.stringContaining('Enter a number'));
    expect(ai(store).policy?.retry?.[0]?.maximumAttempts).toBe(3);
    await user.type(attempts, '2e');
    expect(attempts).toHaveValue('2e');
    expect(attempts).toHaveAttribute('aria-invalid', 'true');
    expect(attempts).toHaveAccessibleDescription(expect.stringContaining('Enter a number'));
    expect(ai(store).policy?.retry?.[0]?.maximumAttempts).toBe(2);
    // JSON.stringify writes NaN as null: no null anywhere means no NaN reached the document.
    expect(JSON.stringify(store.getState().doc)).not.toContain('null');
    await user.type(attempts, '1');
    expect(ai(store).policy?.retry?.[0]?.maximumAttempts).toBe(20);
    expect(attempts).not.toHaveAttribute('aria-invalid');
  });

  it('keeps the outcome table summing to 1 as one outcome is edited (issue 11)', async () => {
    const { store, user } = setup();
    const outcomes = group('Outcomes probabilities');
    expect(screen.getByText(/Sums to 1$/)).toBeInTheDocument();
    const wrong = within(outcomes).getByLabelText('P(wrong (silent error))');
    const before = ai(store).stub!.outcomes;
    await user.clear(wrong);
    await user.type(wrong, '0.05');
    const after = ai(store).stub!.outcomes;
    expect(after.wrong).toBe(0.05);
    // The rest goes to ok; the other outcomes are untouched.
    expect(after.ok).toBeCloseTo(1 - Object.entries(after).reduce((s, [k, v]) => (k === 'ok' ? s : s + (v ?? 0)), 0), 9);
    for (const [k, v] of Object.entries(before)) if (k !== 'ok' && k !== 'wrong') expect(after[k as keyof typeof after]).toBe(v);
    expect(screen.getByText(/Sums to 1$/)).toBeInTheDocument();
    expect(outcomes).not.toHaveAccessibleDescription(expect.stringContaining('must sum to 1'));
  });

  it('says how often a retry repeats an error: defaults named, one set for malformed output, x goes back to the default', async () => {
    const { store, user } = setup();
    expect(screen.getByText(/timeout, rate_limited, communication 0; malformed_output, schema_mismatch, empty_output 0\.2; refusal 0\.3; everything else 1/)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Set for an error'), 'malformed_output');
    expect(ai(store).stub?.repeatOnRetry).toEqual({ malformed_output: 0.2 });
    const field = screen.getByLabelText('Repeat malformed_output (default 0.2)');
    await user.clear(field);
    await user.type(field, '0.6');
    expect(ai(store).stub?.repeatOnRetry?.malformed_output).toBe(0.6);
    await user.click(screen.getByRole('button', { name: 'Use the default for malformed_output' }));
    expect(ai(store).stub?.repeatOnRetry?.malformed_output).toBeUndefined();
  });

  it('offers a trigger called by another workflow, in words, and sets it', async () => {
    const { store, user } = setup('trigger0');
    const type = screen.getByLabelText('Type');
    expect(within(type).getByRole('option', { name: 'called by another workflow' })).toHaveValue('called');
    await user.selectOptions(type, 'called by another workflow');
    expect(store.getState().doc.nodes.find((n) => n.id === 'trigger0')?.config).toMatchObject({ type: 'called' });
    undo(store);
    expect(screen.getByLabelText('Type')).not.toHaveValue('called');
  });

  it('says what a sample audit does: its share goes to the auditor by fail, its catch rate is the gate\'s', async () => {
    const r = renderInspector(docWith(['trigger', 'check']));
    act(() => r.store.getState().select(['check1']));
    await r.user.selectOptions(screen.getByLabelText('Type'), 'sample-audit');
    await r.user.type(screen.getByLabelText('Sample rate (share sent to the auditor, 0–1)'), '0.05');
    expect(screen.getByLabelText('Sample rate (share sent to the auditor, 0–1)')).toHaveAccessibleDescription(expect.stringContaining('picked at random whether right or wrong, out by its fail port'));
    expect(screen.getByLabelText(/^Detection rate/)).toHaveAccessibleDescription(expect.stringContaining('Not used by a sample audit'));
  });

  it('keeps an out-of-range probability and marks it invalid', async () => {
    const { store, user } = setup();
    const detection = screen.getByLabelText('P(wrong (silent error))');
    await user.clear(detection);
    await user.type(detection, '1.3');
    expect(ai(store).stub?.outcomes.wrong).toBe(1.3);
    expect(detection).toHaveAttribute('aria-invalid', 'true');
    expect(detection).toHaveAccessibleDescription('Must be at most 1');
  });

  it('adds a retrier and moves it up, each one undo entry', async () => {
    const { store, user } = setup();
    const before = undoDepth(store);
    await user.click(screen.getByRole('button', { name: 'Add retrier' }));
    expect(ai(store).policy?.retry).toHaveLength(2);
    const second = group('Retrier 2');
    await user.click(within(second).getByRole('checkbox', { name: 'Any error' }));
    expect(ai(store).policy?.retry?.[1]?.errorEquals).toContain('ALL');
    const attempts = within(second).getByLabelText('Max attempts (all tries)');
    await user.clear(attempts);
    await user.type(attempts, '5');
    expect(undoDepth(store)).toBe(before + 3);
    await user.click(screen.getByRole('button', { name: 'Move retrier 2 up' }));
    expect(ai(store).policy?.retry?.map((r) => r.maximumAttempts)).toEqual([5, 3]);
    expect(within(group('Retrier 1')).getByLabelText('Max attempts (all tries)')).toHaveValue('5');
    expect(undoDepth(store)).toBe(before + 4);
    undo(store);
    expect(within(group('Retrier 1')).getByLabelText('Max attempts (all tries)')).toHaveValue('3');
  });

  it('changes a distribution type, keeping the mean, and the summary follows', async () => {
    const { store, user } = setup();
    const latency = group('Latency');
    const summary = () => within(latency).getByRole('status', { name: 'Latency summary' });
    // lognormal(median 2, p95 8): sigma = ln 4 / 1.645, mean = 2·e^(sigma²/2) ≈ 2.85.
    expect(summary()).toHaveTextContent('median 2 s · p95 8 s · mean 2.85 s');
    await user.selectOptions(within(latency).getByLabelText('Latency distribution'), 'exponential');
    const d = ai(store).stub?.latency;
    expect(d?.type).toBe('exponential');
    expect(d?.type === 'exponential' && d.mean).toBeCloseTo(2.85, 2);
    // Same mean, exponential shape: median = mean·ln 2, p95 = mean·ln 20.
    expect(summary()).toHaveTextContent('median 1.98 s · p95 8.55 s · mean 2.85 s');
    expect(within(latency).getByLabelText('Mean (s)')).toHaveValue(String(d?.type === 'exponential' && d.mean));
  });

  it('turns the circuit breaker on and edits it', async () => {
    const { store, user } = setup();
    await user.click(screen.getByLabelText('Circuit breaker on'));
    expect(ai(store).policy?.circuitBreaker?.windowSize).toBe(20);
    const threshold = screen.getByLabelText('Opens at failure rate (0–1)');
    await user.clear(threshold);
    await user.type(threshold, '0.25');
    expect(ai(store).policy?.circuitBreaker?.failureRateThreshold).toBe(0.25);
  });

  it('offers "Add policy" on a human gate without one, and edits its timeout', async () => {
    const { store, user } = setup('human2');
    expect(screen.queryByRole('heading', { name: 'Retry (first matching retrier wins)' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add policy' }));
    expect(human(store).policy).toEqual({ timeouts: {} });
    await user.type(screen.getByLabelText('Timeout per try (s)'), '600');
    expect(human(store).policy?.timeouts?.startToCloseSeconds).toBe(600);
    expect(screen.queryByRole('heading', { name: 'Circuit breaker' })).not.toBeInTheDocument();
  });
});
