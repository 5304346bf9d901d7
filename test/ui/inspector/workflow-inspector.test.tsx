// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { docWith, renderInspector, undoDepth } from './render-inspector.tsx';

describe('Inspector with nothing selected', () => {
  it('edits the profile as one undo entry per field, with help text', async () => {
    const { store, user } = renderInspector(docWith(['trigger', 'ai']));
    const runs = screen.getByLabelText('Runs per day');
    expect(runs).toHaveAccessibleDescription(expect.stringContaining('workload'));
    const before = undoDepth(store);
    await user.type(runs, '450');
    await user.selectOptions(screen.getByLabelText('Risk of a wrong result'), 'high');
    expect(store.getState().doc.profile).toEqual({ runsPerDay: 450, risk: 'high' });
    expect(undoDepth(store)).toBe(before + 2);
    act(() => store.getState().undo());
    expect(screen.getByLabelText('Risk of a wrong result')).toHaveValue('');
    await user.clear(screen.getByLabelText('Runs per day'));
    // An optional number left empty is removed, not stored as 0 or NaN.
    expect(store.getState().doc.profile).toEqual({});
  });

  it('renames the workflow and flags an over-long name', async () => {
    const { store, user } = renderInspector(docWith([]));
    const name = screen.getByLabelText('Name');
    await user.clear(name);
    await user.type(name, 'Intake');
    expect(store.getState().doc.name).toBe('Intake');
    act(() => store.getState().updateWorkflow((d) => ({ ...d, name: 'x'.repeat(201) })));
    expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('At most 200 characters');
  });

  it('adds a scenario with a hypothesis line and a fault', async () => {
    const { store, user } = renderInspector(docWith(['trigger', 'ai']));
    const before = undoDepth(store);
    await user.click(screen.getByRole('button', { name: 'Add scenario' }));
    const scenario = screen.getByRole('group', { name: 'Scenario: Scenario 1' });
    await user.click(within(scenario).getByRole('button', { name: 'Add hypothesis' }));
    const line = within(scenario).getByRole('group', { name: 'Hypothesis 1' });
    await user.selectOptions(within(line).getByLabelText('Metric'), 'cycleSecondsP95');
    await user.selectOptions(within(line).getByLabelText('Operator'), '<=');
    const value = within(line).getByLabelText('Value');
    await user.clear(value);
    await user.type(value, '120');
    await user.click(within(scenario).getByRole('button', { name: 'Add fault' }));
    await user.selectOptions(within(scenario).getByLabelText('Target by'), 'node');
    await user.selectOptions(within(scenario).getByLabelText('Target'), 'ai1');
    const [s] = store.getState().doc.scenarios ?? [];
    expect(s?.hypothesis).toEqual([{ metric: 'cycleSecondsP95', op: '<=', value: 120 }]);
    expect(s?.faults).toEqual([{ target: { node: 'ai1' }, error: 'rate_limited', probability: 0.3 }]);
    expect(s?.arrival).toEqual({ type: 'poisson', perHour: 60 });
    // add scenario, add line, metric, op, value, add fault, target by, target: eight gestures, eight entries.
    expect(undoDepth(store)).toBe(before + 8);
    await user.selectOptions(within(scenario).getByLabelText('Arrivals'), 'fixed');
    await user.type(within(scenario).getByLabelText('One case every (s)'), '0');
    expect(store.getState().doc.scenarios?.[0]?.arrival).toEqual({ type: 'fixed', everySeconds: 600 });
    await user.click(within(scenario).getByRole('button', { name: 'Remove scenario Scenario 1' }));
    expect(store.getState().doc.scenarios).toBeUndefined();
  });

  it('flags a fault with neither error nor latency multiplier', async () => {
    const { user } = renderInspector(docWith(['ai']));
    await user.click(screen.getByRole('button', { name: 'Add scenario' }));
    await user.click(screen.getByRole('button', { name: 'Add fault' }));
    await user.selectOptions(screen.getByLabelText('Error'), '— not set —');
    expect(screen.getByLabelText('Error')).toHaveAccessibleDescription(expect.stringContaining('needs an error, a latencyMultiplier, or both'));
  });

  it('with several selected, shows the count and deletes them', async () => {
    const { store, user } = renderInspector(docWith(['trigger', 'ai', 'output']));
    act(() => store.getState().select(['trigger0', 'ai1']));
    expect(screen.getByText('2 items selected.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete selected' }));
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['output2']);
  });
});
