/** Architecture boundaries (README "Where things live"), checked in CI. */
const io =
  '^(node:|fs$|path$|os$|child_process$|net$|http$|https$|crypto$|stream$|worker_threads$|kysely|hono|@hono|bullmq|ioredis|pg$|pg-|@electric-sql|react|react-dom|pino)';
/** The files packages' export maps point at (`exports` in each package.json): the only way in. */
const exportTargets = (entry) =>
  typeof entry === 'string' ? [entry] : Object.values(entry ?? {}).flatMap(exportTargets);
const exportedFiles = [
  ...new Set(
    ['apps', 'packages'].flatMap((dir) =>
      require('node:fs')
        .readdirSync(dir)
        .filter((name) => require('node:fs').existsSync(`${dir}/${name}/package.json`))
        .flatMap((name) =>
          exportTargets(require(`./${dir}/${name}/package.json`).exports).map(
            (file) => `^${dir}/${name}/${file.replace(/^\.\//, '').replaceAll('.', '\\.')}$`,
          ),
        ),
    ),
  ),
];
/** Core's own sources (its tests may use Node). */
const coreSources = { path: '^packages/core/src', pathNot: '\\.test\\.ts$' };
module.exports = {
  /** Every rule is an error: a boundary crossed fails the check. */
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Import cycles make modules load half-initialised and hide layering mistakes.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-has-no-io',
      comment: 'packages/core is pure: it runs in the browser, the API and the worker alike.',
      from: coreSources,
      to: { path: io },
    },
    {
      name: 'core-core-only',
      comment: 'packages/core imports nothing from the rest of the workspace.',
      from: { path: '^packages/core' },
      to: { path: '^(packages/(db|jobs)|apps/|@quip/(db|jobs|api|worker|web))' },
    },
    {
      name: 'core-no-builtins',
      from: coreSources,
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import that does not resolve is a missing dependency in package.json.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'packages-never-import-apps',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-do-not-import-each-other',
      comment: 'The SPA may take the API types only (type-only imports are not followed here).',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-deep-imports',
      comment: "Another package's sources are reached only through its export map, never its internals.",
      from: { path: '^((apps|packages)/[^/]+)/' },
      to: { path: '^(apps|packages)/[^/]+/', pathNot: ['^$1/', ...exportedFiles] },
    },
    {
      name: 'bench-and-scripts-use-export-maps',
      comment: 'Benchmarks and scripts use the packages as any consumer would: through their export maps.',
      from: { path: '^(bench|scripts)/' },
      to: { path: '^(apps|packages)/[^/]+/', pathNot: exportedFiles },
    },
  ].map((rule) => ({ severity: 'error', ...rule })),
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|dist|\\.quip)' },
    tsPreCompilationDeps: false,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'types', 'default'] },
  },
};
