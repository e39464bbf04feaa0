// The one-time creation of the first administrator on a deployment started without demo data.
import type { MeResult } from '../../../src/contract';
import { createApi } from '../../../src/server/api';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';

const NOW = '2026-12-01T02:00:00.000Z';

describe('the first administrator', () => {
  const open = (firstAdminInApp = true) => {
    const store = openSqliteStore(':memory:');
    const api = createApi({ store, clock: { now: () => NOW }, log: () => undefined, firstAdminInApp });
    return { store, call: (openid: string | undefined, action: string, data: unknown = {}) => api({ action, data }, openid ? { openid } : {}) };
  };

  it('is offered to an unbound caller of an empty deployment, created once, audited, and never again', async () => {
    const { store, call } = open();
    expect(await call('wx-first', 'me')).toMatchObject({ ok: true, data: { user: null, bound: false, firstAdminOpen: true } });
    expect(await call('wx-first', 'users.firstAdmin', { name: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call(undefined, 'users.firstAdmin', { name: '张主任' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const made = await call('wx-first', 'users.firstAdmin', { name: '张主任' });
    expect(made).toMatchObject({ ok: true, data: { bound: true, user: { name: '张主任', roles: ['admin'] } } });
    const id = (made as { data: MeResult }).data.user!.id;
    expect(await store.events({ entityId: id })).toEqual([expect.objectContaining({ action: 'users.firstAdmin', actorId: id, to: 'admin' })]);
    // The step is over: not for the same person again, nor for anyone else, and no longer offered.
    expect(await call('wx-first', 'users.firstAdmin', { name: '张主任' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    const before = store.dump();
    expect(await call('wx-second', 'users.firstAdmin', { name: '李四' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION', message: '系统已有管理员，请向管理员索取绑定码' } });
    expect(store.dump()).toBe(before);
    const later = await call('wx-second', 'me');
    expect(later).toMatchObject({ ok: true, data: { user: null, bound: false } });
    expect(later.ok && later.data).not.toHaveProperty('firstAdminOpen');
    // The new administrator can start the roster.
    expect(await call('wx-first', 'units.upsert', { name: '市发展改革委' })).toMatchObject({ ok: true });
    store.close();
  });

  it('is not offered where the deployment does not open it (the cloud, whose setup step creates the administrator)', async () => {
    const { store, call } = open(false);
    const me = await call('wx-first', 'me');
    expect(me.ok && me.data).not.toHaveProperty('firstAdminOpen');
    const before = store.dump();
    expect(await call('wx-first', 'users.firstAdmin', { name: '张主任' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(store.dump()).toBe(before);
    store.close();
  });

  it('of two at the same moment, only one becomes the administrator', async () => {
    const { store, call } = open();
    const answers = await Promise.all([call('wx-a', 'users.firstAdmin', { name: '甲' }), call('wx-b', 'users.firstAdmin', { name: '乙' })]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(await store.find('users', { where: { roles: 'admin' } })).toHaveLength(1);
    store.close();
  });
});
