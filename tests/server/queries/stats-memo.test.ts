// stats.summary keeps its answer while the store's stamp stays the same: any change, made through this
// api, through another process on the same file, or a new day, gives new figures on the next request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StatsSummary } from '../../../src/contract';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { createApi, type Api } from '../../../src/server/api';
import { seedDemo } from '../../../src/server/setup/demo-data';
import { SESSION } from '../tasks/lifecycle.scenario';

const NOW = '2025-03-10T02:00:00.000Z';

describe('stats.summary between changes', () => {
  let dir: string;
  let mine: SqliteStore;
  let theirs: SqliteStore;
  let api: Api;
  let other: Api;
  let now = NOW;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'stats-memo-'));
    const file = path.join(dir, 'data.sqlite');
    mine = openSqliteStore(file);
    await seedDemo(mine, NOW);
    theirs = openSqliteStore(file);
    now = NOW;
    api = createApi({ store: mine, clock: { now: () => now }, log: () => undefined });
    other = createApi({ store: theirs, clock: { now: () => now }, log: () => undefined });
  });
  afterEach(() => {
    mine.close();
    theirs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const stats = async (through = api) => {
    const res = await through({ action: 'stats.summary', data: { year: 2025 } }, { openid: 'demo-coordinator' });
    if (!res.ok) throw new Error(res.error.message);
    return res.data as StatsSummary;
  };
  const create = async (through: Api, number: string) => {
    const res = await through(
      {
        action: 'suggestions.create',
        data: { number, title: '关于社区食堂的建议', content: '建议内容', delegation: '历下区代表团', session: SESSION, phase: 'session', leadDeputyId: 'user-deputy-wang' },
      },
      { openid: 'demo-coordinator' },
    );
    expect(res.ok).toBe(true);
  };

  it('counts a suggestion created through this api on the next request', async () => {
    const before = await stats();
    expect(await stats()).toEqual(before);
    await create(api, '9001');
    expect((await stats()).received).toBe(before.received + 1);
  });

  it('counts a suggestion created by another process on the same file on the next request', async () => {
    const before = await stats();
    await create(other, '9002');
    expect((await stats()).received).toBe(before.received + 1);
    expect(await stats(other)).toEqual(await stats());
  });

  it('answers for the new day once the date moves', async () => {
    const before = await stats();
    now = '2025-09-10T02:00:00.000Z';
    const later = await stats();
    expect(later.today).toBe('2025-09-10');
    expect(later.today).not.toBe(before.today);
  });
});
