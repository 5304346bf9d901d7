/** A design library over in-memory persistence (or a shared backend for "two tabs"), for controller and panel tests. */
import { createNode, createWorkflow, type Workflow } from '../../src/domain/index.ts';
import {
  createMemoryBackend,
  createRepositories,
  createTabSync,
  type ChannelLike,
  type Persistence,
  type StorageBackend,
} from '../../src/persistence/index.ts';
import { createEditorStore, type EditorStore } from '../../src/store/editor-store.ts';
import type { TemplateSource } from '../../src/app/designs-catalog.ts';
import { createDesignLibrary, type DesignLibraryController } from '../../src/app/designs-library.ts';
import { TEMPLATES } from '../../src/templates/index.ts';

export function smallDoc(name = 'Sample', n = 3): Workflow {
  const doc = createWorkflow({ id: 'wf_sample', name });
  return { ...doc, nodes: Array.from({ length: n }, (_, i) => createNode(i === 0 ? 'trigger' : 'ai', { id: `n${i}`, position: { x: i * 200, y: 0 } })) };
}

/** BroadcastChannel stand-in: every channel made by one hub hears the others' messages, asynchronously. */
export function channelHub(): () => ChannelLike {
  const channels = new Set<{ listeners: Set<(e: { data: unknown }) => void> }>();
  return () => {
    const self = { listeners: new Set<(e: { data: unknown }) => void>() };
    channels.add(self);
    return {
      postMessage(message) {
        for (const c of channels) if (c !== self) for (const l of c.listeners) queueMicrotask(() => l({ data: structuredClone(message) }));
      },
      addEventListener: (_t, l) => void self.listeners.add(l),
      removeEventListener: (_t, l) => void self.listeners.delete(l),
      close: () => void channels.delete(self),
    };
  };
}

export interface Tab {
  readonly editor: EditorStore;
  readonly library: DesignLibraryController;
}

export function openTab(
  options: { backend?: StorageBackend; channel?: ChannelLike; tabId?: string; mode?: Persistence['mode']; banner?: string; initial?: Workflow; templates?: TemplateSource } = {},
): Tab {
  const backend = options.backend ?? createMemoryBackend();
  const persistence: Persistence = { mode: options.mode ?? 'indexeddb', ...(options.banner ? { banner: options.banner } : {}), ...createRepositories(backend), close: () => undefined };
  const editor = createEditorStore(options.initial ?? smallDoc());
  const channel = options.channel ?? channelHub()();
  const library = createDesignLibrary({
    persistence,
    sync: createTabSync({ channel, tabId: options.tabId ?? 'tab1' }),
    editor,
    templates: options.templates ?? TEMPLATES,
    debounceMs: 20,
    retryMs: 50,
  });
  return { editor, library };
}

export const settle = (ms = 60): Promise<void> => new Promise((r) => setTimeout(r, ms));
