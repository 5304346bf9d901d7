/**
 * A part of the UI that loads on first use (docs/architecture.md, "First load"): React.lazy behind Suspense and
 * an error boundary, so a chunk that cannot be fetched (offline before it was cached) says so in place, with a
 * way to try again, instead of taking the whole editor down. Once loaded, later mounts render it directly.
 */
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';

class LoadBoundary extends Component<{ children: ReactNode; onRetry: () => void; failed?: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    if (this.props.failed !== undefined) return this.props.failed;
    return (
      <p role="alert" className="lazy-view__error">
        This part of Baton could not be loaded. Check the connection, then{' '}
        <button type="button" onClick={() => this.props.onRetry()}>
          try again
        </button>
        .
      </p>
    );
  }
}

export type LazyView<P> = ComponentType<P> & {
  /** Start loading now (after the first paint, or in tests); resolves when it is there. */
  preload(): Promise<void>;
};

/**
 * A component that loads `load` when it first renders (or on preload()). `fallback`, when given, stands in while
 * it loads and if it cannot be loaded (a simpler rendering of the same thing); otherwise "Loading…", then a retry.
 * @example const DebugView = lazyView(() => import('./DebugView.tsx').then((m) => m.DebugView));
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, fallback?: (props: P) => ReactNode): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const fetch = (): Promise<ComponentType<P>> =>
    (pending ??= load().then(
      (c) => (loaded = c),
      (error: unknown) => {
        pending = null;
        throw error;
      },
    ));
  const make = () => lazy(async () => ({ default: await fetch() }));
  let shared = make();
  function LazyView(props: P) {
    // Decided once per mount: switching from the lazy wrapper to the loaded component mid-life would remount the
    // view and lose what the person was typing.
    const [direct] = useState(() => loaded);
    // A failed load is cached by React.lazy: trying again needs a fresh one.
    const [view, setView] = useState(() => shared);
    const [attempt, setAttempt] = useState(0);
    if (direct) {
      const Direct = direct;
      return <Direct {...props} />;
    }
    const View = view;
    return (
      <LoadBoundary
        key={attempt}
        {...(fallback ? { failed: fallback(props) } : {})}
        onRetry={() => {
          shared = make();
          setView(() => shared);
          setAttempt((a) => a + 1);
        }}
      >
        <Suspense fallback={fallback ? fallback(props) : <p className="muted">Loading…</p>}>
          <View {...props} />
        </Suspense>
      </LoadBoundary>
    );
  }
  return Object.assign(LazyView, { preload: async () => void (await fetch()) });
}
