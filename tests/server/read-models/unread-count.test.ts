// The unread figure is counted by the store from the notices (src/server/read-models/unread.ts): it is
// what the notices say after notices written by the sweep while their reader marks some read and taps
// 全部已读 at the same moment, on both stores, and no notice written touches the reader's 全部已读
// document. A notice stored before the store derived its unread value is counted once the rebuild has
// written it again (CloudBase) or once the file is opened (SQLite).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createApi } from '../../../src/server/api';
import { openSqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { seedDemo } from '../../../src/server/setup/demo-data';
import { readModelsBehind, rebuildReadModels } from '../../../src/server/read-models/rebuild';
import type { Notification } from '../../../src/core/model';
import type { MyNotificationsResult } from '../../../src/contract';
import type { Store } from '../../../src/server/ports';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { cloud, freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';

const NOW = '2025-03-10T02:00:00.000Z';
const HANDLER = 'user-handler';

let emulator: CloudBaseEmulator;
beforeAll(async () => {
  // A few ms a request, so that the reads and commits of concurrent calls interleave.
  emulator = await sharedEmulator({ latencyMs: 3 });
});
afterAll(() => emulator.close());

const stores: [string, () => Promise<Store>][] = [
  ['SQLite', async () => openSqliteStore(':memory:')],
  ['CloudBase', async () => freshCloudStore(emulator)],
];

/** A notice to the handler created `minutes` after (or before) NOW. */
function notice(id: string, minutes: number, userId = HANDLER): Notification {
  return {
    id,
    key: `k-${id}`,
    userId,
    kind: 'dueSoon',
    title: `提醒 ${id}`,
    body: '请按期办理。',
    status: 'sent',
    attempts: 1,
    createdAt: new Date(Date.parse(NOW) + minutes * 60_000).toISOString(),
  };
}

/** The unread of a reader as the notices and his or her 全部已读 say, read one by one. */
async function unreadByHand(store: Store, userId: string): Promise<number> {
  const [notices, mark] = await Promise.all([store.find('notifications', { where: { userId } }), store.get('notificationCounts', userId)]);
  return notices.filter((n) => !n.readAt && !(mark?.readBefore !== undefined && n.createdAt < mark.readBefore)).length;
}

describe.each(stores)('the unread count over %s', (_name, open) => {
  it('is what the notices say after notices written while their reader marks some read and all', async () => {
    const store = await open();
    await seedDemo(store, NOW);
    const handler = (await store.get('users', HANDLER))!;
    expect(handler.openid).toBe('demo-handler');
    const api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
    const call = (action: string, data: unknown) => api({ action, data }, { openid: 'demo-handler' });
    const before = await Promise.all(Array.from({ length: 20 }, (_, i) => notice(`a${i}`, -60 + i)));
    await store.transaction(async (tx) => {
      for (const n of before) tx.insert('notifications', n);
    });

    // The sweep writes notices before and after this instant, one commit each batch, while the reader
    // opens two messages and taps 全部已读.
    const writes = [0, 1, 2].map((batch) =>
      store.transaction(async (tx) => {
        for (let i = 0; i < 5; i += 1) tx.insert('notifications', notice(`b${batch}-${i}`, (batch - 1) * 30 + i));
      }),
    );
    const answers = await Promise.all([
      ...writes,
      call('notifications.read', { ids: ['a1', 'a2'] }),
      call('notifications.read', {}),
      call('notifications.read', { ids: ['a3', 'b2-0'] }),
    ]);
    // A read that met another on the same documents may be refused (CONFLICT, the phone tries again); none fails otherwise.
    for (const answer of answers.slice(3)) {
      if (answer && 'ok' in answer && !answer.ok) expect(answer.error.code).toBe('CONFLICT');
    }

    // Notices of this very instant that committed after 全部已读 looked for them stay unread: the
    // count says whatever the notices say.
    const afterRace = await unreadByHand(store, HANDLER);
    const mine = await call('notifications.mine', {});
    const me = await call('me', {});
    expect(mine).toMatchObject({ ok: true, data: { unread: afterRace } });
    expect(me).toMatchObject({ ok: true, data: { unreadMessages: afterRace } });
    // Only 全部已读 wrote the reader's document, and only its instant.
    const marks = await store.find('notificationCounts');
    expect(marks.every((m) => m.id === HANDLER && Object.keys(m).sort().join() === 'id,readBefore')).toBe(true);

    // Notices after it count; marked read one by one, the count follows at once; all read: none.
    await store.transaction(async (tx) => {
      for (let i = 1; i <= 3; i += 1) tx.insert('notifications', notice(`c${i}`, i));
    });
    const byHand = await unreadByHand(store, HANDLER);
    expect(byHand).toBe(afterRace + 3);
    const unreadOnly = await call('notifications.mine', { unreadOnly: true });
    if (!unreadOnly.ok) throw new Error('read failed');
    const ids = (unreadOnly.data as MyNotificationsResult).items.map((n) => n.id);
    expect(ids).toHaveLength(byHand);
    const marked = await call('notifications.read', { ids: ids.slice(0, 2) });
    expect(marked).toMatchObject({ ok: true, data: { read: 2, unread: byHand - 2 } });
    expect(await unreadByHand(store, HANDLER)).toBe(byHand - 2);
    expect(await call('notifications.read', {})).toMatchObject({ ok: true, data: { read: byHand - 2, unread: 0 } });
    expect(await call('notifications.mine', {})).toMatchObject({ ok: true, data: { unread: 0 } });
    expect(await unreadByHand(store, HANDLER)).toBe(0);
  }, 60_000);
});

describe('a notice stored before the store derived its unread value', () => {
  it('on CloudBase: is counted once the rebuild has written it again', async () => {
    const store = await freshCloudStore(emulator);
    await seedDemo(store, NOW);
    const api = createApi({ store, clock: { now: () => NOW }, log: () => undefined });
    const unread = async () => {
      const res = await api({ action: 'notifications.mine', data: {} }, { openid: 'demo-handler' });
      if (!res.ok) throw new Error(res.error.message);
      return (res.data as MyNotificationsResult).unread;
    };
    await store.transaction(async (tx) => tx.insert('notifications', notice('new', -5)));
    const counted = await unread();
    expect(counted).toBe(await unreadByHand(store, HANDLER));
    // Two as the store wrote them before: the document without `_unread`.
    const db = (cloud as unknown as { database(): { collection(name: string): { add(o: { data: unknown }): Promise<unknown> } } }).database();
    for (const n of [notice('old', -10), { ...notice('old-read', -9), readAt: NOW }]) await db.collection('notifications').add({ data: { _id: n.id, ...n, _rev: 1 } });
    expect(await unread()).toBe(counted);
    expect(await readModelsBehind(store)).toBe(true);

    const notices = await store.count('notifications');
    expect(await rebuildReadModels(store)).toMatchObject({ noticesWritten: notices });
    expect(await unread()).toBe(counted + 1);
    expect(await unread()).toBe(await unreadByHand(store, HANDLER));
    expect(await readModelsBehind(store)).toBe(false);
    expect(await rebuildReadModels(store)).toMatchObject({ noticesWritten: 0 });
    // What the store reads back is the notice itself, without the value it keeps beside it.
    expect(await store.get('notifications', 'old')).toEqual(notice('old', -10));
  }, 60_000);

  it('on SQLite: is counted once the file is opened (the new index column is filled from every notice)', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'jyt-unread-')), 'data.sqlite');
    const store = openSqliteStore(file);
    await seedDemo(store, NOW);
    await store.transaction(async (tx) => {
      tx.insert('notifications', notice('old', -10));
      tx.insert('notifications', { ...notice('old-read', -9), readAt: NOW });
      tx.insert('notifications', notice('old-other', -8, 'user-coordinator'));
    });
    store.close();
    // The file as it was before the store derived the value: no column, no index for it.
    const raw = new Database(file);
    for (const { name } of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'notifications' AND sql LIKE '%\"unread\"%'").all() as { name: string }[]) {
      raw.exec(`DROP INDEX "${name}"`);
    }
    raw.exec('ALTER TABLE notifications DROP COLUMN unread');
    raw.close();

    const reopened = openSqliteStore(file);
    const api = createApi({ store: reopened, clock: { now: () => NOW }, log: () => undefined });
    const res = await api({ action: 'notifications.mine', data: {} }, { openid: 'demo-handler' });
    const byHand = await unreadByHand(reopened, HANDLER);
    expect(byHand).toBeGreaterThan(0);
    expect(res).toMatchObject({ ok: true, data: { unread: byHand } });
    const read = (await reopened.find('notifications')).filter((n) => n.readAt).length;
    expect(read).toBeGreaterThan(0);
    expect(await reopened.count('notifications', { where: { unread: false } })).toBe(read);
    expect(await readModelsBehind(reopened)).toBe(false);
    reopened.close();
  }, 60_000);
});
