// Two gateway processes on one SQLite file (the load benchmark's `--workers 2`: node:cluster sharing
// the port, each worker with its own connection): requests that race through both stay correct — a
// natural key stays unique, no contact is lost, every change has its audit event, a requestId acts
// once, and the read models equal a rebuild from the records.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';
import { rebuildReadModels } from '../../../src/server/read-models/rebuild';
import { SESSION } from '../tasks/lifecycle.scenario';

const NOW = '2025-03-10T02:00:00.000Z';
const root = path.resolve(__dirname, '../../..');

let dir: string;
let file: string;
let child: ChildProcess;
let port: number;
let taskId: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'workers-'));
  file = path.join(dir, 'data.sqlite');
  const store = openSqliteStore(file);
  await seedDemo(store, NOW);
  const [task] = await store.find('tasks', { where: { unitId: 'unit-fgw', state: 'handling' }, limit: 1 });
  taskId = task!.id;
  store.close();
  child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/gateway-child.ts'), file, NOW, '2'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /PORT (\d+)\nPIDS [\d,]+\n/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`gateway exited with ${code}`)));
  });
}, 90_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dir, { recursive: true, force: true });
});

async function call(openid: string, action: string, data: unknown, requestId?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `jyt_openid=${openid}` },
    body: JSON.stringify({ action, data, ...(requestId ? { requestId } : {}) }),
  });
  return (await res.json()) as { ok: boolean; data?: { id?: string }; error?: { code: string } };
}

describe('two gateway workers on one SQLite file', () => {
  it('both workers answer', async () => {
    const pids = new Set<number>();
    for (let i = 0; i < 40 && pids.size < 2; i++) {
      const answers = await Promise.all(Array.from({ length: 8 }, () => fetch(`http://127.0.0.1:${port}/health`).then((r) => r.json() as Promise<{ pid: number }>)));
      for (const a of answers) pids.add(a.pid);
    }
    expect(pids.size).toBe(2);
  }, 60_000);

  it('30 concurrent creates of one 建议号 give one suggestion and one audit event', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call('demo-coordinator', 'suggestions.create', {
          number: '8001',
          title: `关于第${i}种做法的建议`,
          content: '建议内容',
          delegation: '历下区代表团',
          session: SESSION,
          phase: 'session',
          leadDeputyId: 'user-deputy-wang',
        }),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    for (const a of answers.filter((x) => !x.ok)) expect(a.error?.code).toMatch(/^(CONFLICT|VALIDATION)$/);
    const store = openSqliteStore(file);
    try {
      const found = await store.find('suggestions', { where: { session: SESSION, number: '8001' } });
      expect(found).toHaveLength(1);
      expect(found[0]!.id).toBe(answers.find((a) => a.ok)!.data!.id);
      expect(await store.events({ entityId: found[0]!.id })).toHaveLength(1);
    } finally {
      store.close();
    }
  }, 60_000);

  it('30 concurrent contacts on one task: every accepted one is kept with its event, a requestId acts once, the read models equal a rebuild', async () => {
    const contact = (i: number) => ({ taskId, at: NOW, mode: 'phone', people: '王建华代表', notes: `第${i}次电话沟通` });
    const store = openSqliteStore(file);
    try {
      const before = (await store.find('contacts', { where: { taskId } })).length;
      const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => call('demo-handler', 'tasks.logContact', contact(i))));
      const accepted = answers.filter((a) => a.ok);
      expect(accepted.length).toBeGreaterThan(0);
      for (const a of answers.filter((x) => !x.ok)) expect(a.error?.code).toBe('CONFLICT');
      // The same request sent ten times at once, through both workers: one contact.
      const again = await Promise.all(Array.from({ length: 10 }, () => call('demo-handler', 'tasks.logContact', contact(99), 'workers-contact-99')));
      const repeated = again.filter((a) => a.ok);
      expect(repeated.length).toBeGreaterThan(0);
      expect(new Set(repeated.map((a) => a.data!.id)).size).toBe(1);

      const contacts = await store.find('contacts', { where: { taskId } });
      expect(contacts.length).toBe(before + accepted.length + 1);
      const ids = new Set(contacts.map((c) => c.id));
      for (const a of [...accepted, repeated[0]!]) {
        expect(ids.has(a.data!.id!)).toBe(true);
        expect(await store.events({ entityId: a.data!.id! })).toHaveLength(1);
      }
      // Nothing for a rebuild to correct: the read models moved with every commit.
      const rebuilt = await rebuildReadModels(store);
      expect(rebuilt.rowsWritten).toBe(0);
      expect(rebuilt.countersWritten).toBe(0);
    } finally {
      store.close();
    }
  }, 60_000);
});
