// @vitest-environment jsdom
/** The shared Modal gives keyboard focus back when it closes: to what opened it, else to the canvas. */
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { Modal } from '../../../src/ui/designs/Modal.tsx';

afterEach(cleanup);

/** A page with a canvas (the focus home, as Canvas.tsx marks it) and a button that opens the modal. */
function Page({ openerGoesAway = false, openAtStart = false }: { openerGoesAway?: boolean; openAtStart?: boolean }) {
  const [open, setOpen] = useState(openAtStart);
  return (
    <>
      <section aria-label="Canvas" tabIndex={-1} data-focus-home="" />
      {!(open && openerGoesAway) && (
        <button type="button" onClick={() => setOpen(true)}>
          Open
        </button>
      )}
      {open && (
        <Modal title="Report" onClose={() => setOpen(false)}>
          <button type="button">Inside</button>
        </Modal>
      )}
    </>
  );
}

describe('Modal focus', () => {
  it('Escape closes it and focus goes back to the button that opened it', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('dialog', { name: 'Report' }).contains(document.activeElement)).toBe(true);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('the Close button gives focus back too', async () => {
    const user = userEvent.setup();
    render(<Page />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.getByRole('button', { name: 'Open' })).toHaveFocus();
  });

  it('focus goes to the canvas when the opener is gone, not to the page body', async () => {
    const user = userEvent.setup();
    render(<Page openerGoesAway />);
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('region', { name: 'Canvas' })).toHaveFocus();
  });

  it('a modal that opened by itself (nothing had focus) gives focus to the canvas', async () => {
    const user = userEvent.setup();
    render(<Page openAtStart />);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('region', { name: 'Canvas' })).toHaveFocus();
  });
});
