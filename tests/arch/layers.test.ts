// The layer rules of .dependency-cruiser.cjs (docs/architecture.md, Layer rules) bite: a small tree
// laid out like the repository passes them, and each change below, made alone, breaks exactly the
// rule it is meant to. dependency-cruiser runs with the repository's configuration, as `npm run lint`
// runs it, on files written to a temporary folder.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

type Tree = Record<string, string>;

/** A clean tree: core ← contract ← server and app, entries in their places. */
const BASE: Tree = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true } }),
  'src/core/model.ts': 'export interface Task { id: string }\n',
  'src/core/dates.ts': "import dayjs from 'dayjs';\nimport type { Task } from './model';\nexport const day = (t: Task) => dayjs(t.id).format('YYYY-MM-DD');\n",
  'src/contract/tasks.ts': "import type { Task } from '../core/model';\nexport interface TaskView { task: Task }\n",
  'src/server/ports/index.ts': 'export interface Store { get(id: string): Promise<string> }\n',
  'src/server/use-cases/claim.ts':
    "import type { TaskView } from '../../contract/tasks';\nimport { day } from '../../core/dates';\nimport type { Store } from '../ports';\n" +
    "export const claim = async (store: Store): Promise<TaskView> => ({ task: { id: day({ id: await store.get('t1') }) } });\n",
  'src/server/api/index.ts': "import { claim } from '../use-cases/claim';\nexport const api = claim;\n",
  'src/server/gateway/main.ts': "import { api } from '../api';\nexport const start = () => api;\n",
  'cloudfunctions/api/index.ts': "import { api } from '../../src/server/api';\nexport const main = api;\n",
  'src/api/client.ts': "import type { TaskView } from '../contract/tasks';\nexport const call = async (): Promise<TaskView | null> => null;\n",
  'src/components/card.tsx': "import type { TaskView } from '../contract/tasks';\nexport function Card(props: { view: TaskView }) {\n  return props.view.task.id;\n}\n",
  'src/pages/index/index.tsx':
    "import { call } from '../../api/client';\nimport { Card } from '../../components/card';\n" +
    "export default function Page() {\n  void call();\n  return Card({ view: { task: { id: '1' } } });\n}\n",
  'src/pages/index/index.config.ts': "export default { navigationBarTitleText: '首页' };\n",
  'src/app.tsx': "import { call } from './api/client';\nexport default function App() {\n  return call;\n}\n",
};

function prepend(tree: Tree, file: string, line: string): Tree {
  return { ...tree, [file]: `${line}\n${tree[file] ?? ''}` };
}

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** The violations of each tree, from one run of dependency-cruiser (tests/arch/cruise-trees.mjs). */
function cruiseAll(trees: readonly Tree[]): Violation[][] {
  const input = JSON.stringify({ nodeModules: path.join(ROOT, 'node_modules'), trees });
  const run = spawnSync(process.execPath, [path.join(__dirname, 'cruise-trees.mjs')], { input, encoding: 'utf8', cwd: ROOT });
  if (run.status !== 0) throw new Error(`dependency-cruiser failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Violation[][];
}

describe('the layer rules', () => {

  const cases: [string, string, Tree][] = [
    [
      'no-circular',
      'two files that import each other',
      {
        ...prepend(BASE, 'src/core/dates.ts', "import { SEP } from './format';"),
        'src/core/format.ts': "import { day } from './dates';\nexport const SEP = '-';\nexport const show = day;\n",
      },
    ],
    [
      'no-folder-cycle',
      'a folder importing a folder that imports it back, with no file cycle',
      {
        ...prepend(BASE, 'src/server/ports/index.ts', "export { helperName } from './names';"),
        'src/server/ports/names.ts': "import { HELPER } from '../use-cases/helper';\nexport const helperName = HELPER;\n",
        'src/server/use-cases/helper.ts': "export const HELPER = 'helper';\n",
      },
    ],
    [
      'no-folder-cycle',
      'a root file importing a subfolder whose files import the root (the server entry beside the helpers its use cases use)',
      {
        ...BASE,
        'src/server/api/index.ts': "import { api as entry } from '../router';\nexport const api = entry;\n",
        'src/server/router.ts': "import { claim } from './use-cases/claim';\nexport const api = claim;\n",
        'src/server/use-cases/claim.ts': `import { NAME } from '../names';\n${BASE['src/server/use-cases/claim.ts']}export const name = NAME;\n`,
        'src/server/names.ts': "export const NAME = 'claim';\n",
      },
    ],
    ['no-orphans', 'a file that imports nothing and nothing imports', { ...BASE, 'src/server/lonely.ts': 'export const lonely = 1;\n' }],
    [
      'no-unreachable',
      'a file no entry reaches',
      { ...BASE, 'src/server/dead.ts': "import type { Task } from '../core/model';\nexport const dead = (t: Task) => t.id;\n" },
    ],
    ['core-imports-only-itself', 'the core reading a file', prepend(BASE, 'src/core/dates.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;")],
    [
      'contract-imports-only-core-types',
      'the contract importing the server',
      prepend(BASE, 'src/contract/tasks.ts', "import type { Store } from '../server/ports';\nexport type StoreRef = Store;"),
    ],
    [
      'contract-imports-core-types-only',
      'the contract importing a value of the core',
      prepend(BASE, 'src/contract/tasks.ts', "import { day } from '../core/dates';\nexport const dayOf = day;"),
    ],
    [
      'app-not-server',
      'a component importing the server',
      prepend(BASE, 'src/components/card.tsx', "import type { Store } from '../server/ports';\nexport type CardStore = Store;"),
    ],
    [
      'server-not-app',
      'a use case importing a component',
      prepend(BASE, 'src/server/use-cases/claim.ts', "import { Card } from '../../components/card';\nexport const card = Card;"),
    ],
    [
      'components-not-pages',
      'a component importing a page module',
      {
        ...prepend(BASE, 'src/components/card.tsx', "import { home } from '../pages/routes';\nexport const homePath = home;"),
        'src/pages/routes.ts': "export const home = '/pages/index/index';\n",
      },
    ],
    [
      'src-not-cloudfunctions',
      'the gateway importing a cloud function',
      prepend(BASE, 'src/server/gateway/main.ts', "import { main } from '../../../cloudfunctions/api/index';\nexport const entry = main;"),
    ],
  ];

  /** Breaking one rule may break another by its nature: an orphan is unreachable too, and a component importing a page closes a folder cycle. */
  const ALSO: Record<string, string[]> = { 'no-orphans': ['no-unreachable'], 'components-not-pages': ['no-folder-cycle'] };

  let base: Violation[];
  let found: Violation[][];
  beforeAll(() => {
    [base = [], ...found] = cruiseAll([BASE, ...cases.map(([, , tree]) => tree)]);
  });

  it('pass on a tree laid out as the architecture says', () => {
    expect(base).toEqual([]);
  });

  it.each(cases.map((c, i) => [...c, i] as const))('%s fails on %s, and only that rule does', (rule, _what, _tree, i) => {
    const broken = [...new Set(found[i]!.map((v) => v.rule))].sort();
    expect(broken).toEqual([rule, ...(ALSO[rule] ?? [])].sort());
  });

  it('pass on the repository itself (so `npm run test:unit` catches a break before landing)', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/layers.mjs')], { encoding: 'utf8', cwd: ROOT });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('names the offending files', () => {
    const i = cases.findIndex(([rule]) => rule === 'app-not-server');
    expect(found[i]).toEqual([{ rule: 'app-not-server', from: 'src/components/card.tsx', to: 'src/server/ports/index.ts' }]);
  });
});
