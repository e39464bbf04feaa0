// The SQLite store's read shortcuts: counts remembered while the data stays the same (any change, by
// this connection or by another process on the file, is counted afresh on the next read), and array
// conditions written either as an IN list or as an EXISTS walk of the order (the same rows either way).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { User } from '../../../src/core/model';
import type { LedgerRowDoc } from '../../../src/server/ports/read-model-docs';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { user } from './store.contract';

describe('SQLite store: remembered counts', () => {
  let dir: string;
  let file: string;
  let store: SqliteStore;
  let other: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'store-reads-'));
    file = join(dir, 'data.sqlite');
    store = openSqliteStore(file);
    other = openSqliteStore(file);
  });
  afterEach(() => {
    store.close();
    other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sees a change on the next count, whoever made it', async () => {
    await store.transaction(async (tx) => tx.insert('users', user('u1', { unitId: 'a' })));
    expect(await store.count('users', { where: { unitId: 'a' } })).toBe(1);
    // Through this store's own transaction.
    await store.transaction(async (tx) => tx.insert('users', user('u2', { unitId: 'a' })));
    expect(await store.count('users', { where: { unitId: 'a' } })).toBe(2);
    // Through another connection to the file (another gateway process).
    await other.transaction(async (tx) => tx.insert('users', user('u3', { unitId: 'a' })));
    expect(await store.count('users', { where: { unitId: 'a' } })).toBe(3);
    await other.transaction(async (tx) => {
      const u = await tx.get('users', 'u3');
      tx.update('users', { ...u!, unitId: 'b' });
    });
    expect(await store.count('users', { where: { unitId: 'a' } })).toBe(2);
    expect(await store.count('users', { where: { unitId: 'b' } })).toBe(1);
    // Straight SQL on this connection (a repair or a test) too.
    store.db.exec("DELETE FROM users WHERE id = 'u1'");
    expect(await store.count('users', { where: { unitId: 'a' } })).toBe(1);
  });
});

describe('SQLite store: array conditions on a sorted page', () => {
  // 300 users of 30 units, all deputies; one in 25 also a coordinator.
  const users: User[] = Array.from({ length: 300 }, (_, i) =>
    user(`u${String(i).padStart(3, '0')}`, {
      unitId: `unit${String((i * 7) % 30).padStart(2, '0')}`,
      roles: i % 25 === 0 ? ['deputy', 'coordinator'] : ['deputy'],
    }),
  );
  let store: SqliteStore;
  const statements: string[] = [];
  beforeAll(async () => {
    store = openSqliteStore(':memory:');
    await store.transaction(async (tx) => {
      for (const u of users) tx.insert('users', u);
    });
    const prepare = store.db.prepare.bind(store.db);
    store.db.prepare = ((sql: string) => {
      statements.push(sql);
      return prepare(sql);
    }) as typeof store.db.prepare;
  });
  afterAll(() => store.close());

  const byUnit = (a: User, b: User) => (a.unitId! < b.unitId! ? -1 : a.unitId! > b.unitId! ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  it.each([
    ['a value every row holds (walks the order)', 'deputy', 'EXISTS'],
    ['a rare value (sorts its few rows)', 'coordinator', 'IN (SELECT id'],
  ])('%s gives the rows of the order, page after page', async (_name, role, form) => {
    statements.length = 0;
    const expected = users.filter((u) => u.roles.includes(role as User['roles'][number])).sort(byUnit);
    for (const [offset, limit] of [[0, 5], [5, 5], [10, 7], [40, 20], [280, 30]] as const) {
      const page = await store.find('users', { where: { roles: role }, orderBy: [{ field: 'unitId' }], offset, limit });
      expect(page.map((u) => u.id)).toEqual(expected.slice(offset, offset + limit).map((u) => u.id));
      const desc = await store.find('users', { every: { roles: [role] }, orderBy: [{ field: 'unitId', desc: true }], offset, limit });
      expect(desc.map((u) => u.id)).toEqual([...expected].reverse().slice(offset, offset + limit).map((u) => u.id));
    }
    expect(await store.count('users', { where: { roles: role } })).toBe(expected.length);
    expect(statements.some((sql) => sql.startsWith('SELECT doc') && sql.includes(form))).toBe(true);
  });
});

describe('SQLite store: a search on a sorted page', () => {
  // 300 ledger rows; one in two about 养老服务, one in sixty about 河道治理.
  const rows = Array.from({ length: 300 }, (_, i) => ({
    id: `r${String(i).padStart(3, '0')}`,
    suggestionId: `s${i}`,
    unitId: 'u1',
    role: 'lead',
    state: 'handling',
    responsibleUserId: '',
    number: String(1000 + i),
    title: '关于建议',
    leadDeputyId: 'd1',
    session: '十八届三次',
    year: 2026,
    phase: 'session',
    keySupervised: false,
    status: 'handling',
    sortKey: `k${String((i * 37) % 300).padStart(3, '0')}`,
    assignedAt: '2026-01-01T00:00:00.000Z',
    replyDue: '2026-06-01',
    activeDue: '2026-06-01',
    replyClass: 'none',
    satisfaction: 'none',
    faceToFace: false,
    waiting: '',
    searchText: `${1000 + i} ${i % 2 === 0 ? '关于养老服务的建议' : '关于公交的建议'}${i % 60 === 0 ? ' 河道治理' : ''}`,
  })) as unknown as LedgerRowDoc[];
  let store: SqliteStore;
  const statements: string[] = [];
  beforeAll(async () => {
    store = openSqliteStore(':memory:');
    await store.transaction(async (tx) => {
      for (const r of rows) tx.insert('ledgerRows', r);
    });
    const prepare = store.db.prepare.bind(store.db);
    store.db.prepare = ((sql: string) => {
      statements.push(sql);
      return prepare(sql);
    }) as typeof store.db.prepare;
  });
  afterAll(() => store.close());

  it.each([
    ['a frequent phrase (walks the order)', '养老服务', '+rowid IN'],
    ['a rare phrase (sorts its few rows)', '河道治理', ' rowid IN'],
  ])('%s gives the rows of the order, page after page', async (_name, search, form) => {
    statements.length = 0;
    const expected = rows.filter((r) => r.searchText.includes(search)).sort((a, b) => (a.sortKey < b.sortKey ? -1 : 1));
    for (const [offset, limit] of [[0, 5], [5, 10], [100, 20], [140, 30]] as const) {
      const page = await store.find('ledgerRows', { search, orderBy: [{ field: 'sortKey' }], offset, limit });
      expect(page.map((r) => r.id)).toEqual(expected.slice(offset, offset + limit).map((r) => r.id));
    }
    expect(await store.count('ledgerRows', { search })).toBe(expected.length);
    expect(statements.some((sql) => sql.startsWith('SELECT doc') && sql.includes(form))).toBe(true);
  });
});
