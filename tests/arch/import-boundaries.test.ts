import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The lint rules of eslint.config.mjs keep the layers of docs/architecture.md apart. These tests lint
// small snippets as if they lived at the given paths, so a weakened rule fails here.
// ESLint runs as its own process (its flat config is an ES module, which Jest cannot import).
const root = path.resolve(__dirname, '../..');
const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');

interface LintMessage {
  ruleId: string | null;
  message: string;
}

async function restrictedImports(code: string, filePath: string, ruleId = 'no-restricted-imports'): Promise<string[]> {
  let out: string;
  try {
    out = execFileSync(process.execPath, [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', filePath], {
      cwd: root,
      input: code,
      encoding: 'utf8',
    });
  } catch (e) {
    // eslint exits 1 when it reports errors; its JSON is still on stdout
    out = (e as { stdout: string }).stdout;
  }
  const [result] = JSON.parse(out) as { messages: LintMessage[] }[];
  return (result?.messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => m.message);
}

describe('import boundaries', () => {
  it('a page that imports the server is rejected', async () => {
    const errors = await restrictedImports("import { createApi } from '../../server/api';\nexport default createApi;\n", 'src/pages/index/index.tsx');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('src/server');
  });

  it('the api client that imports a server adapter is rejected', async () => {
    const errors = await restrictedImports("import x from '../server/adapters/sqlite/sqlite.store';\nexport default x;\n", 'src/api/client.ts');
    expect(errors).toHaveLength(1);
  });

  it('a page may import the core', async () => {
    const errors = await restrictedImports("import { x } from '../../core/labels';\nexport default x;\n", 'src/pages/index/index.tsx');
    expect(errors).toEqual([]);
  });

  it('the core may import itself, dayjs and chinese-days', async () => {
    const code = [
      "import { a } from './model';",
      "import dayjs from 'dayjs';",
      "import utc from 'dayjs/plugin/utc';",
      "import chineseDays from 'chinese-days';",
      'export default [a, dayjs, utc, chineseDays];',
      '',
    ].join('\n');
    expect(await restrictedImports(code, 'src/core/calendar.ts')).toEqual([]);
  });

  it.each([
    ["import fs from 'node:fs';", 'a Node module'],
    ["import Taro from '@tarojs/taro';", 'Taro'],
    ["import { Store } from '../server/ports';", 'the server'],
    ["import React from 'react';", 'React'],
  ])('the core rejects "%s" (%s)', async (line) => {
    const errors = await restrictedImports(`${line}\nexport default 1;\n`, 'src/core/workflow.ts');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toContain('src/core');
  });

  it('a use case reading the environment is rejected; the composition roots may', async () => {
    const code = "export const page = process.env.REMINDER_TASK_PAGE;\n";
    const errors = await restrictedImports(code, 'src/server/use-cases/urge-task.ts', 'no-restricted-syntax');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('组合根');
    expect(await restrictedImports(code, 'src/server/gateway/main.ts', 'no-restricted-syntax')).toEqual([]);
    expect(await restrictedImports(code, 'cloudfunctions/api/index.ts', 'no-restricted-syntax')).toEqual([]);
  });
});
