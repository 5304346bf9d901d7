/**
 * Tabs of the same app tell each other about saves over a BroadcastChannel, so a tab showing a design another tab
 * just saved can reload it (when it has nothing unsaved) or warn its user (when it has). The channel is only a
 * hint for speed: the revision check in DesignsRepository.save is what actually prevents a silent overwrite,
 * so a lost or late message can cost freshness, never data.
 */
import * as z from 'zod';

export const CHANNEL_NAME = 'baton.designs';

const saveAnnouncementSchema = z.strictObject({
  type: z.literal('saved'),
  designId: z.string().min(1),
  revision: z.number().int().min(1),
  /** The sender, so a tab ignores its own messages if the channel ever echoes them. */
  tabId: z.string().min(1),
});
export type SaveAnnouncement = z.infer<typeof saveAnnouncementSchema>;

/** The list of designs changed without a document save (create, rename, trash, restore, purge): refresh lists. */
const libraryAnnouncementSchema = z.strictObject({ type: z.literal('library-changed'), tabId: z.string().min(1) });
export type LibraryAnnouncement = z.infer<typeof libraryAnnouncementSchema>;

const announcementSchema = z.discriminatedUnion('type', [saveAnnouncementSchema, libraryAnnouncementSchema]);

/** The part of BroadcastChannel used here; tests pass a fake pair. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (event: { readonly data: unknown }) => void): void;
  close(): void;
}

export interface TabSync {
  readonly tabId: string;
  announce(designId: string, revision: number): void;
  /** Called for saves by OTHER tabs; returns an unsubscribe function. */
  subscribe(listener: (message: SaveAnnouncement) => void): () => void;
  announceLibraryChange(): void;
  /** Called when another tab saved or changed the library: the designs list should refresh. */
  subscribeLibrary(listener: () => void): () => void;
  close(): void;
}

/**
 * Connect a tab to the others. Messages that do not parse (another app on the same channel name, an older
 * release) are ignored rather than trusted.
 * @example const sync = createTabSync({ channel: new BroadcastChannel(CHANNEL_NAME), tabId: 't1' })
 */
export function createTabSync(options: { readonly channel: ChannelLike; readonly tabId: string }): TabSync {
  const { channel, tabId } = options;
  const listeners = new Set<(message: SaveAnnouncement) => void>();
  const libraryListeners = new Set<() => void>();
  const onMessage = (event: { readonly data: unknown }): void => {
    const parsed = announcementSchema.safeParse(event.data);
    if (!parsed.success || parsed.data.tabId === tabId) return;
    // A save changes the list too (order, summary), so library listeners hear both kinds.
    for (const l of [...libraryListeners]) l();
    if (parsed.data.type === 'saved') for (const l of [...listeners]) l(parsed.data);
  };
  channel.addEventListener('message', onMessage);
  return {
    tabId,
    announce(designId, revision) {
      const message: SaveAnnouncement = { type: 'saved', designId, revision, tabId };
      channel.postMessage(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    announceLibraryChange() {
      const message: LibraryAnnouncement = { type: 'library-changed', tabId };
      channel.postMessage(message);
    },
    subscribeLibrary(listener) {
      libraryListeners.add(listener);
      return () => libraryListeners.delete(listener);
    },
    close() {
      listeners.clear();
      libraryListeners.clear();
      channel.removeEventListener('message', onMessage);
      channel.close();
    },
  };
}

/** A tab that cannot open a BroadcastChannel (very old browser) still saves safely; it just learns of conflicts later. */
export function createIsolatedTabSync(tabId: string): TabSync {
  const nothing = (): undefined => undefined;
  return { tabId, announce: nothing, subscribe: () => nothing, announceLibraryChange: nothing, subscribeLibrary: () => nothing, close: nothing };
}
