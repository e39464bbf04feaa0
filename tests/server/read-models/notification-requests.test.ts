// notifications.mine at national scale: 5,000 messages of one person cost at most 5 CloudBase
// requests (the page of the newest from the store, the unread counted by the store, their tasks in
// one query), with the same answer as a reading of them all would give.
import { createApi } from '../../../src/server/api';
import { seedDemo } from '../../../src/server/setup/demo-data';
import type { Notification } from '../../../src/core/model';
import type { MyNotificationsResult } from '../../../src/contract';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';

const NOW = '2025-03-10T02:00:00.000Z';
const NOTICES = 5000;
let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({});
});
afterAll(() => emulator.close());

it(`answers notifications.mine over ${NOTICES} messages with at most 5 requests`, async () => {
  const store = await freshCloudStore(emulator);
  await seedDemo(store, NOW);
  const handler = (await store.find('users', { where: { openid: 'demo-handler' } }))[0]!;
  const [task] = await store.find('tasks', { where: { unitId: handler.unitId! }, limit: 1 });
  const notices: Notification[] = Array.from({ length: NOTICES }, (_, i) => ({
    id: `n${String(i).padStart(5, '0')}`,
    key: `k${i}`,
    userId: handler.id,
    ...(i % 2 === 0 && task ? { taskId: task.id, suggestionId: task.suggestionId } : {}),
    kind: 'dueSoon',
    title: `提醒 ${i}`,
    body: '请按期办理。',
    status: 'sent',
    attempts: 1,
    createdAt: new Date(Date.parse('2024-01-01T00:00:00.000Z') + i * 60_000).toISOString(),
    ...(i % 3 === 0 ? {} : { readAt: '2024-06-01T00:00:00.000Z' }),
  }));
  emulator.load('notifications', notices.map((n) => ({ ...n, _id: n.id, _rev: 1 })));
  const api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });

  emulator.resetCounter();
  const res = await api({ action: 'notifications.mine', data: {} }, { openid: 'demo-handler' });
  const requests = emulator.requests;
  if (!res.ok) throw new Error(res.error.message);
  const mine = res.data as MyNotificationsResult;
  const unread = notices.filter((n) => !n.readAt).length;
  expect(mine.unread).toBe(unread);
  expect(mine.items.map((n) => n.id)).toEqual([...notices].reverse().slice(0, 100).map((n) => n.id));
  expect(requests).toBeLessThanOrEqual(5);

  emulator.resetCounter();
  const unreadOnly = await api({ action: 'notifications.mine', data: { unreadOnly: true } }, { openid: 'demo-handler' });
  if (!unreadOnly.ok) throw new Error(unreadOnly.error.message);
  expect((unreadOnly.data as MyNotificationsResult).items.map((n) => n.id)).toEqual([...notices].reverse().filter((n) => !n.readAt).slice(0, 100).map((n) => n.id));
  expect(emulator.requests).toBeLessThanOrEqual(5);
}, 120_000);
