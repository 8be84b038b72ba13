/** Architecture boundaries of DESIGN.md §3, checked in CI. */
const io =
  '^(node:|fs$|path$|os$|child_process$|net$|http$|https$|crypto$|stream$|worker_threads$|kysely|hono|@hono|bullmq|ioredis|pg$|pg-|@electric-sql|react|react-dom|pino)';
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Import cycles make modules load half-initialised and hide layering mistakes.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-has-no-io',
      severity: 'error',
      comment: 'packages/core is pure: it runs in the browser, the API and the worker alike.',
      from: { path: '^packages/core/src', pathNot: '\\.test\\.ts$' },
      to: { path: io },
    },
    {
      name: 'core-core-only',
      severity: 'error',
      comment: 'packages/core imports nothing from the rest of the workspace.',
      from: { path: '^packages/core' },
      to: { path: '^(packages/(db|jobs)|apps/|@quip/(db|jobs|api|worker|web))' },
    },
    {
      name: 'core-no-builtins',
      severity: 'error',
      from: { path: '^packages/core/src', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve is a missing dependency in package.json.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'packages-never-import-apps',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      severity: 'error',
      comment: 'The SPA may take the API types only (type-only imports are not followed here).',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist|\\.quip)' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
  },
};
