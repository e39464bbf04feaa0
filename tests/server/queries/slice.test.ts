// The first vertical slice: who am I, and which suggestions do I see.
import { createApi } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { DEMO_LOGINS, seedDemo } from '../../../src/server/setup/demo-data';

const NOW = '2024-04-10T02:00:00.000Z';

describe('the demo data and the slice actions', () => {
  let store: SqliteStore;
  let api: ReturnType<typeof createApi>;
  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    await seedDemo(store, NOW);
    api = createApi({ store, clock: { now: () => NOW } });
  });
  afterEach(() => store.close());

  it('loads once: a second load changes nothing', async () => {
    const before = store.dump();
    expect(await seedDemo(store, '2024-05-01T00:00:00.000Z')).toBe(false);
    expect(store.dump()).toBe(before);
  });

  it('offers a demo login for every role', () => {
    const openids = DEMO_LOGINS.map((login) => login.openid);
    expect(openids).toEqual(
      expect.arrayContaining(['demo-deputy', 'demo-deputy2', 'demo-handler', 'demo-handler-co', 'demo-reviewer', 'demo-leader', 'demo-coordinator', 'demo-admin']),
    );
    expect(DEMO_LOGINS.find((l) => l.openid === 'demo-handler')?.roleLabel).toContain('市发展改革委');
  });

  it('tells a bound caller who he is, with roles and unit', async () => {
    const response = await api({ action: 'me' }, { openid: 'demo-handler' });
    expect(response).toEqual({
      ok: true,
      data: {
        bound: true,
        user: { id: 'user-handler', name: '刘洋', roles: ['handler'], roleLabels: ['承办人'], unitId: 'unit-fgw', unitName: '市发展改革委' },
        capabilities: ['unitTasks', 'stats', 'ledger'],
        clock: { now: '2024-04-10T02:00:00.000Z', today: '2024-04-10', time: '10:00', year: 2024 },
        unreadMessages: 0,
        // The caller's upload folder: a hash of the openid, never the openid itself.
        uploadFolder: expect.stringMatching(/^uploads\/[0-9a-f]{32}$/),
      },
    });
  });

  it('tells an unbound caller he is not bound, and refuses a caller without identity', async () => {
    expect(await api({ action: 'me' }, { openid: 'stranger' })).toEqual({
      ok: true,
      data: { user: null, bound: false, capabilities: [], clock: { now: '2024-04-10T02:00:00.000Z', today: '2024-04-10', time: '10:00', year: 2024 } },
    });
    expect(await api({ action: 'me' }, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await api({ action: 'suggestions.list' }, { openid: 'stranger' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('shows a deputy the suggestions he leads or co-signs, with status and due date', async () => {
    const response = await api({ action: 'suggestions.list', data: {} }, { openid: 'demo-deputy' });
    if (!response.ok) throw new Error(response.error.message);
    const list = response.data as { items: { number: string; statusLabel: string; replyDue?: string; daysLeftText?: string; units: { roleLabel: string }[] }[]; total: number };
    expect(list.items.map((i) => i.number)).toEqual(['1001', '1002', '1003', '1005', '1006', '1009']);
    const charging = list.items[0]!;
    expect(charging.statusLabel).toBe('办理中');
    expect(charging.units.map((u) => u.roleLabel)).toEqual(['主办', '会办', '会办']);
    expect(charging.replyDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(charging.daysLeftText).toMatch(/^剩余\d+天$/);
    expect(list.items.find((i) => i.number === '1005')?.statusLabel).toBe('已公开');
  });

  it('shows unit staff their unit\'s suggestions and the office all of them', async () => {
    const numbers = async (openid: string) => {
      const response = await api({ action: 'suggestions.list', data: { pageSize: 100 } }, { openid });
      if (!response.ok) throw new Error(response.error.message);
      return (response.data as { items: { number: string }[] }).items.map((i) => i.number);
    };
    expect(await numbers('demo-handler-co')).toEqual(['1001', '1008']);
    expect(await numbers('demo-coordinator')).toHaveLength(9);
    expect(await numbers('demo-reviewer')).toEqual(['1001', '1002', '1003', '1004', '1005', '1006', '1009']);
  });

  it('filters by status and refuses a bad filter naming the field in Chinese', async () => {
    const response = await api({ action: 'suggestions.list', data: { status: 'pending' } }, { openid: 'demo-coordinator' });
    expect(response.ok && (response.data as { items: { number: string }[] }).items.map((i) => i.number)).toEqual(['1007']);
    expect(await api({ action: 'suggestions.list', data: { status: 'nope' } }, { openid: 'demo-coordinator' })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '「状态」的取值不在允许范围内' },
    });
  });

  it('answers an unknown action with VALIDATION and an unexpected failure with INTERNAL', async () => {
    expect(await api({ action: 'nope' }, { openid: 'demo-deputy' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const logged: unknown[] = [];
    const broken = createApi({
      store: { ...store, find: () => Promise.reject(new Error('disk gone')) },
      clock: { now: () => NOW },
      log: (_m, e) => logged.push(e),
    });
    expect(await broken({ action: 'me' }, { openid: 'demo-deputy' })).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '系统繁忙，请稍后重试' },
    });
    expect(logged).toHaveLength(1);
  });
});
