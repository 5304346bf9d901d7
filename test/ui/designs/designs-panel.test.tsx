// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DesignLibraryProvider } from '../../../src/ui/designs/designs-services.tsx';
import { DesignsPanel } from '../../../src/ui/panels/DesignsPanel.tsx';
import { TEMPLATES } from '../../../src/templates/index.ts';
import { openTab, settle, type Tab } from '../../app/library-harness.ts';

async function setup(names: readonly string[] = []): Promise<Tab> {
  const tab = openTab();
  await tab.library.start();
  for (const name of names) {
    await tab.library.createFromTemplate('blank');
    await tab.library.rename(tab.library.store.getState().currentId ?? '', name);
    await settle(5);
  }
  tab.library.setGallery(false);
  render(
    <DesignLibraryProvider library={tab.library}>
      <DesignsPanel />
    </DesignLibraryProvider>,
  );
  return tab;
}

const panel = () => screen.getByRole('region', { name: 'Designs' });
const options = () => within(panel()).getAllByRole('option');

describe('Designs panel', () => {
  afterEach(cleanup);

  it('without a library it is a labelled placeholder', () => {
    render(<DesignsPanel />);
    expect(screen.getByRole('region', { name: 'Designs' })).toHaveTextContent('Designs saved in this browser');
  });

  it('lists one option per design, latest change first, with a relative time, and searches by name', async () => {
    const user = userEvent.setup();
    await setup(['Alpha', 'Beta', 'Gamma']);
    expect(options().map((o) => o.querySelector('.designs-item__name')?.textContent)).toEqual(['Gamma', 'Beta', 'Alpha']);
    expect(options()[0]).toHaveTextContent('just now');
    expect(options()[0]).toHaveAttribute('aria-current', 'true');
    await user.type(within(panel()).getByRole('searchbox', { name: 'Search designs' }), 'ALP');
    expect(options()).toHaveLength(1);
    expect(options()[0]).toHaveTextContent('Alpha');
  });

  it('opens a design on click and on Enter', async () => {
    const user = userEvent.setup();
    const tab = await setup(['Alpha', 'Beta']);
    await user.click(screen.getByText('Alpha'));
    await waitFor(() => expect(tab.editor.getState().doc.name).toBe('Alpha'));
    const list = within(panel()).getByRole('listbox', { name: 'Stored designs' });
    list.focus();
    await user.keyboard('{ArrowUp}{Enter}');
    await waitFor(() => expect(tab.editor.getState().doc.name).toBe('Beta'));
  });

  it('renames inline: Enter commits, Escape cancels', async () => {
    const user = userEvent.setup();
    await setup(['Alpha']);
    await user.click(within(panel()).getByRole('button', { name: 'Rename' }));
    const field = within(panel()).getByRole('textbox', { name: 'Design name' });
    await user.clear(field);
    await user.type(field, 'Renamed{Enter}');
    await waitFor(() => expect(options()[0]).toHaveTextContent('Renamed'));
    await user.click(within(panel()).getByRole('button', { name: 'Rename' }));
    await user.type(within(panel()).getByRole('textbox', { name: 'Design name' }), 'Nope{Escape}');
    expect(within(panel()).queryByRole('textbox', { name: 'Design name' })).toBeNull();
    expect(options()[0]).toHaveTextContent('Renamed');
  });

  it('each duplicate gets a name of its own ("Alpha (copy)", "Alpha (copy 2)"), and a one-step design says "1 step"', async () => {
    const user = userEvent.setup();
    const tab = await setup(['Alpha']);
    act(() => void tab.editor.getState().addNode('trigger', { x: 0, y: 0 }, 'Receive'));
    await user.type(within(panel()).getByRole('textbox', { name: 'Version name' }), 'One{Enter}');
    await within(panel()).findByText('One');
    await user.click(within(panel()).getByRole('button', { name: 'Duplicate' }));
    await waitFor(() => expect(options()).toHaveLength(2));
    await user.click(within(panel()).getByRole('button', { name: 'Duplicate' }));
    await waitFor(() => expect(options()).toHaveLength(3));
    expect(options().map((o) => o.querySelector('.designs-item__name')?.textContent).sort()).toEqual(['Alpha', 'Alpha (copy 2)', 'Alpha (copy)']);
    await waitFor(() => expect(options().find((o) => o.textContent?.includes('Alpha (copy 2)'))).toHaveTextContent(/· 1 step$/));
    expect(within(panel()).getByText('One').closest('li')).toHaveTextContent(/1 step(?!s)/);
  });

  it('duplicates, deletes with an undo toast, and restores from the trash', async () => {
    const user = userEvent.setup();
    await setup(['Alpha']);
    await user.click(within(panel()).getByRole('button', { name: 'Duplicate' }));
    await waitFor(() => expect(options()).toHaveLength(2));
    await user.click(screen.getByText('Alpha'));
    await user.click(within(panel()).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.getByText('Deleted Alpha.')).toBeInTheDocument());
    expect(options()).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(options()).toHaveLength(2));

    await user.click(within(panel()).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(options()).toHaveLength(1));
    await user.click(within(panel()).getByRole('button', { name: /^Trash/ }));
    const trash = within(panel()).getByRole('list', { name: 'Trash' });
    expect(within(trash).getAllByRole('listitem')).toHaveLength(1);
    await user.click(within(trash).getByRole('button', { name: 'Restore' }));
    await waitFor(() => expect(within(panel()).getByText('The trash is empty.')).toBeInTheDocument());
  });

  it('New design opens the gallery with Blank design first; a card creates and opens a design', async () => {
    const user = userEvent.setup();
    const tab = await setup(['Alpha']);
    await user.click(within(panel()).getByRole('button', { name: 'New design' }));
    const dialog = screen.getByRole('dialog', { name: 'New design' });
    const cards = within(within(dialog).getByRole('list', { name: 'Templates' })).getAllByRole('listitem');
    expect(cards).toHaveLength(TEMPLATES.length + 1);
    expect(cards[0]).toHaveTextContent('Blank design');
    const over = TEMPLATES.find((t) => t.overEngineered);
    if (over) expect(within(dialog).getByText('Over-engineered on purpose')).toBeInTheDocument();
    const first = TEMPLATES[0];
    if (!first) throw new Error('no templates');
    expect(dialog).toHaveTextContent(first.situation.slice(0, 40));
    await user.click(within(dialog).getByRole('button', { name: first.name }));
    await waitFor(() => expect(tab.editor.getState().doc.name).toBe(first.name));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(options()).toHaveLength(2);
  });

  it('shows the save status and the import problems of a bad file with their paths', async () => {
    const user = userEvent.setup();
    const tab = await setup(['Alpha']);
    expect(within(panel()).getByRole('status', { name: 'Save status' })).toHaveTextContent('Saved');
    act(() => {
      tab.editor.getState().addNode('trigger', { x: 0, y: 0 });
    });
    expect(within(panel()).getByRole('status', { name: 'Save status' })).toHaveTextContent('Saving…');
    const file = new File(['{"format":"baton.workflow","schemaVersion":1,"id":"x","name":"X","nodes":[{"id":1}],"edges":[]}'], 'bad.json', { type: 'application/json' });
    await user.upload(screen.getByTestId('import-design-file'), file);
    const alert = await within(panel()).findByRole('alert');
    expect(alert).toHaveTextContent('“bad.json” was not imported');
    expect(alert).toHaveTextContent(/nodes/);
    expect(options()).toHaveLength(1);
  });

  it('saves a version and lists a comparison with the current design', async () => {
    const user = userEvent.setup();
    const tab = await setup(['Alpha']);
    await user.type(within(panel()).getByRole('textbox', { name: 'Version name' }), 'Empty{Enter}');
    await within(panel()).findByText('Empty');
    act(() => void tab.editor.getState().addNode('trigger', { x: 0, y: 0 }, 'Receive'));
    await user.click(within(panel()).getByRole('button', { name: 'Compare Empty with the current design' }));
    const comparison = await within(panel()).findByRole('region', { name: 'Comparison' });
    expect(within(comparison).getByRole('list', { name: 'Nodes added' })).toHaveTextContent('Receive');
    await user.click(within(comparison).getByRole('button', { name: 'Clear comparison' }));
    expect(within(panel()).queryByRole('region', { name: 'Comparison' })).toBeNull();
  });

  it('virtualises a long list: only some options exist, with their set size', async () => {
    const tab = openTab();
    await tab.library.start();
    tab.library.store.setState({
      designs: Array.from({ length: 500 }, (_, i) => ({ id: `d${i}`, name: `Design ${i}`, updatedAt: 0, summary: { nodeCount: 1, edgeCount: 0 } })),
    });
    render(
      <DesignLibraryProvider library={tab.library}>
        <DesignsPanel />
      </DesignLibraryProvider>,
    );
    // Every row shows while the virtualiser loads; then only the visible ones exist.
    await waitFor(() => expect(within(panel()).queryAllByRole('option').length).toBeLessThan(100));
    const rendered = within(panel()).queryAllByRole('option');
    for (const o of rendered) expect(o).toHaveAttribute('aria-setsize', '500');
  });
});
