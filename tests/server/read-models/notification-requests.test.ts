// The inbox at national scale, on both stores: with 5,000 messages of one person written through the
// store, notifications.mine costs at most 5 CloudBase requests with the answer a reading of every
// message would give (the unread figure is one indexed count of the store: src/server/read-models/unread.ts);
// notifications.read marks the named messages, or all of them, with a bounded number of requests;
// the figure stays right through both, only 全部已读 writes the reader's document (its instant), and the
// rebuild finds nothing to correct.
import { createApi } from '../../../src/server/api';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';
import { rebuildReadModels } from '../../../src/server/read-models/rebuild';
import type { Notification } from '../../../src/core/model';
import type { MeResult, MyNotificationsResult, ReadNotificationsResult } from '../../../src/contract';
import type { Store } from '../../../src/server/ports';
import type { NotificationCount } from '../../../src/server/ports/read-model-docs';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';

const NOW = '2025-03-10T02:00:00.000Z';
const NOTICES = 5000;
let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({});
});
afterAll(() => emulator.close());

const stores: [string, () => Promise<Store>, () => number | undefined][] = [
  ['SQLite', async () => openSqliteStore(':memory:'), () => undefined],
  ['CloudBase', async () => freshCloudStore(emulator), () => emulator.requests],
];

function notices(userId: string, task: { id: string; suggestionId: string } | undefined): Notification[] {
  return Array.from({ length: NOTICES }, (_, i) => ({
    id: `n${String(i).padStart(5, '0')}`,
    key: `k${i}`,
    userId,
    ...(i % 2 === 0 && task ? { taskId: task.id, suggestionId: task.suggestionId } : {}),
    kind: 'dueSoon',
    title: `提醒 ${i}`,
    body: '请按期办理。',
    status: 'sent',
    attempts: 1,
    createdAt: new Date(Date.parse('2024-01-01T00:00:00.000Z') + i * 60_000).toISOString(),
    ...(i % 3 === 0 ? {} : { readAt: '2024-06-01T00:00:00.000Z' }),
  }));
}

describe.each(stores)('notifications over %s', (_name, open, requests) => {
  it(`counts and marks ${NOTICES} messages with bounded requests, and the rebuild agrees`, async () => {
    const store = await open();
    await seedDemo(store, NOW);
    const handler = (await store.find('users', { where: { openid: 'demo-handler' } }))[0]!;
    const other = (await store.find('users', { where: { openid: 'demo-coordinator' } }))[0]!;
    const [task] = await store.find('tasks', { where: { unitId: handler.unitId! }, limit: 1 });
    const all = notices(handler.id, task);
    // Written through the store, a thousand a commit, as the reminder sweep writes them.
    for (let i = 0; i < all.length; i += 1000) {
      await store.transaction(async (tx) => {
        for (const n of all.slice(i, i + 1000)) tx.insert('notifications', n);
      });
    }
    const foreign: Notification = { ...all[0]!, id: 'n-other', key: 'k-other', userId: other.id, readAt: undefined };
    delete foreign.readAt;
    await store.transaction(async (tx) => tx.insert('notifications', foreign));
    const api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
    const call = async <T>(action: string, data: unknown, openid = 'demo-handler'): Promise<{ data: T; requests: number | undefined }> => {
      emulator.resetCounter();
      const res = await api({ action, data, requestId: `${action}-${Math.random()}` }, { openid });
      if (!res.ok) throw new Error(`${action}: ${res.error.message}`);
      // SHOW_REQUESTS=1 prints each call's requests on CloudBase (the figures of docs/performance.md).
      if (process.env.SHOW_REQUESTS && requests() !== undefined) console.log(`${action} ${JSON.stringify(data)}: ${requests()}\n${emulator.trace.join('\n')}`);
      return { data: res.data as T, requests: requests() };
    };
    const expectRequests = (n: number | undefined, most: number) => {
      if (n !== undefined) expect(n).toBeLessThanOrEqual(most);
    };

    let unread = all.filter((n) => !n.readAt).length;
    const mine = await call<MyNotificationsResult>('notifications.mine', {});
    expect(mine.data.unread).toBe(unread);
    expect(mine.data.items.map((n) => n.id)).toEqual([...all].reverse().slice(0, 100).map((n) => n.id));
    expectRequests(mine.requests, 5);
    const unreadOnly = await call<MyNotificationsResult>('notifications.mine', { unreadOnly: true });
    expect(unreadOnly.data.items.map((n) => n.id)).toEqual([...all].reverse().filter((n) => !n.readAt).slice(0, 100).map((n) => n.id));
    expectRequests(unreadOnly.requests, 5);
    const me = await call<MeResult & { unreadMessages?: number }>('me', {});
    expect(me.data.unreadMessages).toBe(unread);

    // Named messages: only the caller's own unread ones are marked (someone else's id is not).
    const named = [all[3]!.id, all[6]!.id, all[1]!.id, foreign.id];
    const marked = await call<ReadNotificationsResult>('notifications.read', { ids: named });
    unread -= 2;
    expect(marked.data).toEqual({ read: 2, unread });
    expectRequests(marked.requests, 15);
    expect((await store.get('notifications', foreign.id))?.readAt).toBeUndefined();
    expect((await call<MyNotificationsResult>('notifications.mine', {})).data.unread).toBe(unread);

    // 全部已读: bounded whatever the number of messages; every one then shows read, and a new one counts.
    const readAll = await call<ReadNotificationsResult>('notifications.read', {});
    expect(readAll.data).toEqual({ read: unread, unread: 0 });
    expectRequests(readAll.requests, 12);
    const after = await call<MyNotificationsResult>('notifications.mine', {});
    expect(after.data.unread).toBe(0);
    expect(after.data.items.every((n) => n.readAt !== undefined)).toBe(true);
    expect((await call<MyNotificationsResult>('notifications.mine', { unreadOnly: true })).data.items).toEqual([]);
    const later: Notification = { ...foreign, id: 'n-later', key: 'k-later', userId: handler.id, createdAt: '2025-03-10T02:05:00.000Z' };
    await store.transaction(async (tx) => tx.insert('notifications', later));
    const withLater = await call<MyNotificationsResult>('notifications.mine', { unreadOnly: true });
    expect(withLater.data.unread).toBe(1);
    expect(withLater.data.items.map((n) => n.id)).toEqual(['n-later']);
    expect((await call<MyNotificationsResult>('notifications.mine', {}, 'demo-coordinator')).data.unread).toBe(1);

    // No notice written moved a document of its reader: only 全部已读 wrote one, its instant alone.
    expect(await store.find('notificationCounts')).toEqual([{ id: handler.id, readBefore: NOW }]);
    // The rebuild finds nothing to correct; a document from before, still carrying the figure it kept,
    // is rid of it (nothing reads it: the count stays what the messages say).
    expect(await rebuildReadModels(store)).toMatchObject({ noticesWritten: 0, readMarksWritten: 0 });
    await store.transaction(async (tx) => {
      const c = (await tx.get('notificationCounts', handler.id))!;
      tx.update('notificationCounts', { ...c, unread: 77 } as NotificationCount);
    });
    expect((await call<MyNotificationsResult>('notifications.mine', {})).data.unread).toBe(1);
    expect(await rebuildReadModels(store)).toMatchObject({ noticesWritten: 0, readMarksWritten: 1 });
    expect(await store.find('notificationCounts')).toEqual([{ id: handler.id, readBefore: NOW }]);
    const last = await call<MyNotificationsResult>('notifications.mine', {});
    expect(last.data.items[0]).toMatchObject({ id: 'n-later' });
    expect(last.data.unread).toBe(1);
  }, 180_000);
});
