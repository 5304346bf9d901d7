/**
 * The editor's workspace (issue 11, "Layout that works from 1280x720 up"): palette above designs on the left,
 * the canvas in the middle with problems beside simulation below it, the inspector on the right. Every panel
 * collapses (its button, or Enter on its splitter) and every boundary is a WAI-ARIA window splitter; sizes and
 * open panels are remembered in this browser. A collapsed panel stays mounted (hidden), so a simulation's settings
 * or a search survive collapsing it.
 */
import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { PanelId } from '../../store/ui-slice.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { LIMITS, loadLayoutPrefs, MIN_CANVAS_HEIGHT, MIN_CANVAS_WIDTH, saveLayoutPrefs, type PaneSizes } from './layout-prefs.ts';
import { Splitter } from './Splitter.tsx';

export const PANEL_TITLES: Readonly<Record<PanelId, string>> = {
  palette: 'Node palette',
  designs: 'Designs',
  inspector: 'Inspector',
  problems: 'Problems',
  simulation: 'Simulation',
};

/** Short names for the rails of collapsed panels. */
const RAIL_TITLES: Readonly<Record<PanelId, string>> = { palette: 'Nodes', designs: 'Designs', inspector: 'Inspector', problems: 'Problems', simulation: 'Simulation' };

const paneId = (p: PanelId | 'left' | 'dock'): string => `pane-${p}`;

const subscribeResize = (cb: () => void): (() => void) => {
  window.addEventListener('resize', cb);
  return () => window.removeEventListener('resize', cb);
};
const windowWidth = (): number => window.innerWidth;
const windowHeight = (): number => window.innerHeight;

function useWindowSize(): { width: number; height: number } {
  return { width: useSyncExternalStore(subscribeResize, windowWidth, () => 1280), height: useSyncExternalStore(subscribeResize, windowHeight, () => 720) };
}

/** The collapse button in a panel's corner. */
function CollapseButton({ panel }: { panel: PanelId }) {
  const store = useEditorStoreApi();
  return (
    <button
      type="button"
      className="pane__collapse"
      aria-label={`Collapse ${PANEL_TITLES[panel]}`}
      aria-expanded={true}
      aria-controls={paneId(panel)}
      title={`Collapse ${PANEL_TITLES[panel]}`}
      onClick={() => store.getState().setPanelOpen(panel, false)}
    >
      <svg width={14} height={14} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M5 11h14v2H5z" fill="currentColor" />
      </svg>
    </button>
  );
}

/** A collapsed panel: a thin bar (or a vertical rail) that brings it back. */
function Rail({ panel, vertical, extra }: { panel: PanelId; vertical?: boolean; extra?: ReactNode }) {
  const store = useEditorStoreApi();
  return (
    <button
      type="button"
      className={`pane-rail${vertical ? ' pane-rail--vertical' : ''}`}
      aria-label={`Expand ${PANEL_TITLES[panel]}`}
      aria-expanded={false}
      aria-controls={paneId(panel)}
      title={`Expand ${PANEL_TITLES[panel]}`}
      onClick={() => store.getState().setPanelOpen(panel, true)}
    >
      <span>{RAIL_TITLES[panel]}</span>
      {extra}
    </button>
  );
}

function Pane({ panel, open, style, className, children }: { panel: PanelId; open: boolean; style?: React.CSSProperties; className?: string; children: ReactNode }) {
  return (
    <div id={paneId(panel)} className={`pane pane--${panel}${className ? ` ${className}` : ''}`} hidden={!open} style={style}>
      {open && <CollapseButton panel={panel} />}
      {children}
    </div>
  );
}

export interface EditorLayoutProps {
  readonly palette: ReactNode;
  readonly designs: ReactNode;
  readonly canvas: ReactNode;
  readonly inspector: ReactNode;
  readonly problems: ReactNode;
  readonly simulation: ReactNode;
  /** The Simulation panel asked for more room ("Expand panel"). */
  readonly simulationExpanded?: boolean;
}

const TOOLBAR_HEIGHT = 44;
const SPLITTER = 6;
const RAIL = 28;

export function EditorLayout({ palette, designs, canvas, inspector, problems, simulation, simulationExpanded = false }: EditorLayoutProps) {
  const store = useEditorStoreApi();
  const win = useWindowSize();
  const [initial] = useState(() => loadLayoutPrefs({ width: window.innerWidth, height: window.innerHeight }));
  const [sizes, setSizes] = useState<PaneSizes>(initial.sizes);
  const open = useEditorStore((s) => s.ui.panels);
  // The remembered open panels become the store's once, at mount.
  useEffect(() => store.getState().setPanels(initial.open), [store, initial]);
  useEffect(() => saveLayoutPrefs({ sizes, open }), [sizes, open]);

  const set = (key: keyof PaneSizes) => (v: number) => setSizes((s) => (s[key] === v ? s : { ...s, [key]: v }));
  const toggle = (panel: PanelId) => () => store.getState().setPanelOpen(panel, !store.getState().ui.panels[panel]);

  const leftOpen = open.palette || open.designs;
  const dockOpen = open.problems || open.simulation;
  const workspace = Math.max(300, win.height - TOOLBAR_HEIGHT);

  // Each limit leaves the canvas its minimum; what a window cannot give is taken from the remembered size, not
  // stored (a smaller window later does not shrink the remembered layout).
  const leftW = leftOpen ? Math.min(sizes.left, LIMITS.left.max, Math.max(LIMITS.left.min, win.width - MIN_CANVAS_WIDTH - (open.inspector ? sizes.inspector : RAIL))) : RAIL;
  const inspectorMax = Math.max(LIMITS.inspector.min, Math.min(LIMITS.inspector.max, win.width - MIN_CANVAS_WIDTH - leftW));
  const inspectorW = open.inspector ? Math.min(sizes.inspector, inspectorMax) : RAIL;
  const dockMax = Math.max(LIMITS.dock.min, workspace - MIN_CANVAS_HEIGHT);
  const dockWanted = simulationExpanded && open.simulation ? Math.max(sizes.dock, Math.round(workspace * 0.6)) : sizes.dock;
  const dockH = dockOpen ? Math.min(dockWanted, dockMax) : RAIL;
  const paletteMax = Math.max(LIMITS.palette.min, workspace - 180);
  const paletteH = open.designs ? Math.min(sizes.palette, paletteMax) : undefined;
  const centreW = win.width - leftW - inspectorW - 2 * SPLITTER;
  const problemsMax = Math.max(LIMITS.problems.min, centreW - 260);
  const problemsW = open.simulation ? Math.min(sizes.problems, problemsMax) : undefined;

  return (
    <div className="workspace">
      <div id={paneId('left')} className={`sidebar sidebar--left${leftOpen ? '' : ' sidebar--rail'}`} style={{ width: leftW }}>
        <Pane panel="palette" open={open.palette} style={paletteH === undefined ? { flex: 1 } : { height: paletteH, flex: 'none' }}>
          {palette}
        </Pane>
        {!open.palette && <Rail panel="palette" vertical={!leftOpen} />}
        {open.palette && open.designs && (
          <Splitter orientation="horizontal" label="Resize Node palette" controls={paneId('palette')} value={paletteH ?? sizes.palette} min={LIMITS.palette.min} max={paletteMax} direction={1} onChange={set('palette')} onToggle={toggle('palette')} />
        )}
        <Pane panel="designs" open={open.designs} style={{ flex: 1 }}>
          {designs}
        </Pane>
        {!open.designs && <Rail panel="designs" vertical={!leftOpen} />}
      </div>
      {leftOpen && (
        <Splitter
          orientation="vertical"
          label="Resize left panels"
          controls={paneId('left')}
          value={leftW}
          min={LIMITS.left.min}
          max={Math.min(LIMITS.left.max, win.width - MIN_CANVAS_WIDTH - inspectorW)}
          direction={1}
          onChange={set('left')}
        />
      )}
      <main className="centre">
        {canvas}
        {dockOpen && <Splitter orientation="horizontal" label="Resize bottom panels" controls={paneId('dock')} value={dockH} min={LIMITS.dock.min} max={dockMax} direction={-1} onChange={set('dock')} />}
        <div id={paneId('dock')} className={`dock${dockOpen ? '' : ' dock--rail'}`} style={{ height: dockH }}>
          <Pane panel="problems" open={open.problems} style={problemsW === undefined ? { flex: 1 } : { width: problemsW, flex: 'none' }}>
            {problems}
          </Pane>
          {!open.problems && <Rail panel="problems" vertical={open.simulation} />}
          {open.problems && open.simulation && (
            <Splitter orientation="vertical" label="Resize Problems" controls={paneId('problems')} value={problemsW ?? sizes.problems} min={LIMITS.problems.min} max={problemsMax} direction={1} onChange={set('problems')} onToggle={toggle('problems')} />
          )}
          <Pane panel="simulation" open={open.simulation} style={{ flex: 1 }}>
            {simulation}
          </Pane>
          {!open.simulation && <Rail panel="simulation" vertical={open.problems} />}
        </div>
      </main>
      {open.inspector && (
        <Splitter orientation="vertical" label="Resize Inspector" controls={paneId('inspector')} value={inspectorW} min={LIMITS.inspector.min} max={inspectorMax} direction={-1} onChange={set('inspector')} onToggle={toggle('inspector')} />
      )}
      <Pane panel="inspector" open={open.inspector} style={{ width: inspectorW }}>
        {inspector}
      </Pane>
      {!open.inspector && <Rail panel="inspector" vertical />}
    </div>
  );
}
