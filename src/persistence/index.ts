/** The persistence layer's public API: what src/app wires to the store and the designs panel. */
export * from './db.ts';
export * from './backend.ts';
export * from './stored-document.ts';
export * from './designs-repository.ts';
export * from './versions-repository.ts';
export * from './runs-repository.ts';
export * from './settings-repository.ts';
export * from './storage-errors.ts';
export * from './autosave.ts';
export * from './multi-tab.ts';
export * from './design-session.ts';
export * from './storage-health.ts';
