// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ReactFlowProvider } from '@xyflow/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createNode, type Workflow } from '../../../src/domain/index.ts';
import * as analyzer from '../../../src/analyzer/index.ts';
import { attachAnalyzer } from '../../../src/store/analysis.ts';
import { createEditorStore, type EditorStore, type EditorStoreOptions } from '../../../src/store/editor-store.ts';
import { getTemplate } from '../../../src/templates/index.ts';
import { EditorStoreProvider } from '../../../src/ui/editor-context.tsx';
import { ProblemsPanel } from '../../../src/ui/panels/ProblemsPanel.tsx';
import { NodeIssueBadge } from '../../../src/ui/problems/NodeIssueBadge.tsx';
import { ProblemCounts } from '../../../src/ui/problems/ProblemCounts.tsx';
import { toolNamed } from '../../analyzer/fixtures.ts';
import { superfluousRouter } from '../../store/analysis-fixtures.ts';

afterEach(cleanup);

/** superfluousRouter plus a stray tool "Invoice tool": 1 error, 1 warning, 1 info. */
function mixed(): Workflow {
  const d = superfluousRouter();
  return { ...d, nodes: [...d.nodes, createNode('tool', { id: 'tool3', position: { x: 0, y: 200 }, label: 'Invoice tool' })] };
}

function renderPanel(doc: Workflow, extra?: React.ReactNode, options?: EditorStoreOptions): { store: EditorStore; user: ReturnType<typeof userEvent.setup> } {
  const store = createEditorStore(doc, options);
  render(
    <EditorStoreProvider store={store}>
      <ReactFlowProvider>
        <ProblemsPanel />
        {extra}
      </ReactFlowProvider>
    </EditorStoreProvider>,
  );
  return { store, user: userEvent.setup() };
}

const panel = () => screen.getByRole('region', { name: 'Problems' });
const items = () => within(panel()).queryAllByRole('listitem').filter((li) => li.dataset.suppressed === undefined);
const item = (ruleId: string) => {
  const li = items().find((x) => x.dataset.ruleId === ruleId);
  if (!li) throw new Error(`no item for ${ruleId}`);
  return li;
};

describe('Problems panel', () => {
  it('groups findings by severity with counts, one list item per finding carrying rule id and severity', () => {
    renderPanel(mixed());
    const groups = within(panel()).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups).toEqual(['Errors (1)', 'Warnings (1)', 'Info (1)']);
    expect(panel()).toHaveTextContent('1 error, 1 warning, 1 info');
    expect(items().map((li) => [li.dataset.ruleId, li.dataset.severity])).toEqual([
      ['no-disconnected', 'error'],
      ['superfluous-router', 'warning'],
      ['verb-object-label', 'info'],
    ]);
    const group = within(panel()).getByRole('region', { name: /Errors/ });
    expect(within(group).getByText('"Invoice tool" is not connected to anything.')).toBeInTheDocument();
  });

  it('filters by severity toggles and by text (message, rule id or node label)', async () => {
    const { user } = renderPanel(mixed());
    await user.click(within(panel()).getByRole('button', { name: 'Info 1' }));
    expect(within(panel()).getByRole('button', { name: 'Info 1' })).toHaveAttribute('aria-pressed', 'false');
    expect(items().map((li) => li.dataset.severity)).toEqual(['error', 'warning']);
    await user.type(within(panel()).getByRole('searchbox', { name: 'Search problems' }), 'superfluous');
    expect(items().map((li) => li.dataset.ruleId)).toEqual(['superfluous-router']);
    await user.clear(within(panel()).getByRole('searchbox', { name: 'Search problems' }));
    await user.type(within(panel()).getByRole('searchbox', { name: 'Search problems' }), 'nothing like this');
    expect(items()).toHaveLength(0);
    expect(panel()).toHaveTextContent('No problems match the filter.');
  });

  it('activating a finding (click, Enter, Space) selects its nodes', async () => {
    const { store, user } = renderPanel(mixed());
    await user.click(within(item('superfluous-router')).getByText(/adds a box and decides nothing/));
    expect([...store.getState().selection.nodeIds]).toEqual(['router1']);
    item('no-disconnected').focus();
    await user.keyboard('{Enter}');
    expect([...store.getState().selection.nodeIds]).toEqual(['tool3']);
    item('superfluous-router').focus();
    await user.keyboard(' ');
    expect([...store.getState().selection.nodeIds]).toEqual(['router1']);
  });

  it('explains the rule in an expandable details element without activating the finding', async () => {
    const { store, user } = renderPanel(mixed());
    const li = item('superfluous-router');
    await user.click(within(li).getByText('superfluous-router', { selector: 'summary' }));
    expect(within(li).getByRole('button', { name: "Read the rule's page" })).toBeVisible();
    expect(store.getState().selection.nodeIds.size).toBe(0);
  });

  it('the Fix button applies the quick fix as one undo entry; undo brings the finding back', async () => {
    const { store, user } = renderPanel(mixed());
    expect(within(item('no-disconnected')).queryByRole('button', { name: 'Fix' })).toBeNull();
    await user.click(within(item('superfluous-router')).getByRole('button', { name: 'Fix' }));
    expect(store.getState().history.past).toHaveLength(1);
    expect(items().map((li) => li.dataset.ruleId)).not.toContain('superfluous-router');
    act(() => store.getState().undo());
    expect(items().map((li) => li.dataset.ruleId)).toContain('superfluous-router');
  });

  it('folds a rule with many findings into one line; activating it selects every step; opening it lists each', async () => {
    // Six tools named after their service: six tool-centric-design findings, shown as one folded line.
    const doc = toolNamed(6);
    const { store, user } = renderPanel(doc);
    const folded = within(panel()).getAllByRole('listitem').find((li) => li.dataset.groupRuleId === 'tool-centric-design');
    if (!folded) throw new Error('no folded group');
    expect(folded).toHaveAttribute('data-count', '6');
    expect(folded).toHaveTextContent(/^.*6 findings: Steps named after the tool or model/);
    expect(items().filter((li) => li.dataset.ruleId === 'tool-centric-design')).toHaveLength(0);
    await user.click(within(folded).getByText(/^6 findings:/));
    expect([...store.getState().selection.nodeIds].sort()).toEqual(doc.nodes.filter((n) => n.kind === 'tool').map((n) => n.id).sort());
    await user.click(within(folded).getByText(/show the 6 findings/));
    const inner = items().filter((li) => li.dataset.ruleId === 'tool-centric-design');
    expect(inner).toHaveLength(6);
    await user.click(within(inner[2]!).getByText(/is named after a tool/));
    expect(store.getState().selection.nodeIds.size).toBe(1);
  });

  it('shows suppressed findings collapsed, with their reasons', () => {
    const doc = { ...mixed(), lint: { suppressions: [{ ruleId: 'superfluous-router', nodeId: 'router1', reason: 'A second branch lands next sprint' }] } };
    renderPanel(doc);
    expect(items().map((li) => li.dataset.ruleId)).not.toContain('superfluous-router');
    const summary = within(panel()).getByText('Suppressed (1)');
    const details = summary.closest('details');
    expect(details).not.toHaveAttribute('open');
    expect(details).toHaveTextContent('Suppressed: A second branch lands next sprint');
  });

  it('says so when there is nothing to report', () => {
    const d = superfluousRouter();
    renderPanel({ ...d, nodes: d.nodes.filter((n) => n.id !== 'router1'), edges: [{ id: 'e', source: 'trigger0', sourcePort: 'out', target: 'output2' }] });
    expect(panel()).toHaveTextContent('No problems found.');
  });

  it('shows the score card: band, over-engineering shouted, estimates with explanations', () => {
    const template = getTemplate('meeting-notes-over-engineered');
    if (!template) throw new Error('template missing');
    renderPanel(template.doc);
    const card = screen.getByRole('region', { name: 'Complexity score' });
    expect(card).toHaveTextContent(/Complexity\s*[\d.]+ (simple|moderate|complex|very complex)/);
    expect(within(card).getByRole('note')).toHaveTextContent(/^Over-engineered:/);
    for (const label of ['Success', 'Latency p50 / p95', 'Cost per case', 'Leverage']) {
      const figure = within(card).getByText(label).closest('.figure');
      expect(figure).toHaveAttribute('tabindex', '0');
      expect(figure).toHaveAccessibleDescription(/.{20,}/);
    }
  });
});

describe('NodeIssueBadge and ProblemCounts', () => {
  it('badges a node with its worst finding, nothing for a clean node, and follows edits', () => {
    const { store } = renderPanel(
      mixed(),
      <>
        <div data-testid="tool3">
          <NodeIssueBadge nodeId="tool3" />
        </div>
        <div data-testid="trigger0">
          <NodeIssueBadge nodeId="trigger0" />
        </div>
        <ProblemCounts />
      </>,
    );
    const badge = within(screen.getByTestId('tool3')).getByRole('img', { name: 'error finding' });
    expect(badge).toHaveTextContent('2');
    expect(badge).toHaveAttribute('title', expect.stringContaining('not connected'));
    expect(within(screen.getByTestId('trigger0')).queryByRole('img')).toBeNull();
    expect(screen.getByRole('button', { name: 'Problems: 1 error, 1 warning, 1 info' })).toBeInTheDocument();
    act(() => store.getState().removeElements(['tool3'], []));
    expect(screen.getByRole('button', { name: 'Problems: 1 warning' })).toBeInTheDocument();
  });

  it('the toolbar counts focus the Problems panel', async () => {
    const { user } = renderPanel(mixed(), <ProblemCounts />);
    await user.click(screen.getByRole('button', { name: /^Problems:/ }));
    // After a frame: the panel may first have to be expanded.
    await waitFor(() => expect(panel()).toHaveFocus());
  });
});

describe('while the analyzer loads (after the first paint)', () => {
  const withBadgesAndCounts = (
    <>
      <div data-testid="tool3">
        <NodeIssueBadge nodeId="tool3" />
      </div>
      <ProblemCounts />
    </>
  );

  it('every view says the analysis is pending, never "No problems", then shows it when the analyzer arrives', async () => {
    const { store, user } = renderPanel(mixed(), withBadgesAndCounts, { analyzer: null });
    expect(within(panel()).getByRole('status')).toHaveTextContent('Analysing…');
    expect(panel()).not.toHaveTextContent('No problems');
    expect(panel()).toHaveTextContent('The analysis appears here in a moment.');
    expect(items()).toHaveLength(0);
    expect(within(panel()).getByRole('button', { name: 'Errors …' })).toBeInTheDocument();
    const card = within(panel()).getByRole('region', { name: 'Complexity score' });
    expect(card).toHaveAttribute('aria-busy', 'true');
    expect(within(card).getAllByRole('definition').map((d) => d.textContent)).toEqual(['…', '…', '…', '…', '…', '…']);
    expect(screen.getByRole('button', { name: 'Problems: Analysing…' })).toHaveAttribute('aria-busy', 'true');
    expect(within(screen.getByTestId('tool3')).queryByRole('img')).toBeNull();

    await act(() => attachAnalyzer(store, () => Promise.resolve(analyzer)));
    expect(within(panel()).queryByRole('status')).toBeNull();
    expect(items().map((li) => li.dataset.ruleId)).toEqual(['no-disconnected', 'superfluous-router', 'verb-object-label']);
    expect(screen.getByRole('button', { name: 'Problems: 1 error, 1 warning, 1 info' })).not.toHaveAttribute('aria-busy', 'true');
    expect(within(screen.getByTestId('tool3')).getByRole('img', { name: 'error finding' })).toHaveTextContent('2');
    expect(within(panel()).getByRole('region', { name: 'Complexity score' })).not.toHaveAttribute('aria-busy');
    // The first interaction with what arrived works: a quick fix, then undo.
    const before = store.getState().doc;
    await user.click(within(item('superfluous-router')).getByRole('button', { name: 'Fix' }));
    expect(store.getState().doc.nodes.some((n) => n.id === 'router1')).toBe(false);
    act(() => store.getState().undo());
    expect(store.getState().doc).toBe(before);
  });

  it('says why when the analyzer cannot be loaded, and Try again loads it', async () => {
    const { store, user } = renderPanel(mixed(), withBadgesAndCounts, { analyzer: null });
    await act(() => attachAnalyzer(store, () => Promise.reject(new Error('Failed to fetch'))));
    expect(within(panel()).getByRole('alert')).toHaveTextContent('No analysis: the analyzer could not be loaded (Failed to fetch).');
    expect(within(panel()).queryByRole('status')).toBeNull();
    expect(screen.getByRole('button', { name: 'Problems: No analysis' })).toBeInTheDocument();
    // The retry uses the page's loader: the test setup has provided the real analyzer to it.
    await user.click(within(panel()).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(items()).toHaveLength(3));
    expect(within(panel()).queryByRole('alert')).toBeNull();
  });

});
