// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze, estimate } from '../../../src/analyzer/index.ts';
import type { Workflow } from '../../../src/domain/index.ts';
import { runBatch } from '../../../src/simulator/report.ts';
import { createEditorStore } from '../../../src/store/editor-store.ts';
import type { BatchState } from '../../../src/store/simulation-store.ts';
import { getTemplate } from '../../../src/templates/index.ts';
import { EditorStoreProvider } from '../../../src/ui/editor-context.tsx';
import { Inspector, preloadInspectors } from '../../../src/ui/inspector/Inspector.tsx';
import { ScoreCard, ScoreCardView } from '../../../src/ui/problems/ScoreCard.tsx';
import { formatKpi } from '../../../src/ui/simulation/sim-format.ts';

afterEach(cleanup);

function doneBatch(doc: Workflow, scenarioId: string | null): BatchState {
  const s = scenarioId !== null ? doc.scenarios?.find((x) => x.id === scenarioId) : undefined;
  const cases = 200;
  const report = runBatch(doc, s, { cases, replications: 2, seed: 1 })!;
  const e = estimate(doc, { cases, ...(s?.arrival ? { arrival: s.arrival } : {}), ...(s?.faults ? { faults: s.faults } : {}) });
  return {
    status: 'done',
    progress: null,
    error: null,
    report,
    settings: { scenarioId, cases, replications: 2, seed: 1 },
    designName: doc.name,
    estimate: { ...e, notEstimated: e.notEstimated, scenario: { name: s?.name ?? 'Default', faults: s?.faults?.length ?? 0 } },
  };
}

describe('score card', () => {
  it('says a fractional step count as the average it is (corpus 0061 once read "0.5 steps for ~1 needed")', () => {
    const a = analyze(getTemplate('kyc-onboarding')!.doc);
    const oe = { ...a.overEngineering, used: 0.5, ratio: 0.5, needed: 1, band: 'over-engineered' as const, usedText: '0.5 work steps per case on average (a step on a branch counts by the share of cases that take it)' };
    render(<ScoreCardView analysis={{ ...a, overEngineering: oe }} />);
    const note = screen.getByRole('note');
    expect(note.textContent).toContain('0.5 work steps per case on average (a step on a branch counts by the share of cases that take it) where the task needs about 1.');
  });

  it('says "not estimated" (with the reason on focus) where the analyzer declines a figure, never NaN', () => {
    const a = analyze(getTemplate('kyc-onboarding')!.doc);
    const why = 'the design needs more work than a closed-form estimate is given here';
    const declined = { ...a, estimates: { ...a.estimates, success: NaN, p50Seconds: NaN, p95Seconds: NaN, costPerCase: NaN, notEstimated: { success: why, p50Seconds: why, p95Seconds: why, costPerCase: why } } };
    render(<ScoreCardView analysis={declined} />);
    const card = screen.getByRole('region', { name: 'Complexity score' });
    expect(card.textContent).not.toContain('NaN');
    expect(within(card).getAllByText(/not estimated/).length).toBeGreaterThanOrEqual(3);
    expect(card.textContent).toContain(`Not estimated: ${why}.`);
  });

  it('a cost typed below 0 in the Inspector makes the cost "not estimated" with the step and field, never "$-2.98"', async () => {
    await preloadInspectors();
    const store = createEditorStore(getTemplate('support-triage')!.doc);
    const user = userEvent.setup();
    render(
      <EditorStoreProvider store={store}>
        <Inspector />
        <ScoreCard />
      </EditorStoreProvider>,
    );
    const card = screen.getByRole('region', { name: 'Complexity score' });
    const cost = () => within(card).getByText('Cost per case').closest<HTMLElement>('.figure')!;
    expect(cost().querySelector('dd')!.textContent).toMatch(/^\$\d/);
    act(() => store.getState().select(['agent']));
    const field = screen.getByLabelText('Cost per reviewer hour (USD)');
    await user.clear(field);
    await user.type(field, '-28');
    // The Inspector keeps the value and flags it; the card declines the figure made from it and says why.
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Must be at least 0'));
    expect(card.textContent).not.toContain('$-');
    expect(cost().querySelector('dd')!.textContent).toBe('not estimated');
    expect(within(cost()).getByRole('tooltip').textContent).toBe(
      "Not estimated: 'Resolve ticket as agent' has cost per hour below 0 (stub.costPerHour is -28); fix the value in the Inspector.",
    );
    // Success and latency do not read a cost: they stay estimated.
    expect(within(card).getByText('Success').closest<HTMLElement>('.figure')!.querySelector('dd')!.textContent).toMatch(/%$/);
    await user.clear(field);
    await user.type(field, '28');
    expect(cost().querySelector('dd')!.textContent).toMatch(/^\$\d/);
  });

  it('after a run shows the simulated figures beside the estimate for the same scenario, labelled with its faults', () => {
    const doc = getTemplate('kyc-onboarding')!.doc;
    const fault = doc.scenarios!.find((s) => (s.faults ?? []).length > 0)!;
    const batch = doneBatch(doc, fault.id);
    render(<ScoreCardView analysis={analyze(doc)} lastRun={batch} />);
    const table = screen.getByRole('table', { name: 'Last simulation run beside the estimate' });
    expect(table.textContent).toContain(`Last run: ${fault.name}, with its ${fault.faults!.length} fault`);
    expect(within(table).getByRole('columnheader', { name: 'Estimate (same run)' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'Simulated' })).toBeTruthy();
    const success = table.querySelector('[data-run-figure="successRate"]')!;
    // The estimate under the fault, not the fault-free card's figure.
    const cells = [...success.querySelectorAll('td')].map((td) => td.textContent);
    expect(cells).toEqual([formatKpi('successRate', batch.estimate!.success), formatKpi('successRate', batch.report!.kpis.successRate.mean)]);
    expect(batch.estimate!.success).not.toBeCloseTo(analyze(doc).estimates.success, 3);
  });

  it('shows no run comparison before a run', () => {
    render(<ScoreCardView analysis={analyze(getTemplate('kyc-onboarding')!.doc)} />);
    expect(screen.queryByRole('table', { name: 'Last simulation run beside the estimate' })).toBeNull();
  });
});
