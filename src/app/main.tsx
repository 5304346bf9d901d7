// First: before any module below parses with zod (docs/architecture.md, "Content Security Policy").
import '../domain/zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import '../ui/styles.css';
import { createEditorStore } from '../store/editor-store.ts';
import { DesignLibraryProvider } from '../ui/designs/designs-services.tsx';
import { App } from './App.tsx';
import { startDesignLibrary } from './persistence-wiring.ts';
import { registerServiceWorker } from './pwa.ts';
import { pageSimulation } from './simulation-wiring.ts';
import { sampleWorkflow } from './sample-workflow.ts';
import { editorServices } from './services.ts';

const store = createEditorStore(sampleWorkflow());
// The store is a handle for end-to-end tests and benchmarks (set-up and reading results), so it exists only in
// development and in the e2e build (`vite build --mode e2e`). Production builds compile this branch away: a page
// script or an extension finds no editor API on window.
if (import.meta.env.DEV || import.meta.env.MODE === 'e2e') (window as unknown as { __batonStore?: typeof store }).__batonStore = store;

// Storage opens before the first render, so the editor never shows a document that is about to be replaced.
const library = await startDesignLibrary(store);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <DesignLibraryProvider library={library}>
      <App store={store} services={editorServices} simulation={pageSimulation({ runs: library.runs, currentDesignId: library.currentDesignId })} />
    </DesignLibraryProvider>
  </StrictMode>,
);
registerServiceWorker();
