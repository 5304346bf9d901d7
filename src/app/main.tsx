// First: before any module below parses with zod (docs/architecture.md, "Content Security Policy").
import '../domain/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import '../ui/styles.css';
import { createWorkflow } from '../domain/index.ts';
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

// The editor paints first; storage (Dexie, the repositories, the designs library) loads beside it, so it is not
// part of the first page's JavaScript (docs/architecture.md, "First load"). The editor stays inert until the
// design to show is open.
render('opening');
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
