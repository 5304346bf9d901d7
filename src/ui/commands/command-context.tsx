/**
 * The context every command runs in (store, services, the view), built once per editor inside React Flow's
 * provider, and the hooks the toolbar and the dispatcher read commands through.
 */
import { useReactFlow } from '@xyflow/react';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { EditorState } from '../../store/editor-store.ts';
import { frameDesign } from '../canvas/frame-view.ts';
import { useEditorStore, useEditorStoreApi } from '../editor-context.tsx';
import { useEditorServices } from '../services.tsx';
import { useSimulationServices } from '../simulation/simulation-services.tsx';
import { commandById, type Command, type CommandContext } from './commands.ts';

const Context = createContext<CommandContext | null>(null);

export function CommandProvider({ children }: { children: ReactNode }) {
  const store = useEditorStoreApi();
  const services = useEditorServices();
  const simulation = useSimulationServices();
  const flow = useReactFlow();
  const ctx = useMemo<CommandContext>(
    () => ({
      store,
      services,
      simulation,
      frame: () => frameDesign(flow, store.getState().doc, { duration: 200 }),
      fitAll: () => frameDesign(flow, store.getState().doc, { duration: 200, whole: true }),
    }),
    [store, services, simulation, flow],
  );
  return <Context.Provider value={ctx}>{children}</Context.Provider>;
}

export function useCommandContext(): CommandContext {
  const ctx = useContext(Context);
  if (!ctx) throw new Error('commands must be used inside <CommandProvider>');
  return ctx;
}

const always = (): boolean => true;
const never = (): boolean => false;

/** One command with its live enabled and pressed state, ready for a button. */
export function useCommand(id: string): { command: Command; enabled: boolean; pressed: boolean | undefined; available: boolean; run: () => void } {
  const ctx = useCommandContext();
  const command = commandById(id);
  const enabled = useEditorStore(command.enabled ?? always);
  const pressed = useEditorStore(command.pressed ?? never);
  return {
    command,
    enabled,
    pressed: command.pressed ? pressed : undefined,
    available: command.available?.(ctx) ?? true,
    run: () => void command.run?.(ctx),
  };
}

export type { EditorState };
