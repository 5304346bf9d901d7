/** The editor's layout: toolbar on top, palette left, canvas centre, inspector right, panels below. */
import { ReactFlowProvider } from '@xyflow/react';
import { useStore } from 'zustand';
import type { EditorStore } from '../store/editor-store.ts';
import { Canvas } from '../ui/canvas/Canvas.tsx';
import { EditorStoreProvider } from '../ui/editor-context.tsx';
import { Inspector } from '../ui/inspector/Inspector.tsx';
import { MessageBar } from '../ui/MessageBar.tsx';
import { Palette } from '../ui/palette/Palette.tsx';
import { StorageBanner } from '../ui/designs/StorageBanner.tsx';
import { DesignsPanel } from '../ui/panels/DesignsPanel.tsx';
import { ProblemsPanel } from '../ui/panels/ProblemsPanel.tsx';
import { SimulationPanel } from '../ui/panels/SimulationPanel.tsx';
import { EditorServicesProvider, type EditorServices } from '../ui/services.tsx';
import { SimulationServicesProvider, type SimulationServices } from '../ui/simulation/simulation-services.tsx';
import { FindDialog } from '../ui/overlays/FindDialog.tsx';
import { AddStepDialog } from '../ui/canvas/AddStepDialog.tsx';
import { HelpOverlay } from '../ui/overlays/HelpOverlay.tsx';
import { Toolbar } from '../ui/toolbar/Toolbar.tsx';
import { CommandProvider } from '../ui/commands/command-context.tsx';
import { EditorLayout } from '../ui/layout/EditorLayout.tsx';
import { selectExpanded } from '../store/simulation-store.ts';
import { useEditorShortcuts } from '../ui/use-editor-shortcuts.ts';
import { useThemeClass } from '../ui/use-theme.ts';
import { pageSimulation } from './simulation-wiring.ts';

/** The Simulation panel's "Expand panel" asks the layout for a taller dock. */
function Workspace({ simulation }: { simulation: SimulationServices }) {
  const expanded = useStore(simulation.store, selectExpanded);
  return (
    <EditorLayout
      palette={<Palette />}
      designs={<DesignsPanel />}
      canvas={<Canvas />}
      inspector={<Inspector />}
      problems={<ProblemsPanel />}
      simulation={<SimulationPanel />}
      simulationExpanded={expanded}
    />
  );
}

/** Shortcuts need the store, the services and React Flow's instance, so they live inside all three providers. */
function Shortcuts() {
  useEditorShortcuts();
  return null;
}

/**
 * `opening`: storage is still opening the design to show (src/app/main.tsx). The editor is painted but inert and
 * busy, with a word on the canvas, so nothing typed can go to a document about to be replaced.
 */
export function App({ store, services, simulation = pageSimulation(), opening = false }: { store: EditorStore; services: EditorServices; simulation?: SimulationServices; opening?: boolean }) {
  return (
    <EditorStoreProvider store={store}>
      <EditorServicesProvider services={services}>
        <SimulationServicesProvider services={simulation}>
          <ReactFlowProvider>
            <CommandProvider>
              <ThemeRoot opening={opening}>
                <Shortcuts />
                <Toolbar />
                <StorageBanner />
                <Workspace simulation={simulation} />
                <MessageBar />
                <FindDialog />
                <AddStepDialog />
                <HelpOverlay />
              </ThemeRoot>
            </CommandProvider>
          </ReactFlowProvider>
        </SimulationServicesProvider>
      </EditorServicesProvider>
    </EditorStoreProvider>
  );
}

function ThemeRoot({ children, opening }: { children: React.ReactNode; opening: boolean }) {
  const theme = useThemeClass();
  return (
    <>
      <div className="app" data-theme={theme} aria-busy={opening} inert={opening}>
        {children}
      </div>
      {opening && (
        // Outside .app (which is inert while opening), so it takes the theme itself.
        <p className="app-opening" role="status" data-theme={theme}>
          Opening your designs…
        </p>
      )}
    </>
  );
}
