/**
 * Layer rules from ../shared/ARCHITECTURE.md: each layer imports only the layers above it.
 * A forbidden import fails `npm test` (script "layers").
 */
const layer = (name, allowed) => ({
  name: `${name}-imports-only-${allowed.join('-') || 'nothing'}`,
  severity: 'error',
  comment: `src/${name} may import only: ${allowed.map((a) => 'src/' + a).join(', ') || 'no other layer'}`,
  from: { path: `^src/${name}/` },
  to: {
    path: '^src/([^/]+)/',
    pathNot: [`^src/${name}/`, ...allowed.map((a) => `^src/${a}/`)],
  },
});

module.exports = {
  forbidden: [
    layer('domain', []),
    layer('analyzer', ['domain']),
    layer('simulator', ['domain']),
    layer('interop', ['domain', 'analyzer']),
    // Templates are data: documents built with domain helpers, importable by whoever offers them.
    layer('templates', ['domain']),
    layer('persistence', ['domain', 'interop', 'templates']),
    layer('store', ['domain', 'analyzer']),
    layer('ui', ['domain', 'analyzer', 'store']),
    layer('app', ['domain', 'analyzer', 'simulator', 'interop', 'persistence', 'store', 'ui', 'templates']),
    layer('cli', ['domain', 'analyzer', 'simulator', 'interop', 'templates']),
    {
      name: 'domain-imports-only-zod',
      severity: 'error',
      comment: 'src/domain imports zod only: no React, no DOM, no Dexie.',
      from: { path: '^src/domain/' },
      to: { dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional'], pathNot: ['node_modules/zod/'] },
    },
    {
      name: 'dexie-only-in-persistence',
      severity: 'error',
      comment: 'Only src/persistence touches Dexie / IndexedDB.',
      from: { path: '^src/', pathNot: '^src/(persistence|app)/' },
      to: { path: 'node_modules/(dexie|fake-indexeddb)/' },
    },
    {
      name: 'ui-not-simulator-engine',
      severity: 'error',
      comment: 'UI never imports the simulator engine or a worker.',
      from: { path: '^src/(ui|store)/' },
      to: { path: '^src/simulator/' },
    },
    {
      name: 'analyzer-loaded-after-first-paint',
      severity: 'error',
      comment:
        'The editor loads the analyzer after its first paint (src/store/analyzer-loader.ts; docs/architecture.md, "First load"): ' +
        'ui, store and app import its types only and reach its code through the store. simulation-runtime.ts is itself loaded on first use.',
      from: { path: '^src/(ui|store|app)/', pathNot: '^src/app/simulation-runtime\\.ts$' },
      to: { path: '^src/analyzer/', dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make load order fragile. Type-only cycles (slice interfaces naming the store type) erase at compile time.',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
