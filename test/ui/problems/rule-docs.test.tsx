// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as analyzer from '../../../src/analyzer/index.ts';
import { ALL_RULES, type Finding } from '../../../src/analyzer/index.ts';
import { FindingItem } from '../../../src/ui/problems/FindingItem.tsx';
import { hasRuleDoc, loadRuleDoc } from '../../../src/ui/problems/rule-docs.ts';

afterEach(cleanup);
beforeAll(() => {
  // jsdom has <dialog> but not its modal API; the browser's behaviour is covered by the e2e tests.
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.removeAttribute('open');
  };
});

const finding: Finding = {
  ruleId: 'dead-end',
  severity: 'error',
  message: '"Draft reply" has no way on.',
  nodeIds: ['n1'],
  edgeIds: [],
  fix: 'Connect it onward.',
  docs: 'docs/rules/dead-end.md',
};

describe('rule documentation in the app', () => {
  it('bundles a page for every rule in the catalog', () => {
    expect(ALL_RULES.filter((r) => !hasRuleDoc(r.id)).map((r) => r.id)).toEqual([]);
    expect(hasRuleDoc('no-such-rule')).toBe(false);
  });

  it('opens the rule page from a finding without activating the finding', async () => {
    const onActivate = vi.fn();
    render(
      <ul>
        <FindingItem finding={finding} analyzer={analyzer} onActivate={onActivate} onFix={vi.fn()} />
      </ul>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByText('dead-end'));
    await user.click(screen.getByRole('button', { name: "Read the rule's page" }));
    const dialog = await screen.findByRole('dialog', { name: 'Rule dead-end' });
    expect(await screen.findByRole('heading', { name: 'How to fix' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent(/Connect the node onward/);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    // The summary click toggles details; neither it nor the dialog should select the finding's nodes.
    expect(onActivate).not.toHaveBeenCalled();
  });

  it('loads the markdown of a page by rule id', async () => {
    expect(await loadRuleDoc('missing-timeout')).toMatch(/^# missing-timeout/);
    expect(await loadRuleDoc('no-such-rule')).toBeUndefined();
  });
});
