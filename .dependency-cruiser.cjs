// The layer rules (docs/architecture.md, Layer rules), checked by `npm run lint:layers` inside
// `npm test`. tests/arch/layers.test.ts shows that each rule fails on a file that breaks it.
const APP = '^src/(app\\.tsx|app\\.config\\.ts|pages/|components/|hooks/|api/)';
/**
 * Where the code starts: the app and its pages (Taro loads them by name), the cloud functions, the
 * local gateway, and the script that prints the CloudBase index definitions.
 */
const ENTRIES = [
  '^src/app\\.tsx$',
  '^src/pages/.+/index\\.tsx$',
  '^cloudfunctions/[^/]+/index\\.ts$',
  '^src/server/gateway/main\\.ts$',
  '^src/server/adapters/cloudbase/cloudbase\\.indexes\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Two files that import each other (directly or through others) cannot be understood or tested apart.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      severity: 'error',
      comment: 'Folders depend one way: a folder whose files import another folder that imports it back is one tangle.',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      severity: 'error',
      comment: 'A file nothing imports and that imports nothing is dead code (Taro finds *.config.ts by name).',
      from: { orphan: true, pathNot: ['\\.config\\.ts$', '\\.d\\.ts$'] },
      to: {},
    },
    {
      name: 'no-unreachable',
      severity: 'error',
      comment: 'Every file under src is reached from an entry: the app, its pages, a cloud function or the local gateway.',
      from: { path: ENTRIES },
      to: { path: '^src/', pathNot: [...ENTRIES, '\\.config\\.ts$', '\\.d\\.ts$', '\\.css$', '^src/index\\.html$'], reachable: false },
    },
    {
      name: 'core-imports-only-itself',
      severity: 'error',
      comment: 'src/core is pure: it imports itself, dayjs and chinese-days, nothing else.',
      from: { path: '^src/core/' },
      to: { pathNot: ['^src/core/', '(^|/)node_modules/(dayjs|chinese-days)/'] },
    },
    {
      name: 'contract-imports-only-core-types',
      severity: 'error',
      comment: 'src/contract is wire types: it imports itself and the types of src/core.',
      from: { path: '^src/contract/' },
      to: { pathNot: ['^src/contract/', '^src/core/'] },
    },
    {
      name: 'contract-imports-core-types-only',
      severity: 'error',
      comment: 'src/contract takes types from src/core, never values (it stays free of code).',
      from: { path: '^src/contract/' },
      to: { path: '^src/core/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'app-not-server',
      severity: 'error',
      comment: 'The mini-program reaches the server only through src/api and the cloud functions.',
      from: { path: APP },
      to: { path: '^src/server/' },
    },
    {
      name: 'server-not-app',
      severity: 'error',
      comment: 'The server knows nothing of the mini-program.',
      from: { path: '^src/server/' },
      to: { path: APP },
    },
    {
      name: 'components-not-pages',
      severity: 'error',
      comment: 'Components are shared by pages; a component importing a page turns the arrow round.',
      from: { path: '^src/components/' },
      to: { path: '^src/pages/' },
    },
    {
      name: 'src-not-cloudfunctions',
      severity: 'error',
      comment: 'The cloud functions are composition roots: they import src, never the other way round.',
      from: { path: '^src/' },
      to: { path: '^cloudfunctions/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^cloudfunctions/[^/]+/index\\.js$', '^cloudfunctions/[^/]+/node_modules/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
