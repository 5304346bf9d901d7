// First: before any module below parses with zod (docs/architecture.md, "Content Security Policy").
import '../domain/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import '../ui/styles.css';
import { createWorkflow } from '../domain/index.ts';
import { attachAnalyzer } from '../store/analysis.ts';
import { createEditorStore } from '../store/editor-store.ts';
import { DesignLibraryProvider } from '../ui/designs/designs-services.tsx';
import { App } from './App.tsx';
import type { DesignLibraryController } from './designs-library.ts';
import { registerServiceWorker } from './pwa.ts';
import { lateRuns, pageSimulation } from './simulation-wiring.ts';
import { sampleWorkflow } from './sample-workflow.ts';
import { editorServices } from './services.ts';

// An empty document while storage opens: the editor never shows a design that is about to be replaced.
const store = createEditorStore(createWorkflow({ id: 'wf_opening', name: 'Baton' }));
// The store is a handle for end-to-end tests and benchmarks (set-up and reading results), so it exists only in
// development and in the e2e build (`vite build --mode e2e`). Production builds compile this branch away: a page
// script or an extension finds no editor API on window.
if (import.meta.env.DEV || import.meta.env.MODE === 'e2e') (window as unknown as { __batonStore?: typeof store }).__batonStore = store;

let library: DesignLibraryController | null = null;
const simulation = pageSimulation(lateRuns(() => library));

const element = document.getElementById('root');
if (!element) throw new Error('index.html has no #root element');
const root = createRoot(element);
function render(state: 'opening' | 'ready'): void {
  const app = <App store={store} services={editorServices} simulation={simulation} opening={state === 'opening'} />;
  root.render(<StrictMode>{library ? <DesignLibraryProvider library={library}>{app}</DesignLibraryProvider> : app}</StrictMode>);
}

/**
 * Run `start` once the page has painted: the frame after the next one has begun (a task queued from inside
 * requestAnimationFrame runs after that frame's paint). A hidden tab paints nothing and runs no frames, so there
 * it starts at once.
 */
function afterFirstPaint(start: () => void): void {
  if (document.visibilityState !== 'visible') start();
  else requestAnimationFrame(() => setTimeout(start, 0));
}

// The editor paints first; storage (Dexie, the repositories, the designs library) loads beside it, so it is not
// part of the first page's JavaScript (docs/architecture.md, "First load"). The editor stays inert until the
// design to show is open.
render('opening');
// The analyzer (rules, graph model, estimates) is not needed to paint either: it loads right after the first
// paint, beside storage; until it is there the Problems panel, the counts, the score card and the badges show
// that the analysis is pending (src/store/analysis.ts). attachAnalyzer never rejects (a failure is shown).
afterFirstPaint(() => void attachAnalyzer(store));
try {
  const { startDesignLibrary } = await import('./persistence-wiring.ts');
  library = await startDesignLibrary(store, sampleWorkflow());
} catch (error) {
  // The storage code could not be fetched (offline before it was cached): edit the sample, without saving.
  store.getState().loadDocument(sampleWorkflow());
  store.getState().showMessage(`Designs cannot be opened or saved in this window (${error instanceof Error ? error.message : String(error)}). Reload to try again; use Export JSON to keep your work.`, 'error');
}
render('ready');
registerServiceWorker();
