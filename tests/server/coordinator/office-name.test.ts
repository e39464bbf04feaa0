// The annual summary speaks in the deployment's own name, asked once at setup (users.firstAdmin, or
// the setup function) and kept in the store; 本机关 until it is named. The office may change it.
import type { AnnualReportResult, MeResult, OfficeSettingsView } from '../../../src/contract';
import { createApi, type Api } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { ensureFirstAdmin } from '../../../src/server/setup/first-admin';

const NOW = '2026-11-27T02:00:00.000Z';
const clock = { now: () => NOW };

async function call<T>(api: Api, openid: string, action: string, data: unknown): Promise<T> {
  const res = await api({ action, data }, { openid });
  if (!res.ok) throw new Error(`${res.error.code} ${res.error.message}`);
  return res.data as T;
}

describe('the reporting office’s name', () => {
  let store: SqliteStore;
  afterEach(() => store.close());

  it('is asked with the first administrator, once, and names the annual summary', async () => {
    store = openSqliteStore(':memory:');
    const api = createApi({ store, clock, log: () => undefined, firstAdminInApp: true });
    const me = await call<MeResult>(api, 'o-first', 'users.firstAdmin', { name: '张敏', officeName: '市发展改革委' });
    expect(me.bound).toBe(true);
    const report = await call<AnnualReportResult>(api, 'o-first', 'report.annual', { year: 2026 });
    expect(report.title).toBe('市发展改革委关于2026年度人大代表建议办理工作情况的报告');
    expect(report.summary.startsWith('2026年，市发展改革委共收到')).toBe(true);
    const events = await store.events({ entityId: 'office' });
    expect(events.find((e) => e.action === 'setup.officeName')).toMatchObject({ entity: 'settings', entityId: 'office', detail: { name: '市发展改革委' } });
    // Setup run again (the cloud's setup function) does not rename it.
    await ensureFirstAdmin(store, clock, '另一人', '别的名字');
    expect((await call<OfficeSettingsView>(api, 'o-first', 'office.settings', {})).name).toBe('市发展改革委');
  });

  it('is 本机关 until named, and the office changes it with the version it read', async () => {
    store = openSqliteStore(':memory:');
    await store.transaction(async (tx) => {
      tx.insert('units', { id: 'unit-a', name: '市民政局', departments: [] });
      tx.insert('users', { id: 'u-c', openid: 'demo-coordinator', name: '郑晓燕', roles: ['coordinator'], createdAt: NOW, version: 1 });
      tx.insert('users', { id: 'u-h', openid: 'demo-handler', name: '孙丽', roles: ['handler'], unitId: 'unit-a', createdAt: NOW, version: 1 });
    });
    const api = createApi({ store, clock, log: () => undefined });
    expect((await call<AnnualReportResult>(api, 'demo-coordinator', 'report.annual', { year: 2026 })).title.startsWith('本机关关于')).toBe(true);
    const saved = await call<OfficeSettingsView>(api, 'demo-coordinator', 'office.update', { name: '市人民政府办公室', reportTo: '市人大常委会', letterCc: ['市政府办公室'], version: 0 });
    expect(saved).toEqual({ name: '市人民政府办公室', reportTo: '市人大常委会', letterCc: ['市政府办公室'], letterToCoSigners: false, letterPublicity: 'onRequest', version: 1 });
    expect((await call<AnnualReportResult>(api, 'demo-coordinator', 'report.annual', { year: 2026 })).title.startsWith('市人民政府办公室关于')).toBe(true);
    // A stale version, a blank name, a handler: refused, nothing changed.
    expect(await api({ action: 'office.update', data: { name: '旧名', version: 0 } }, { openid: 'demo-coordinator' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await api({ action: 'office.update', data: { name: '  ', version: 1 } }, { openid: 'demo-coordinator' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await api({ action: 'office.update', data: { name: '别名', version: 1 } }, { openid: 'demo-handler' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await call<OfficeSettingsView>(api, 'demo-coordinator', 'office.settings', {})).name).toBe('市人民政府办公室');
    expect((await store.events({ entityId: 'office' })).filter((e) => e.action === 'office.update')).toHaveLength(1);
  });
});
