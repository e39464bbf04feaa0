// The inbox: messages read on open or all at once, the unread count, each message's deadline, and
// notices whose matter is settled marked so.
import type { MeResult, MyNotificationsResult, ReadNotificationsResult } from '../../../src/contract';
import { createApi } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { createLocalOutboxNotifier } from '../../../src/server/reminders/local-outbox.notifier';
import { PEOPLE, clockAt, nineAm, seedWorld, task } from './support/world';

let store: SqliteStore;
afterEach(() => store.close());

async function world() {
  store = openSqliteStore(':memory:');
  await seedWorld(store, { tasks: [task('t1', { reply: '2026-05-01' }), task('t2', { role: 'co', reply: '2026-05-01', due: { coOpinion: '2026-03-20' } })] });
  const clock = clockAt(nineAm('2026-03-01'));
  const api = createApi({ store, clock, notifier: createLocalOutboxNotifier() });
  const as = (who: keyof typeof PEOPLE) => ({ openid: PEOPLE[who].openid! });
  const ok = async <T>(who: keyof typeof PEOPLE, action: string, data: unknown = {}): Promise<T> => {
    const response = await api({ action, data }, as(who));
    if (!response.ok) throw new Error(`${action}: ${response.error.message}`);
    return response.data as T;
  };
  await ok('coordinator', 'tasks.urge', { taskId: 't1' });
  await ok('coordinator', 'tasks.urge', { taskId: 't2' });
  return { api, ok, clock, as };
}

describe('the inbox', () => {
  it('names the deadline each message is about, counts the unread, and marks one read when opened', async () => {
    const { ok } = await world();
    const inbox = await ok<MyNotificationsResult>('handler', 'notifications.mine');
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((n) => n.deadline).sort((a, b) => a!.date.localeCompare(b!.date))).toEqual([
      { label: '会办意见期限', date: '2026-03-20' },
      { label: '答复期限', date: '2026-05-01' },
    ]);
    expect((await ok<MeResult>('handler', 'me')).unreadMessages).toBe(2);
    const first = inbox.items[0]!;
    expect(await ok<ReadNotificationsResult>('handler', 'notifications.read', { ids: [first.id] })).toEqual({ read: 1, unread: 1 });
    const after = await ok<MyNotificationsResult>('handler', 'notifications.mine');
    expect(after.items.find((n) => n.id === first.id)!.readAt).toBe(nineAm('2026-03-01'));
    expect(after.unread).toBe(1);
    expect((await ok<MeResult>('handler', 'me')).unreadMessages).toBe(1);
    // Reading it again changes nothing.
    const before = store.dump();
    expect(await ok<ReadNotificationsResult>('handler', 'notifications.read', { ids: [first.id] })).toEqual({ read: 0, unread: 1 });
    expect(store.dump()).toBe(before);
  });

  it('marks all read at once (全部已读), audited, and never touches another person’s messages', async () => {
    const { ok } = await world();
    const reviewerBefore = await ok<MyNotificationsResult>('reviewer', 'notifications.mine');
    const handlerIds = (await ok<MyNotificationsResult>('handler', 'notifications.mine')).items.map((n) => n.id);
    // The reviewer names the handler's messages: nothing of the handler's is read.
    expect(await ok<ReadNotificationsResult>('reviewer', 'notifications.read', { ids: handlerIds })).toEqual({ read: 0, unread: reviewerBefore.unread });
    expect((await ok<MyNotificationsResult>('handler', 'notifications.mine')).unread).toBe(2);
    expect(await ok<ReadNotificationsResult>('handler', 'notifications.read', {})).toEqual({ read: 2, unread: 0 });
    expect((await ok<MyNotificationsResult>('handler', 'notifications.mine')).unread).toBe(0);
    expect(await store.events({ entityId: PEOPLE.handler.id })).toEqual([
      expect.objectContaining({ action: 'notifications.read', actorId: PEOPLE.handler.id, detail: { count: 2, all: true } }),
    ]);
  });

  it('marks a notice settled once its deadline is no longer the one in force', async () => {
    const { ok } = await world();
    const open = await ok<MyNotificationsResult>('handler', 'notifications.mine');
    expect(open.items.every((n) => !n.settled)).toBe(true);
    const t2 = (await store.get('tasks', 't2'))!;
    await store.transaction(async (tx) => {
      await tx.get('tasks', 't2');
      tx.update('tasks', { ...t2, state: 'opinionSent', version: t2.version + 1 });
    });
    const later = await ok<MyNotificationsResult>('handler', 'notifications.mine');
    expect(later.items.find((n) => n.deadline?.label === '会办意见期限')!.settled).toBe(true);
    expect(later.items.find((n) => n.deadline?.label === '答复期限')!.settled).toBeUndefined();
  });

  it('refuses a malformed request', async () => {
    const { api, as } = await world();
    expect(await api({ action: 'notifications.read', data: { ids: [] } }, as('handler'))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await api({ action: 'notifications.read', data: { ids: 'all' } }, as('handler'))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
