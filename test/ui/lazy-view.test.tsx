// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { lazyView } from '../../src/ui/lazy-view.tsx';

function Hello({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('a view loaded on first use', () => {
  it('shows Loading…, then the view; a failed load says so and tries again on request', async () => {
    // React logs the error a boundary catches; that is expected here.
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let fail = true;
    const load = vi.fn(async () => {
      if (fail) throw new TypeError('Failed to fetch dynamically imported module');
      return Hello;
    });
    const View = lazyView(load);
    render(<View name="Ada" />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be loaded');
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'try again' }));
    expect(await screen.findByText('Hello Ada')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
    quiet.mockRestore();
  });

  it('a fallback stands in while loading and if the load fails', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const View = lazyView(
      () => Promise.reject(new Error('offline')),
      ({ name }: { name: string }) => <p>Plain {name}</p>,
    );
    render(<View name="Ada" />);
    expect(screen.getByText('Plain Ada')).toBeInTheDocument();
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByText('Plain Ada')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    quiet.mockRestore();
  });
});
