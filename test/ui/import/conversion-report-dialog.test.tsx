// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConversionReport } from '../../../src/domain/index.ts';
import { ConversionReportDialog, groupNotes, someNames } from '../../../src/ui/import/ConversionReportDialog.tsx';

const report: ConversionReport = {
  from: 'n8n',
  name: 'Triage',
  sourceNodes: 14,
  nodes: 10,
  edges: 11,
  folded: 3,
  approximations: [
    { node: 'IF', nodeId: 'a', what: 'branch shares unknown', why: 'which branch a case takes depends on its data' },
    { node: 'Call API', nodeId: 'b', what: 'side effect assumed reversible', why: 'a POST request may create or change data' },
    { node: 'Switch', nodeId: 'c', what: 'branch shares unknown', why: 'which branch a case takes depends on its data' },
  ],
};

describe('the conversion report dialog', () => {
  afterEach(cleanup);

  it('groups approximations by what was approximated, in first-seen order', () => {
    expect(groupNotes(report.approximations).map((g) => [g.what, g.notes.map((n) => n.node)])).toEqual([
      ['branch shares unknown', ['IF', 'Switch']],
      ['side effect assumed reversible', ['Call API']],
    ]);
  });

  it('says what the file became and lists every approximation by node; Done closes', async () => {
    const onClose = vi.fn();
    render(<ConversionReportDialog name="Triage" conversion={{ title: 'n8n workflow', report }} onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Imported from n8n: “Triage”' });
    expect(dialog).toHaveTextContent('This n8n workflow opened as a new design: 10 nodes and 11 connections from its 14 n8n nodes; 3 sub-nodes');
    expect(dialog).toHaveTextContent('3 approximations');
    const list = within(dialog).getByRole('list', { name: 'Approximations' });
    expect(within(list).getAllByRole('listitem').filter((li) => li.querySelector('strong')).map((li) => li.querySelector('strong')?.textContent)).toEqual(['branch shares unknown', 'side effect assumed reversible']);
    expect(list).toHaveTextContent('Call API: a POST request may create or change data');
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says imported steps state no failure rates, what that does to the warnings, and how to state them', () => {
    render(<ConversionReportDialog name="Triage" conversion={{ title: 'n8n workflow', report, defaultRateSteps: ['Call API', 'Classify', 'Post to Slack', 'Send mail', 'Log'] }} onClose={() => undefined} />);
    const rates = within(screen.getByRole('dialog')).getByRole('region', { name: 'Failure rates' });
    expect(rates).toHaveTextContent('No failure rates yet.');
    expect(rates).toHaveTextContent('The n8n workflow states none, so its 5 AI and tool steps');
    expect(rates).toHaveTextContent('its 5 AI and tool steps (“Call API”, “Classify”, “Post to Slack” and 2 more) run with a typical step\'s rates');
    expect(rates).toHaveTextContent('reliability warnings stay quiet until a step states its own');
    expect(rates).toHaveTextContent('choose Add stub under Simulation stub in the Inspector');
  });

  it('says nothing about failure rates when every step states its own', () => {
    render(<ConversionReportDialog name="Triage" conversion={{ title: 'n8n workflow', report }} onClose={() => undefined} />);
    expect(within(screen.getByRole('dialog')).queryByRole('region', { name: 'Failure rates' })).toBeNull();
  });

  it('names a short list whole', () => {
    expect(someNames(['A'])).toBe('“A”');
    expect(someNames(['A', 'B'])).toBe('“A” and “B”');
    expect(someNames(['A', 'B', 'C'])).toBe('“A”, “B” and “C”');
  });

  it('says so when nothing was approximated', () => {
    render(<ConversionReportDialog name="Clean" conversion={{ title: 'n8n workflow', report: { ...report, approximations: [] } }} onClose={() => undefined} />);
    expect(screen.getByRole('dialog')).toHaveTextContent('Nothing had to be approximated.');
  });
});
