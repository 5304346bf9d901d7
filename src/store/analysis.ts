/**
 * The analyzer, live. The Problems panel, the toolbar counts, the score card and every node's badge read the
 * analysis through these selectors; none of them calls the analyzer during render (ARCHITECTURE.md 4).
 *
 * Memoization: one analysis per document object. The document is immutable and carries its own lint config
 * (`lint.preset`, `lint.rules`, `lint.suppressions`), so a new preset or suppression is a new document and a new
 * analysis, and re-reading the same revision costs one WeakMap lookup.
 *
 * Moves are free: no rule reads positions (they judge the graph, the profile and the policies), so a document
 * that differs from the last analysed one only in node positions reuses its analysis object. A drag changes
 * the document every frame; with this the drag never re-runs the analyzer, on any size of design, and the
 * result is exact rather than stale. (Checking "only positions moved" is a pointer comparison per node: the
 * document slice keeps unchanged node objects identical.)
 *
 * Debounce for big designs. Measured in Chromium (bench/analyzer-live, median of a full analysis): templates
 * (10-19 nodes) 0.1-0.7 ms, 300 generated nodes ~5 ms, 1,000 nodes ~28 ms, 3,000 nodes ~65 ms; a drag frame
 * answered by the reuse above 0.01 ms at 1,000 nodes. 28 ms is two dropped frames per keystroke in a label
 * field, so up to LIVE_NODE_LIMIT nodes (under the ~8 ms budget) the selectors analyse the current document
 * synchronously. Above it they show `analysedDoc`, a revision the store moves forward after DEBOUNCE_MS
 * without edits (watchAnalysis below, on the document's change feed, which is silent during a gesture); the
 * panel says "Analysing…" meanwhile.
 *
 * The analyzer's code loads after the first paint (analyzer-loader.ts; docs/architecture.md, "First load"). Until
 * it is in the store (`analyzer`), `selectAnalysis` is null and `selectAnalysisPending` true: every reader shows
 * that it is waiting (the counts and the panel say "Analysing…", the score card shows its figures as pending,
 * nodes carry no badge), never zero problems or a score for a design nobody analysed. `attachAnalyzer` puts the
 * loaded code in the store; `analyzerFailure` says why it could not load, and the panel offers to try again.
 */
import type { Analysis, Finding, FindingSeverity } from '../analyzer/index.ts';
import type { Workflow, WorkflowNode } from '../domain/index.ts';
import { loadAnalyzer, type Analyzer } from './analyzer-loader.ts';
import type { EditorState, EditorStore } from './types.ts';

/** Above this many nodes, analysis waits for a pause in editing (see the file comment). */
export const LIVE_NODE_LIMIT = 300;
/** Quiet time after the last edit before a big design is re-analysed. */
export const DEBOUNCE_MS = 150;

export interface AnalysisSlice {
  /** The revision the analysis shows for designs above LIVE_NODE_LIMIT nodes; smaller ones use `doc` itself. */
  analysedDoc: Workflow;
  /** The analyzer's code once it has loaded (after the first paint); null until then, and the analysis is pending. */
  analyzer: Analyzer | null;
  /** Why the analyzer's code could not be loaded (offline before it was cached), or null. */
  analyzerFailure: string | null;
}

export const createAnalysisSlice = (initial: Workflow, analyzer: Analyzer | null): AnalysisSlice => ({ analysedDoc: initial, analyzer, analyzerFailure: null });

const byDoc = new WeakMap<Workflow, Analysis>();
let last: { doc: Workflow; analysis: Analysis } | null = null;

function sameNodeExceptPosition(a: WorkflowNode, b: WorkflowNode): boolean {
  if (a === b) return true;
  const ka = Object.keys(a) as (keyof WorkflowNode)[];
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => k === 'position' || a[k] === b[k]);
}

/** True when `b` is `a` with some nodes moved and nothing else changed (top-level fields compared by identity). */
export function onlyPositionsDiffer(a: Workflow, b: Workflow): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof Workflow)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (k !== 'nodes' && a[k] !== b[k]) return false;
  if (a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const na = a.nodes[i];
    const nb = b.nodes[i];
    if (!na || !nb || !sameNodeExceptPosition(na, nb)) return false;
  }
  return true;
}

/** Whether `analysisOf(doc)` would be a lookup rather than a run of the analyzer. */
export function isAnalysed(doc: Workflow): boolean {
  return byDoc.has(doc) || (last !== null && onlyPositionsDiffer(last.doc, doc));
}

/**
 * The analysis of one document revision, computed at most once per revision (and not at all for a move).
 * @example analysisOf(doc, analyzer) === analysisOf(doc, analyzer) // true
 */
export function analysisOf(doc: Workflow, analyzer: Pick<Analyzer, 'analyze'>): Analysis {
  let analysis = byDoc.get(doc);
  if (!analysis) {
    analysis = last !== null && onlyPositionsDiffer(last.doc, doc) ? last.analysis : analyzer.analyze(doc);
    byDoc.set(doc, analysis);
  }
  last = { doc, analysis };
  return analysis;
}

/** The document the analysis describes: the current one, or for a big design the last settled revision. */
export const selectAnalysedDoc = (s: EditorState): Workflow => (s.doc.nodes.length <= LIVE_NODE_LIMIT ? s.doc : s.analysedDoc);

/** The analyzer's code, or null while it loads. */
export const selectAnalyzer = (s: EditorState): Analyzer | null => s.analyzer;

/** The analysis the editor shows, or null while the analyzer's code loads (show pending, never an empty result). */
export const selectAnalysis = (s: EditorState): Analysis | null => (s.analyzer ? analysisOf(selectAnalysedDoc(s), s.analyzer) : null);

/**
 * True while the analyzer's code loads (not after it failed to: see `analyzerFailure`), and while a big design's
 * analysis lags behind an edit; the panel and the counts say "Analysing…".
 */
export const selectAnalysisPending = (s: EditorState): boolean => {
  if (s.analyzer === null) return s.analyzerFailure === null;
  const shown = selectAnalysedDoc(s);
  return shown !== s.doc && !onlyPositionsDiffer(shown, s.doc);
};

/** Why the analysis cannot be shown (the analyzer's code failed to load), or null. */
export const selectAnalyzerFailure = (s: EditorState): string | null => (s.analyzer === null ? s.analyzerFailure : null);

export interface FindingCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
}

const countsCache = new WeakMap<Analysis, FindingCounts>();
function countsOf(a: Analysis): FindingCounts {
  let c = countsCache.get(a);
  if (!c) {
    const n = { error: 0, warning: 0, info: 0 };
    for (const f of a.findings) n[f.severity]++;
    c = n;
    countsCache.set(a, c);
  }
  return c;
}

/** Findings per severity (suppressed ones excluded); one object per analysis; null while the analyzer loads. */
export const selectFindingCounts = (s: EditorState): FindingCounts | null => {
  const a = selectAnalysis(s);
  return a ? countsOf(a) : null;
};
export const selectErrorCount = (s: EditorState): number | null => selectFindingCounts(s)?.error ?? null;
export const selectWarningCount = (s: EditorState): number | null => selectFindingCounts(s)?.warning ?? null;
export const selectInfoCount = (s: EditorState): number | null => selectFindingCounts(s)?.info ?? null;

const byNodeCache = new WeakMap<Analysis, ReadonlyMap<string, readonly Finding[]>>();
function findingsByNode(a: Analysis): ReadonlyMap<string, readonly Finding[]> {
  let m = byNodeCache.get(a);
  if (!m) {
    const map = new Map<string, Finding[]>();
    // findings are sorted worst first, so each node's list is too.
    for (const f of a.findings) {
      for (const id of f.nodeIds) {
        const list = map.get(id);
        if (list) list.push(f);
        else map.set(id, [f]);
      }
    }
    m = map;
    byNodeCache.set(a, m);
  }
  return m;
}

const NO_FINDINGS: ReadonlyMap<string, readonly Finding[]> = new Map();

/** Findings per node id, worst first; one map per analysis (empty while the analyzer loads: no badge yet). */
export const selectFindingsByNode = (s: EditorState): ReadonlyMap<string, readonly Finding[]> => {
  const a = selectAnalysis(s);
  return a ? findingsByNode(a) : NO_FINDINGS;
};

/**
 * The worst severity among a node's findings, or null. A primitive, so a badge re-renders only when its own
 * node's verdict changes, not on every analysis.
 */
export const selectNodeWorstSeverity = (s: EditorState, nodeId: string): FindingSeverity | null =>
  selectFindingsByNode(s).get(nodeId)?.[0]?.severity ?? null;

export const selectNodeFindingCount = (s: EditorState, nodeId: string): number => selectFindingsByNode(s).get(nodeId)?.length ?? 0;

/** The message of a node's worst finding (the badge's tooltip), or null. */
export const selectNodeWorstMessage = (s: EditorState, nodeId: string): string | null => selectFindingsByNode(s).get(nodeId)?.[0]?.message ?? null;

/**
 * Keep `analysedDoc` following the document's settled changes (document-slice.ts, the change feed; a drag
 * settles once, at its end): at once when that costs nothing (a small design, a move, a revision already
 * analysed such as an undo) and for a design just opened (never showing the previous design's findings);
 * otherwise after DEBOUNCE_MS without further changes. Returns the unsubscribe function.
 */
export function watchAnalysis(store: EditorStore, schedule: (run: () => void, ms: number) => () => void = defaultSchedule): () => void {
  let cancel: (() => void) | null = null;
  const show = (doc: Workflow): void => {
    const analyzer = store.getState().analyzer;
    if (analyzer) analysisOf(doc, analyzer);
    store.setState({ analysedDoc: doc });
  };
  const stopListening = store.getState().listenToChanges(({ after, origin }) => {
    cancel?.();
    cancel = null;
    if (store.getState().analysedDoc === after) return;
    if (origin === 'load' || after.nodes.length <= LIVE_NODE_LIMIT || isAnalysed(after)) show(after);
    else
      cancel = schedule(() => {
        cancel = null;
        show(store.getState().doc);
      }, DEBOUNCE_MS);
  });
  return () => {
    cancel?.();
    stopListening();
  };
}

function defaultSchedule(run: () => void, ms: number): () => void {
  const t = setTimeout(run, ms);
  return () => clearTimeout(t);
}

/**
 * Put the analyzer's code in the store once it has loaded (src/app/main.tsx calls this after the first paint; the
 * Problems panel's Retry calls it again after a failure). Never rejects: a failure is kept in `analyzerFailure`.
 * @example await attachAnalyzer(store) // selectAnalysis(store.getState()) is no longer null
 */
export async function attachAnalyzer(store: EditorStore, load: () => Promise<Analyzer> = loadAnalyzer): Promise<void> {
  if (store.getState().analyzer) return;
  store.setState({ analyzerFailure: null });
  try {
    store.setState({ analyzer: await load(), analyzerFailure: null });
  } catch (error) {
    store.setState({ analyzerFailure: `the analyzer could not be loaded (${error instanceof Error ? error.message : String(error)})` });
  }
}
