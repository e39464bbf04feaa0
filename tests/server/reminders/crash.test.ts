// A run that dies after writing the outbox and before sending: the next run (a new process, the same
// SQLite file) finds the reminders in the outbox and sends each exactly once; a run that dies in the
// middle of a send leaves that row marked 结果未知, never sent twice.
import type { Store, Tx } from '../../../src/server/ports';
import { createLocalOutboxNotifier } from '../../../src/server/reminders/local-outbox.notifier';
import { INTERRUPTED_SEND } from '../../../src/server/reminders/delivery';
import { runSweep } from '../../../src/server/reminders/sweep';
import { clockAt, nineAm, seedWorld, task, tempSqlite, testConfig } from './support/world';

class ProcessKilled extends Error {}

/** The store as seen by a process that is killed the moment it first touches an outbox row to send it. */
function dyingBeforeSend(store: Store): Store {
  return {
    ...store,
    get: store.get.bind(store),
    find: store.find.bind(store),
    count: store.count.bind(store),
    events: store.events.bind(store),
    idempotency: store.idempotency.bind(store),
    transaction: (fn) =>
      store.transaction((tx) => {
        const dying: Tx = {
          ...tx,
          get: tx.get.bind(tx),
          find: tx.find.bind(tx),
          count: tx.count.bind(tx),
          events: tx.events.bind(tx),
          idempotency: tx.idempotency.bind(tx),
          insert: tx.insert.bind(tx),
          appendEvent: tx.appendEvent.bind(tx),
          rememberResult: tx.rememberResult.bind(tx),
          update(collection, doc) {
            if (collection === 'notifications') throw new ProcessKilled('函数执行超时，进程被终止');
            tx.update(collection, doc);
          },
        };
        return fn(dying);
      }),
  };
}

describe('a sweep cut short between the outbox write and the send', () => {
  let temp: ReturnType<typeof tempSqlite>;
  beforeEach(() => {
    temp = tempSqlite();
  });
  afterEach(() => temp.remove());

  it('is resumed by the next run, which sends every reminder once', async () => {
    const first = temp.open();
    await seedWorld(first, { tasks: [task('t1', { reply: '2026-03-08' }), task('t2', { reply: '2026-03-01' })] });
    const clock = clockAt(nineAm('2026-03-01'));
    const lost = createLocalOutboxNotifier();

    await expect(runSweep({ store: dyingBeforeSend(first), clock, notifier: lost, config: testConfig() })).rejects.toThrow(ProcessKilled);
    const written = await first.find('notifications');
    first.close();

    const second = temp.open();
    const notifier = createLocalOutboxNotifier();
    clock.set('2026-03-01T01:10:00.000Z');
    const resumed = await runSweep({ store: second, clock, notifier, config: testConfig() });
    const again = await runSweep({ store: second, clock, notifier, config: testConfig() });

    expect(lost.deliveries).toHaveLength(0);
    expect(written.map((n) => n.status)).toEqual(['pending', 'pending', 'pending']);
    expect(resumed).toMatchObject({ written: 0, sent: 3 });
    expect(again).toMatchObject({ written: 0, sent: 0 });
    expect(notifier.deliveries.map((d) => d.notificationId).sort()).toEqual(written.map((n) => n.id).sort());
    expect((await second.find('notifications')).every((n) => n.status === 'sent' && n.attempts === 1)).toBe(true);
    second.close();
  });

  it('a run killed while sending: once the lease ends its claimed row is marked failed (结果未知), never sent twice', async () => {
    const dying = temp.open();
    const clock = clockAt(nineAm('2026-03-02'));
    await seedWorld(dying, { tasks: [task('t3', { reply: '2026-03-05' })] });
    // The process hangs inside the send and is killed by the platform: the row is claimed, its outcome never recorded.
    const neverAnswers = { deliver: () => new Promise<never>(() => undefined) };
    void runSweep({ store: dying, clock, notifier: neverAnswers, config: testConfig({ leaseMs: 120_000 }) });
    await until(async () => (await dying.find('notifications', { where: { status: 'pending' } }))[0]?.attempts === 1);

    const store = temp.open(); // the next run, in a new process
    const notifier = createLocalOutboxNotifier();
    clock.set('2026-03-02T01:01:00.000Z');
    const early = await runSweep({ store, clock, notifier, config: testConfig() });
    clock.set('2026-03-02T01:02:00.000Z');
    const later = await runSweep({ store, clock, notifier, config: testConfig() });

    expect(early.sent).toBe(0);
    // WeChat may or may not have received the hung send: it is not repeated, and the row says so.
    expect(later).toMatchObject({ sent: 0, failed: 1 });
    expect(notifier.deliveries).toEqual([]);
    const [row] = await store.find('notifications');
    expect(row).toMatchObject({ status: 'failed', error: INTERRUPTED_SEND, attempts: 1 });
    expect(row?.sendingSince).toBeUndefined();
    expect((await store.events({ entityId: row!.id })).map((e) => e.to)).toEqual(['pending', 'failed']);
    store.close();
  });
});

async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('condition not reached');
}
