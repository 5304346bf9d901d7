/**
 * A part of the UI that loads on first use (docs/architecture.md, "First load"): React.lazy behind Suspense and
 * an error boundary, so a chunk that cannot be fetched (offline before it was cached) says so in place, with a
 * way to try again, instead of taking the whole editor down.
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

/**
 * A component that loads `load` when it first renders. `fallback`, when given, stands in while it loads and
 * if it cannot be loaded (a simpler rendering of the same thing); otherwise "Loading…", then a retry.
 * @example const DebugView = lazyView(() => import('./DebugView.tsx').then((m) => m.DebugView));
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, fallback?: (props: P) => ReactNode): ComponentType<P> {
  const make = () => lazy(async () => ({ default: await load() }));
  let shared = make();
  function LazyView(props: P) {
    // A failed load is cached by React.lazy: trying again needs a fresh one.
    const [view, setView] = useState(() => shared);
    const [attempt, setAttempt] = useState(0);
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
  return LazyView;
}
