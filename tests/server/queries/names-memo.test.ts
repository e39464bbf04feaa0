// The names on a list page are kept while the store's stamp stays the same: a unit or a deputy renamed,
// through this store or by another process on the same file, shows its new name on the next request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ListSuggestionsResult } from '../../../src/contract';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { createApi, type Api } from '../../../src/server/api';
import { seedDemo } from '../../../src/server/setup/demo-data';

const NOW = '2025-03-10T02:00:00.000Z';

describe('the names on a list page between changes', () => {
  let dir: string;
  let mine: SqliteStore;
  let theirs: SqliteStore;
  let api: Api;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'names-memo-'));
    const file = path.join(dir, 'data.sqlite');
    mine = openSqliteStore(file);
    await seedDemo(mine, NOW);
    theirs = openSqliteStore(file);
    api = createApi({ store: mine, clock: { now: () => NOW }, log: () => undefined });
  });
  afterEach(() => {
    mine.close();
    theirs.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const list = async () => {
    const res = await api({ action: 'suggestions.list', data: { pageSize: 50 } }, { openid: 'demo-coordinator' });
    if (!res.ok) throw new Error(res.error.message);
    return (res.data as ListSuggestionsResult).items;
  };
  const unitNames = async (unitId: string) => (await list()).flatMap((i) => i.units.filter((u) => u.unitId === unitId).map((u) => u.unitName));

  it('shows a unit renamed by another process on the next request', async () => {
    expect(new Set(await unitNames('unit-fgw'))).toEqual(new Set(['市发展改革委']));
    await theirs.transaction(async (tx) => {
      const unit = await tx.get('units', 'unit-fgw');
      tx.update('units', { ...unit!, name: '市发展和改革委员会' });
    });
    expect(new Set(await unitNames('unit-fgw'))).toEqual(new Set(['市发展和改革委员会']));
  });

  it('shows a deputy renamed through this store on the next request', async () => {
    const before = await list();
    expect(before.some((i) => i.leadDeputyName === '王建华')).toBe(true);
    await mine.transaction(async (tx) => {
      const user = await tx.get('users', 'user-deputy-wang');
      tx.update('users', { ...user!, name: '王建国' });
    });
    const after = await list();
    expect(after.some((i) => i.leadDeputyName === '王建华')).toBe(false);
    expect(after.filter((i) => i.leadDeputyName === '王建国')).toHaveLength(before.filter((i) => i.leadDeputyName === '王建华').length);
  });
});
