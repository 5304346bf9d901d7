/** UI state that is neither document nor selection: theme, grid, overlays, the message line. Never in history. */
import type { SliceCreator } from './types.ts';

export type Theme = 'light' | 'dark' | 'system';
export type MessageTone = 'info' | 'error' | 'success';

/** The panels around the canvas that a person can collapse (issue 11). */
export const PANELS = ['palette', 'designs', 'inspector', 'problems', 'simulation'] as const;
export type PanelId = (typeof PANELS)[number];
export type PanelsOpen = Readonly<Record<PanelId, boolean>>;
export const ALL_PANELS_OPEN: PanelsOpen = { palette: true, designs: true, inspector: true, problems: true, simulation: true };

export interface UiMessage {
  readonly id: number;
  readonly tone: MessageTone;
  readonly text: string;
}

export interface UiSlice {
  ui: {
    readonly theme: Theme;
    readonly snapToGrid: boolean;
    readonly findOpen: boolean;
    readonly helpOpen: boolean;
    /** While an image of the whole design is taken, the canvas renders every node, not only the visible ones. */
    readonly renderAll: boolean;
    readonly message: UiMessage | null;
    /** An auto layout is being computed or animated (the command is disabled meanwhile). */
    readonly layoutRunning: boolean;
    /** Which panels are expanded; their sizes live with the layout (ui/layout). */
    readonly panels: PanelsOpen;
    /** The output port whose "Add step" palette is open, or null. */
    readonly addStepFrom: { readonly nodeId: string; readonly port: string } | null;
  };
  setTheme(theme: Theme): void;
  toggleSnapToGrid(): void;
  setFindOpen(open: boolean): void;
  setHelpOpen(open: boolean): void;
  setRenderAll(on: boolean): void;
  setLayoutRunning(on: boolean): void;
  setPanelOpen(panel: PanelId, open: boolean): void;
  setPanels(panels: PanelsOpen): void;
  setAddStepFrom(from: { readonly nodeId: string; readonly port: string } | null): void;
  /** Show one line to the user (a refused connection, a paste that was not a workflow...). */
  showMessage(text: string, tone?: MessageTone): void;
  dismissMessage(): void;
}

let messageSeq = 0;

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => {
  const patch = (p: Partial<UiSlice['ui']>): void => set({ ui: { ...get().ui, ...p } });
  return {
    ui: { theme: 'system', snapToGrid: false, findOpen: false, helpOpen: false, renderAll: false, message: null, layoutRunning: false, panels: ALL_PANELS_OPEN, addStepFrom: null },
    setTheme: (theme) => patch({ theme }),
    toggleSnapToGrid: () => patch({ snapToGrid: !get().ui.snapToGrid }),
    setFindOpen: (findOpen) => patch({ findOpen }),
    setHelpOpen: (helpOpen) => patch({ helpOpen }),
    setRenderAll: (renderAll) => patch({ renderAll }),
    setLayoutRunning: (layoutRunning) => patch({ layoutRunning }),
    setPanelOpen: (panel, open) => {
      const { panels } = get().ui;
      if (panels[panel] !== open) patch({ panels: { ...panels, [panel]: open } });
    },
    setPanels: (panels) => patch({ panels }),
    setAddStepFrom: (addStepFrom) => patch({ addStepFrom }),
    showMessage: (text, tone = 'info') => patch({ message: { id: ++messageSeq, tone, text } }),
    dismissMessage: () => patch({ message: null }),
  };
};
