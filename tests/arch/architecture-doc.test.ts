// docs/architecture.md stays the repository's own account of itself: every section a code comment
// points to exists, every action name and error code of the contract is listed, and every file it
// names is there.
import fs from 'node:fs';
import path from 'node:path';
import { ERROR_CODES } from '../../src/core/errors';
import { ACTION_NAMES, ACTION_WORDS, TASK_ACTION_NAMES } from '../../src/contract';

const ROOT = path.resolve(__dirname, '../..');
const DOC = fs.readFileSync(path.join(ROOT, 'docs/architecture.md'), 'utf8');
const HEADINGS = new Set([...DOC.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.trim()));

function section(title: string): string {
  const start = DOC.indexOf(`## ${title}\n`);
  const end = DOC.indexOf('\n## ', start + 1);
  return DOC.slice(start, end === -1 ? undefined : end);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : filesUnder(rel);
    return /\.(ts|tsx|mjs|cjs)$/.test(e.name) ? [rel] : [];
  });
}

/** A cited name is a heading, or headings joined by " and " ("Workflow table and Deadlines and reminders"). */
function isHeadings(text: string): boolean {
  if (HEADINGS.has(text)) return true;
  const parts = text.split(' and ');
  for (let i = 1; i < parts.length; i += 1) {
    if (HEADINGS.has(parts.slice(0, i).join(' and ')) && isHeadings(parts.slice(i).join(' and '))) return true;
  }
  return false;
}

describe('docs/architecture.md', () => {
  const sources = ['src', 'tests', 'scripts', 'bench', 'cloudfunctions', 'config']
    .flatMap(filesUnder)
    .concat(['eslint.config.mjs', '.dependency-cruiser.cjs']);

  it('has every section a comment in the code points to', () => {
    const cited: string[] = [];
    for (const file of sources) {
      const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/docs\/architecture\.md(?:, "| \(|, )([A-Z][A-Za-z ]*[a-z])/g)) cited.push(`${file}: ${m[1]}`);
    }
    expect(cited.length).toBeGreaterThan(20);
    expect(cited.filter((c) => !isHeadings(c.slice(c.indexOf(': ') + 2)))).toEqual([]);
  });

  it('lists every action of the contract and every error code', () => {
    const api = section('API contract');
    expect(ACTION_NAMES.filter((name) => !api.includes(`\`${name}\``))).toEqual([]);
    const errors = section('Error codes');
    expect(ERROR_CODES.filter((code) => !errors.includes(`\`${code}\``))).toEqual([]);
  });

  it('describes every field of the import\'s data and result in its Import format section', () => {
    const contract = fs.readFileSync(path.join(ROOT, 'src/contract/suggestions.ts'), 'utf8');
    const types = ['ImportDeputyDecision', 'ImportSuggestionsData', 'ImportNearDeputy', 'ImportUnknownDeputy', 'ImportRenamedDeputy', 'ImportSuggestionsResult'];
    const code = contract.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const fields = types.flatMap((name) => {
      const start = code.search(new RegExp(`export (type|interface) ${name}\\b`));
      expect(start).toBeGreaterThanOrEqual(0);
      const end = code.indexOf('\nexport ', start + 1);
      return [...code.slice(start, end === -1 ? undefined : end).matchAll(/(\w+)\??:/g)].map((m) => m[1]!);
    });
    expect(fields).toEqual(expect.arrayContaining(['decisions', 'unknownDeputies', 'renamed', 'near', 'userId', 'create']));
    const doc = section('Import format');
    expect([...new Set(fields)].filter((field) => !new RegExp(`\\b${field}\\b`).test(doc))).toEqual([]);
  });

  it('names only files and folders that exist', () => {
    const named = [...DOC.matchAll(/`((?:src|tests|scripts|cloudfunctions|docs|bench)\/[^`\s]*)`/g)].map((m) => m[1]!);
    const examples = /<|\*|\.\.\.|…|remind-task/;
    expect(named.length).toBeGreaterThan(30);
    expect(named.filter((p) => !examples.test(p) && !fs.existsSync(path.join(ROOT, p)))).toEqual([]);
  });

  describe('"Adding an action"', () => {
    const steps = section('Adding an action');
    const numbered = [...steps.matchAll(/^\d+\. \*\*`([^`]+)`\*\*/gm)].map((m) => m[1]!);

    it('names at most six files, each there', () => {
      expect(numbered.length).toBeGreaterThan(0);
      expect(numbered.length).toBeLessThanOrEqual(6);
      expect(numbered.filter((file) => !fs.existsSync(path.join(ROOT, file)))).toEqual([]);
    });

    it('names the files that every task action is written in, and every task action is written in each', () => {
      // Where a task action's name (or its workflow action) must appear: the places the compiler and
      // the tests require, which the steps must name. The contract's area file is the action's own.
      const required = ['src/core/task.table.ts', 'src/server/access/permissions.ts', 'src/pages/work/detail/task-card.tsx', 'tests/server/access/action-roles.test.ts', 'docs/architecture.md'];
      expect(required.filter((file) => !numbered.includes(file))).toEqual([]);
      const missing: string[] = [];
      for (const name of TASK_ACTION_NAMES) {
        const workflow = ACTION_WORDS[name].workflow;
        const inFile = (file: string, text: string) => fs.readFileSync(path.join(ROOT, file), 'utf8').includes(text);
        if (!inFile('src/core/task.table.ts', `${workflow}:`)) missing.push(`${workflow} in src/core/task.table.ts`);
        for (const file of required.slice(1)) if (!inFile(file, `'${name}'`) && !inFile(file, `\`${name}\``)) missing.push(`${name} in ${file}`);
      }
      expect(missing).toEqual([]);
    });

    it('no longer sends a newcomer to the lists that are now built or checked (names, map, labels, README)', () => {
      for (const stale of ['src/contract/names.ts** —', 'src/contract/labels.ts** —', 'README**']) expect(steps).not.toContain(stale);
    });
  });
});
