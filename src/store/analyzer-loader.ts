/**
 * The analyzer's code, loaded after the first paint (docs/architecture.md, "First load"). Its rules, graph model
 * and closed-form estimates are about 45 KB of gzip that the first paint does not need: the page starts this
 * import once the editor is painted (src/app/main.tsx), and until it resolves every reader of the analysis shows
 * a pending state (the store's `analyzer` is null; see analysis.ts).
 *
 * This module holds the loaded code for the page, so a store created later starts with it. Tests and Node
 * callers hand the real module over synchronously with `provideAnalyzer` (test/setup.ts does, for every unit
 * and integration test), so they read a finished analysis without waiting; a test that wants the pending state
 * creates its store with `{ analyzer: null }`.
 */
import type * as AnalyzerModule from '../analyzer/index.ts';

/** What the editor takes from src/analyzer at run time (types are imported statically; they cost nothing). */
export type Analyzer = Pick<typeof AnalyzerModule, 'analyze' | 'applyQuickFix' | 'groupFindings' | 'ruleById' | 'QUICK_FIX_WORDS'>;

let loaded: Analyzer | null = null;
let loading: Promise<Analyzer> | null = null;

/** The analyzer when it has loaded (or been provided), else null. */
export function loadedAnalyzer(): Analyzer | null {
  return loaded;
}

/**
 * Hand over the analyzer's module synchronously: for tests (test/setup.ts) and Node, where nothing is gained
 * by loading it later. Stores created afterwards start with it.
 * @example provideAnalyzer(await import('../analyzer/index.ts'))
 */
export function provideAnalyzer(analyzer: Analyzer): void {
  loaded = analyzer;
}

/**
 * Load the analyzer (once per page; a failed load is tried again by the next call). Never loads twice at once.
 * @example const analyzer = await loadAnalyzer()
 */
export function loadAnalyzer(): Promise<Analyzer> {
  if (loaded) return Promise.resolve(loaded);
  loading ??= import('../analyzer/index.ts').then(
    (m) => (loaded = m),
    (error: unknown) => {
      // Offline before the chunk was cached: a later call (the Problems panel's Retry) tries again.
      loading = null;
      throw error;
    },
  );
  return loading;
}
