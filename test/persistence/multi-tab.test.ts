/**
 * Two tabs: two Dexie connections on ONE fake-indexeddb database and a fake BroadcastChannel pair between them.
 * Whatever happens, neither tab's work may be lost or silently overwritten.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Workflow } from '../../src/domain/index.ts';
import { createDexieBackend } from '../../src/persistence/backend.ts';
import { BatonDb } from '../../src/persistence/db.ts';
import { createDesignSession, type DesignSession, type SessionEvent } from '../../src/persistence/design-session.ts';
import { createIsolatedTabSync, createTabSync, type ChannelLike, type TabSync } from '../../src/persistence/multi-tab.ts';
import { createRepositories, type Repositories } from '../../src/persistence/storage-health.ts';
import { chainWorkflow } from './helpers.ts';

/** BroadcastChannel semantics: asynchronous, structured-cloned, delivered to every OTHER channel of the name. */
function fakeChannelHub() {
  const members = new Set<FakeChannel>();
  class FakeChannel implements ChannelLike {
    private listeners = new Set<(event: { readonly data: unknown }) => void>();
    constructor() {
      members.add(this);
    }
    postMessage(message: unknown): void {
      const data = structuredClone(message);
      for (const m of members) if (m !== this) setTimeout(() => m.deliver(data), 0);
    }
    deliver(data: unknown): void {
      for (const l of this.listeners) l({ data });
    }
    addEventListener(_type: 'message', listener: (event: { readonly data: unknown }) => void): void {
      this.listeners.add(listener);
    }
    removeEventListener(_type: 'message', listener: (event: { readonly data: unknown }) => void): void {
      this.listeners.delete(listener);
    }
    close(): void {
      members.delete(this);
    }
  }
  return { channel: (): FakeChannel => new FakeChannel() };
}

interface Tab {
  repos: Repositories;
  sync: TabSync;
  session: DesignSession;
  events: SessionEvent[];
  db: BatonDb;
}

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function openTab(factory: IDBFactory, designId: string, sync: TabSync): Promise<Tab> {
  const db = new BatonDb('baton', { indexedDB: factory, IDBKeyRange });
  await db.open();
  const repos = createRepositories(createDexieBackend(db));
  const opened = await repos.designs.open(designId);
  if (!opened.ok) throw new Error('design should open');
  const events: SessionEvent[] = [];
  const session = createDesignSession({ ...repos, sync, designId, revision: opened.design.revision, onEvent: (e) => events.push(e), debounceMs: 10, retryMs: 50 });
  cleanup.push(async () => {
    await session.close();
    sync.close();
    db.close();
  });
  return { repos, sync, session, events, db };
}

async function twoTabs(options: { isolated?: boolean } = {}) {
  const factory = new IDBFactory();
  const setupDb = new BatonDb('baton', { indexedDB: factory, IDBKeyRange });
  await setupDb.open();
  const design = await createRepositories(createDexieBackend(setupDb)).designs.create(chainWorkflow(3, 'Shared'));
  setupDb.close();
  const hub = fakeChannelHub();
  const sync = (tabId: string) => (options.isolated ? createIsolatedTabSync(tabId) : createTabSync({ channel: hub.channel(), tabId }));
  const a = await openTab(factory, design.id, sync('A'));
  const b = await openTab(factory, design.id, sync('B'));
  return { a, b, designId: design.id, hub };
}

const named = (name: string, n = 3): Workflow => chainWorkflow(n, name);

describe('two tabs on one design', () => {
  it('a tab with nothing unsaved reloads the revision another tab saved, then saves on top of it', async () => {
    const { a, b, designId } = await twoTabs();
    a.session.edit(named('Edited in A', 4));
    await vi.waitFor(() => expect(b.events).toHaveLength(1));
    expect(b.events[0]).toMatchObject({ type: 'reloaded', revision: 2, doc: { name: 'Edited in A' } });
    expect(b.session.revision()).toBe(2);

    b.session.edit(named('Then edited in B', 5));
    await b.session.flush();
    expect(b.session.status().state).toBe('saved');
    await vi.waitFor(() => expect(a.events).toHaveLength(1));
    expect(a.events[0]).toMatchObject({ type: 'reloaded', revision: 3, doc: { name: 'Then edited in B' } });
    const stored = await a.repos.designs.open(designId);
    expect(stored.ok && stored.doc.nodes.length).toBe(5);
  });

  it('a tab with unsaved work is told at once and cannot overwrite; "keep mine as a copy" keeps both', async () => {
    const { a, b, designId } = await twoTabs();
    b.session.edit(named('B draft'));
    a.session.edit(named('A wins the race', 4));
    await a.session.flush();
    await vi.waitFor(() => expect(b.events).toEqual([{ type: 'conflict', theirRevision: 2, deleted: false }]));
    expect(b.session.status().state).toBe('conflict');
    // More typing in B while the question is open is kept too, not written over A's.
    b.session.edit(named('B draft, continued', 6));
    await new Promise((r) => setTimeout(r, 50));
    const stillTheirs = await b.repos.designs.open(designId);
    expect(stillTheirs.ok && stillTheirs.doc.name).toBe('A wins the race');

    const copy = await b.session.keepMineAsCopy();
    if (!copy) throw new Error('expected a copy');
    expect(copy).toMatchObject({ name: 'B draft, continued (my copy)', revision: 1 });
    expect(b.events.at(-1)).toEqual({ type: 'switched', design: copy });
    expect(b.session.designId()).toBe(copy.id);
    const mine = await b.repos.designs.open(copy.id);
    expect(mine.ok && mine.doc.nodes.length).toBe(6);
    const theirs = await b.repos.designs.open(designId);
    expect(theirs.ok && theirs.doc.name).toBe('A wins the race');

    // B now edits its copy; A's design is untouched and A hears nothing about it.
    b.session.edit(named('B copy edited', 7));
    await b.session.flush();
    expect(b.session.status().state).toBe('saved');
    const theirsAfter = await a.repos.designs.open(designId);
    expect(theirsAfter.ok && theirsAfter.design.revision).toBe(2);
  });

  it('"load theirs" keeps the discarded work as a version before loading', async () => {
    const { a, b, designId } = await twoTabs();
    b.session.edit(named('B draft'));
    a.session.edit(named('A', 4));
    await a.session.flush();
    await vi.waitFor(() => expect(b.session.status().state).toBe('conflict'));
    const loaded = await b.session.loadTheirs();
    expect(loaded.ok && loaded.doc.name).toBe('A');
    expect(b.events.at(-1)).toMatchObject({ type: 'reloaded', revision: 2 });
    expect(b.session.hasUnsavedChanges()).toBe(false);
    const versions = await b.repos.versions.list(designId);
    expect(versions.map((v) => v.reason)).toEqual(['before-conflict']);
    const kept = versions[0] && (await b.repos.versions.open(versions[0].id));
    expect(kept && kept.ok && kept.doc.name).toBe('B draft');
    // And B saves normally afterwards.
    b.session.edit(named('B after loading A', 4));
    await b.session.flush();
    expect(b.session.revision()).toBe(3);
  });

  it('without any announcement (channel unavailable) the revision check alone still prevents the overwrite', async () => {
    const { a, b, designId } = await twoTabs({ isolated: true });
    a.session.edit(named('A'));
    await a.session.flush();
    b.session.edit(named('B, unaware'));
    await b.session.flush();
    expect(b.events).toEqual([{ type: 'conflict', theirRevision: 2, deleted: false }]);
    const stored = await a.repos.designs.open(designId);
    expect(stored.ok && stored.doc.name).toBe('A');
    expect(b.session.hasUnsavedChanges()).toBe(true);
  });

  it('a design trashed in another tab is a conflict that only a copy resolves', async () => {
    const { a, b } = await twoTabs();
    await a.repos.designs.moveToTrash(a.session.designId());
    b.session.edit(named('B keeps working'));
    await b.session.flush();
    expect(b.events).toEqual([{ type: 'conflict', theirRevision: 1, deleted: true }]);
    const copy = await b.session.keepMineAsCopy();
    expect(copy && (await b.repos.designs.list()).map((d) => d.id)).toEqual([copy?.id]);
  });

  it('restoring a version in one tab returns it there and reloads it in the idle other tab', async () => {
    const { a, b, designId } = await twoTabs();
    const v = await a.repos.versions.save(designId, named('Old idea', 8), { reason: 'manual', name: 'Old idea' });
    const restored = await a.session.restoreVersion(v.id);
    expect(restored).toMatchObject({ ok: true, revision: 2, doc: { name: 'Old idea' } });
    // The restoring tab asked for it: the document comes back to the caller, not as an event.
    expect(a.events).toEqual([]);
    await vi.waitFor(() => expect(b.events).toMatchObject([{ type: 'reloaded', revision: 2 }]));
  });

  it('ignores messages that do not parse and announcements of other designs or older revisions', async () => {
    const { a, b, hub } = await twoTabs();
    const stranger = hub.channel();
    stranger.postMessage({ type: 'saved', designId: a.session.designId(), revision: 'lots', tabId: 'X' });
    stranger.postMessage('hello');
    stranger.postMessage({ type: 'saved', designId: 'other', revision: 9, tabId: 'X' });
    stranger.postMessage({ type: 'saved', designId: a.session.designId(), revision: 1, tabId: 'X' });
    await new Promise((r) => setTimeout(r, 30));
    expect(a.events).toEqual([]);
    expect(b.events).toEqual([]);
    stranger.close();
  });

  it('tells the designs lists of other tabs about saves and library changes, not the sender', async () => {
    const { a, b } = await twoTabs();
    const heard = { a: 0, b: 0 };
    a.sync.subscribeLibrary(() => heard.a++);
    const stop = b.sync.subscribeLibrary(() => heard.b++);
    a.sync.announceLibraryChange();
    await vi.waitFor(() => expect(heard.b).toBe(1));
    a.session.edit(named('A saves'));
    await a.session.flush();
    await vi.waitFor(() => expect(heard.b).toBe(2));
    stop();
    a.sync.announceLibraryChange();
    await new Promise((r) => setTimeout(r, 20));
    expect(heard).toEqual({ a: 0, b: 2 });
  });
});
