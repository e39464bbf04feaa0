// Roles over roles: a coordinator cannot make an administrator, nor touch one; the last
// administrator stays; every change of roles is audited with the roles before and after.
import type { ApiResponse } from '../../../src/core/errors';
import type { Role } from '../../../src/core/model';
import type { BindCodeResult, UserView } from '../../../src/contract';
import { createApi, type Api } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';
import { authorizeRoleChange, rankOf } from '../../../src/server/access/permissions';

const NOW = '2026-03-02T02:00:00.000Z';
let store: SqliteStore;
let api: Api;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  await seedDemo(store, NOW);
  api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
});
afterEach(() => store.close());

async function call<T = unknown>(openid: string, action: string, data: unknown): Promise<ApiResponse<T>> {
  return (await api({ action, data }, { openid })) as ApiResponse<T>;
}
async function ok<T>(openid: string, action: string, data: unknown): Promise<T> {
  const res = await call<T>(openid, action, data);
  if (!res.ok) throw new Error(`${action}: ${res.error.code} ${res.error.message}`);
  return res.data;
}
const user = (id: string) => store.get('users', id);
async function setRoles(openid: string, id: string, roles: Role[]) {
  const current = (await user(id))!;
  return call<UserView>(openid, 'users.upsert', { id, version: current.version, name: current.name, roles, ...(current.unitId ? { unitId: current.unitId } : {}) });
}

describe('the role hierarchy', () => {
  it("refuses the escalation found in review: a coordinator binds a second WeChat to an administrator's record", async () => {
    const admin2 = await ok<UserView>('demo-admin', 'users.upsert', { name: '第二管理员', roles: ['admin'] });
    const before = store.dump();
    expect(await call('demo-coordinator', 'users.issueBindCode', { userId: admin2.id })).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: '不能为角色高于自己的人员发放绑定码' },
    });
    expect(store.dump()).toBe(before);
    // The administrator may.
    expect((await ok<BindCodeResult>('demo-admin', 'users.issueBindCode', { userId: admin2.id })).code).toMatch(/^[A-Z2-9]{4}-/);
  });

  it('lets only an administrator issue the bind code of a coordinator', async () => {
    const coordinator2 = await ok<UserView>('demo-admin', 'users.upsert', { name: '第二联络员', roles: ['coordinator'] });
    expect(await call('demo-coordinator', 'users.issueBindCode', { userId: coordinator2.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只有管理员可以为联络员、管理员发放绑定码' },
    });
    expect(await call('demo-admin', 'users.issueBindCode', { userId: coordinator2.id })).toMatchObject({ ok: true });
    expect(await call('demo-coordinator', 'users.issueBindCode', { userId: 'user-deputy-zhang' })).toMatchObject({ ok: true });
  });

  it('refuses a coordinator who would turn the only administrator into a deputy', async () => {
    const before = store.dump();
    expect(await setRoles('demo-coordinator', 'user-admin', ['deputy'])).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '不能修改角色高于自己的人员' } });
    expect(store.dump()).toBe(before);
  });

  it('lets only an administrator grant or remove the coordinator and administrator roles', async () => {
    expect(await setRoles('demo-coordinator', 'user-deputy-zhang', ['deputy', 'coordinator'])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await setRoles('demo-coordinator', 'user-deputy-zhang', ['admin'])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('demo-coordinator', 'users.upsert', { name: '新联络员', roles: ['coordinator'] })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const coordinator2 = await ok<UserView>('demo-admin', 'users.upsert', { name: '第二联络员', roles: ['coordinator'] });
    // A coordinator may keep a fellow coordinator's record, but not take the role away.
    expect(await setRoles('demo-coordinator', coordinator2.id, ['coordinator'])).toMatchObject({ ok: true });
    expect(await setRoles('demo-coordinator', coordinator2.id, ['deputy'])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await setRoles('demo-admin', coordinator2.id, ['deputy'])).toMatchObject({ ok: true });
    // Everyone else's roles are the coordinator's to keep.
    expect(await setRoles('demo-coordinator', 'user-deputy-zhang', ['deputy'])).toMatchObject({ ok: true });
  });

  it('keeps the last administrator with a WeChat bound', async () => {
    expect(await setRoles('demo-admin', 'user-admin', ['coordinator'])).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    // A second administrator who has not bound a WeChat yet cannot act: still refused.
    const admin2 = await ok<UserView>('demo-admin', 'users.upsert', { name: '第二管理员', roles: ['admin'] });
    expect(await setRoles('demo-admin', 'user-admin', ['coordinator'])).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    const { code } = await ok<BindCodeResult>('demo-admin', 'users.issueBindCode', { userId: admin2.id });
    await ok('wx-admin2', 'users.bind', { code });
    expect(await setRoles('demo-admin', 'user-admin', ['coordinator'])).toMatchObject({ ok: true });
    expect(await setRoles('wx-admin2', admin2.id, ['deputy'])).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });

  it('audits every change of roles with the roles before and after', async () => {
    await ok('demo-admin', 'users.upsert', { name: '新代表', roles: ['deputy'] });
    await setRoles('demo-admin', 'user-deputy-zhang', ['deputy', 'coordinator']);
    const events = (await store.events({ entityId: 'user-deputy-zhang' })).filter((e) => e.action === 'users.upsert');
    expect(events).toEqual([
      expect.objectContaining({ actorId: 'user-admin', from: 'deputy', to: 'deputy,coordinator', detail: { rolesBefore: ['deputy'], rolesAfter: ['deputy', 'coordinator'] } }),
    ]);
  });

  it.each<[string, Role[], Role[] | undefined, Role[], boolean]>([
    ['a coordinator registers a deputy', ['coordinator'], undefined, ['deputy'], true],
    ['a coordinator registers unit staff', ['coordinator'], undefined, ['handler', 'reviewer'], true],
    ['a coordinator registers a coordinator', ['coordinator'], undefined, ['coordinator'], false],
    ['a coordinator changes a deputy into a leader', ['coordinator'], ['deputy'], ['leader'], true],
    ['a coordinator changes an administrator', ['coordinator'], ['admin'], ['admin'], false],
    ['a coordinator takes the coordinator role', ['coordinator'], ['coordinator', 'deputy'], ['deputy'], false],
    ['an administrator makes an administrator', ['admin'], ['deputy'], ['admin'], true],
    ['an administrator changes an administrator', ['admin'], ['admin'], ['admin', 'deputy'], true],
    ['a leader who is also coordinator changes a deputy', ['leader', 'coordinator'], ['deputy'], ['deputy', 'handler'], true],
  ])('%s', (_what, actorRoles, current, next, allowed) => {
    const actor = { id: 'a', name: 'A', roles: actorRoles, createdAt: NOW, version: 1 };
    const attempt = () => authorizeRoleChange(actor, current ? { roles: current } : undefined, next);
    if (allowed) expect(attempt).not.toThrow();
    else expect(attempt).toThrow();
  });

  it('ranks a person by the highest role', () => {
    expect(rankOf(['deputy'])).toBeLessThan(rankOf(['coordinator']));
    expect(rankOf(['handler', 'coordinator'])).toBe(rankOf(['coordinator']));
    expect(rankOf(['coordinator'])).toBeLessThan(rankOf(['admin']));
  });
});
