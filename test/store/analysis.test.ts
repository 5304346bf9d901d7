import { afterEach, describe, expect, it, vi } from 'vitest';
import * as analyzer from '../../src/analyzer/index.ts';
import type { Analysis } from '../../src/analyzer/index.ts';
import {
  analysisOf,
  DEBOUNCE_MS,
  LIVE_NODE_LIMIT,
  onlyPositionsDiffer,
  selectAnalysis,
  selectAnalysisPending,
  selectAnalyzerFailure,
  attachAnalyzer,
  selectErrorCount,
  selectFindingCounts,
  selectFindingsByNode,
  selectNodeFindingCount,
  selectNodeWorstSeverity,
} from '../../src/store/analysis.ts';
import type { EditorStore } from '../../src/store/editor-store.ts';
import { applyQuickFix } from '../../src/store/quick-fix.ts';
import { createEditorStore } from '../../src/store/editor-store.ts';
import { loadAnalyzer, loadedAnalyzer } from '../../src/store/analyzer-loader.ts';
import { chain, superfluousRouter } from './analysis-fixtures.ts';
import { editor } from './editor-harness.ts';

/** The analysis the store shows; the analyzer is loaded in these tests (test/setup.ts provides it). */
function analysed(store: EditorStore): Analysis {
  const a = selectAnalysis(store.getState());
  if (!a) throw new Error('expected an analysis: test/setup.ts provides the analyzer');
  return a;
}

describe('selectAnalysis', () => {
  it('returns the same analysis object for the same document, and a new one after a label edit', () => {
    const store = editor(superfluousRouter());
    const a = analysed(store);
    expect(analysed(store)).toBe(a);
    store.getState().select(['router1']); // not a document change
    expect(analysed(store)).toBe(a);
    store.getState().updateNode('router1', (n) => ({ ...n, label: 'Pick a lane' }));
    const b = analysed(store);
    expect(b).not.toBe(a);
    expect(b.findings[0]?.message).toContain('Pick a lane');
  });

  it('re-analyses when the lint config in the document changes (preset and suppressions live there)', () => {
    const store = editor(superfluousRouter());
    expect(analysed(store).findings).toHaveLength(1);
    store.getState().updateWorkflow((d) => ({ ...d, lint: { suppressions: [{ ruleId: 'superfluous-router', nodeId: 'router1', reason: 'kept for a later branch' }] } }));
    const a = analysed(store);
    expect(a.findings).toHaveLength(0);
    expect(a.suppressed.map((f) => f.ruleId)).toEqual(['superfluous-router']);
  });

  it('reuses the analysis for a move: a drag never re-runs the analyzer', () => {
    const store = editor(superfluousRouter());
    const a = analysed(store);
    const s = store.getState();
    s.beginGesture();
    for (let x = 0; x < 5; x++) s.moveNodes(new Map([['router1', { x, y: x }]]));
    s.endGesture();
    expect(store.getState().doc).not.toBe(superfluousRouter());
    expect(analysed(store)).toBe(a);
    expect(selectAnalysisPending(store.getState())).toBe(false);
  });

  it('onlyPositionsDiffer tells moves from edits', () => {
    const d = superfluousRouter();
    const moved = { ...d, nodes: d.nodes.map((n) => (n.id === 'router1' ? { ...n, position: { x: 9, y: 9 } } : n)) };
    const renamed = { ...d, nodes: d.nodes.map((n) => (n.id === 'router1' ? { ...n, label: 'X' } : n)) };
    expect(onlyPositionsDiffer(d, moved)).toBe(true);
    expect(onlyPositionsDiffer(d, renamed)).toBe(false);
    expect(onlyPositionsDiffer(d, { ...d, edges: [] })).toBe(false);
    expect(onlyPositionsDiffer(d, { ...d, nodes: d.nodes.slice(1) })).toBe(false);
  });

  it('counts findings and indexes them by node, worst first, as primitives for badges', () => {
    const store = editor(superfluousRouter());
    store.getState().removeElements([], ['e2']); // router1 becomes a dead end, output2 disconnected
    const s = store.getState();
    expect(selectFindingCounts(s)).toBe(selectFindingCounts(s));
    expect(selectFindingCounts(s)?.error).toBeGreaterThanOrEqual(2);
    expect(selectNodeWorstSeverity(s, 'router1')).toBe('error');
    expect(selectNodeWorstSeverity(s, 'nope')).toBeNull();
    expect(selectNodeFindingCount(s, 'router1')).toBe(selectFindingsByNode(s).get('router1')?.length);
  });
});

describe('big designs are analysed after a pause in editing', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps showing the settled revision while edits come in, then catches up after the debounce', () => {
    vi.useFakeTimers();
    const store = editor(chain(LIVE_NODE_LIMIT + 10));
    const first = analysed(store);
    store.getState().updateNode('s3', (n) => ({ ...n, label: 'Do a thing' }), { coalesceKey: 'label' });
    expect(analysed(store)).toBe(first);
    expect(selectAnalysisPending(store.getState())).toBe(true);
    vi.advanceTimersByTime(DEBOUNCE_MS - 10);
    store.getState().updateNode('s3', (n) => ({ ...n, label: 'Do a thing now' }), { coalesceKey: 'label' });
    vi.advanceTimersByTime(DEBOUNCE_MS - 10);
    expect(analysed(store)).toBe(first); // each edit restarts the wait
    vi.advanceTimersByTime(20);
    expect(selectAnalysisPending(store.getState())).toBe(false);
    expect(analysed(store)).not.toBe(first);
    expect(store.getState().analysedDoc).toBe(store.getState().doc);
  });

  it('waits for a running gesture to end', () => {
    vi.useFakeTimers();
    const store = editor(chain(LIVE_NODE_LIMIT + 10));
    const s = store.getState();
    s.beginGesture();
    s.updateNode('s1', (n) => ({ ...n, label: 'Changed mid-gesture' }));
    vi.advanceTimersByTime(DEBOUNCE_MS * 3);
    expect(selectAnalysisPending(store.getState())).toBe(true);
    s.endGesture();
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(selectAnalysisPending(store.getState())).toBe(false);
  });

  it('analyses another opened design at once, never showing the previous design\'s findings', () => {
    vi.useFakeTimers();
    const store = editor(chain(LIVE_NODE_LIMIT + 10));
    const other = { ...chain(LIVE_NODE_LIMIT + 20), id: 'wf_other' };
    store.getState().loadDocument(other);
    expect(store.getState().analysedDoc).toBe(other);
    expect(analysed(store)).toBe(analysisOf(other, analyzer));
  });
});

describe('applyQuickFix (store)', () => {
  it('applies the fix as one undo entry; undo brings the finding back', () => {
    const store = editor(superfluousRouter());
    const finding = analysed(store).findings.find((f) => f.quickFix !== undefined);
    expect(finding?.quickFix).toBe('remove-superfluous-connector');
    if (!finding) return;
    const before = store.getState().doc;
    expect(applyQuickFix(store, finding)).toBe(true);
    expect(store.getState().history.past).toEqual([before]);
    expect(store.getState().doc.nodes.map((n) => n.id)).toEqual(['trigger0', 'output2']);
    expect(analysed(store).findings).toHaveLength(0);
    // Said in words, never the rule id.
    expect(store.getState().ui.message?.text).toBe('Removed the connector. Undo reverts it.');
    store.getState().undo();
    expect(store.getState().doc).toBe(before);
    expect(analysed(store).findings.map((f) => f.ruleId)).toEqual(['superfluous-router']);
  });

  it('refuses a fix that no longer fits the document, with a message and no entry', () => {
    const store = editor(superfluousRouter());
    const finding = analysed(store).findings[0];
    if (!finding) throw new Error('expected a finding');
    store.getState().removeElements(['router1'], []);
    const depth = store.getState().history.past.length;
    expect(applyQuickFix(store, finding)).toBe(false);
    expect(store.getState().history.past).toHaveLength(depth);
    expect(store.getState().ui.message?.tone).toBe('error');
  });
});

describe('while the analyzer loads (it arrives after the first paint)', () => {
  /** A store as the page has it before the analyzer's code is there. */
  const loading = (doc = superfluousRouter()): EditorStore => createEditorStore(doc, { analyzer: null });

  it('every reader is pending: no analysis, no counts, no badges, never zero problems', () => {
    const store = loading();
    store.getState().removeElements([], ['e2']); // an edit made before the analyzer arrives
    const s = store.getState();
    expect(selectAnalysis(s)).toBeNull();
    expect(selectAnalysisPending(s)).toBe(true);
    expect(selectAnalyzerFailure(s)).toBeNull();
    expect(selectFindingCounts(s)).toBeNull();
    expect(selectErrorCount(s)).toBeNull();
    expect(selectFindingsByNode(s).size).toBe(0);
    expect(selectNodeWorstSeverity(s, 'router1')).toBeNull();
    expect(selectNodeFindingCount(s, 'router1')).toBe(0);
  });

  it('shows the analysis of the current document once the analyzer is attached, edits made meanwhile included', async () => {
    const store = loading();
    store.getState().removeElements([], ['e2']);
    await attachAnalyzer(store, () => Promise.resolve(analyzer));
    const s = store.getState();
    expect(selectAnalysisPending(s)).toBe(false);
    expect(analysed(store)).toBe(analysisOf(s.doc, analyzer));
    expect(analysed(store).findings.map((f) => f.ruleId)).toContain('dead-end');
    expect(selectNodeWorstSeverity(s, 'router1')).toBe('error');
    expect(selectErrorCount(s)).toBeGreaterThanOrEqual(1);
  });

  it('a big design opened while loading is analysed (its settled revision) when the analyzer arrives', async () => {
    vi.useFakeTimers();
    try {
      const store = loading(chain(LIVE_NODE_LIMIT + 10));
      store.getState().updateNode('s3', (n) => ({ ...n, label: '' }));
      vi.advanceTimersByTime(DEBOUNCE_MS);
      expect(store.getState().analysedDoc).toBe(store.getState().doc);
      expect(selectAnalysis(store.getState())).toBeNull();
      await attachAnalyzer(store, () => Promise.resolve(analyzer));
      expect(selectAnalysisPending(store.getState())).toBe(false);
      expect(analysed(store).findings.some((f) => f.ruleId === 'label-required' && f.nodeIds.includes('s3'))).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a code that cannot be loaded is a failure with its reason, not a pending state forever; trying again recovers', async () => {
    const store = loading();
    await attachAnalyzer(store, () => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    expect(selectAnalysisPending(store.getState())).toBe(false);
    expect(selectAnalyzerFailure(store.getState())).toBe('the analyzer could not be loaded (Failed to fetch dynamically imported module)');
    expect(selectAnalysis(store.getState())).toBeNull();
    await attachAnalyzer(store, () => Promise.resolve(analyzer));
    expect(selectAnalyzerFailure(store.getState())).toBeNull();
    expect(analysed(store).findings.map((f) => f.ruleId)).toEqual(['superfluous-router']);
  });

  it('a quick fix asked for without the analyzer is refused with a message, the document untouched', () => {
    const finding = analyzer.analyze(superfluousRouter()).findings[0];
    if (!finding) throw new Error('expected a finding');
    const store = loading();
    const before = store.getState().doc;
    expect(applyQuickFix(store, finding)).toBe(false);
    expect(store.getState().doc).toBe(before);
    expect(store.getState().ui.message?.tone).toBe('error');
  });

  it('stores created after the analyzer has loaded start with it (the test setup provided the real module)', async () => {
    expect(loadedAnalyzer()).toBe(analyzer);
    expect(await loadAnalyzer()).toBe(analyzer);
    expect(editor(superfluousRouter()).getState().analyzer).toBe(analyzer);
  });
});
