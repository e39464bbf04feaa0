// Sending through WeChat: one-time subscriptions are counted and spent, a missing one is noQuota
// without calling WeChat, 43101 and 47003 are recorded for what they are, a busy WeChat is retried
// with growing waits, and quiet hours hold everything until 08:00.
import cloud from 'wx-server-sdk';
import type { Subscription } from '../../../src/core/model';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { reminderConfig } from '../../../src/server/reminders/config';
import { subscriptionId } from '../../../src/server/reminders/subscriptions';
import { runSweep } from '../../../src/server/reminders/sweep';
import { createWeChatSender, type WxOpenApi } from '../../../src/server/reminders/wechat.sender';
import { startFakeOpenApi, type FakeOpenApi } from '../../support/cloudbase-emulator/openapi';
import { PEOPLE, clockAt, nineAm, seedWorld, task } from './support/world';

const TEMPLATE = 'TPL-deadline';
let api: FakeOpenApi;
let store: SqliteStore;

beforeAll(async () => {
  process.env.TENCENTCLOUD = 'true';
  process.env.TENCENTCLOUD_SECRETID = 'AKIDtest';
  process.env.TENCENTCLOUD_SECRETKEY = 'test-secret';
  api = await startFakeOpenApi();
  cloud.init({ env: 'test-env', serviceUrl: api.url } as unknown as Parameters<typeof cloud.init>[0]);
});
afterAll(() => api.close());
beforeEach(() => {
  api.calls.length = 0;
  api.answers.length = 0;
  store = openSqliteStore(':memory:');
});
afterEach(() => store.close());

const config = { ...reminderConfig({ REMINDER_TEMPLATE_DEADLINE: TEMPLATE, REMINDER_RETRY_BASE_MS: '300000', REMINDER_MAX_ATTEMPTS: '3' }), timeBudgetMs: 600_000 };
const sender = createWeChatSender(cloud as unknown as WxOpenApi, config);

async function subscribe(userId: string, fields: Partial<Subscription>) {
  await store.transaction(async (tx) => {
    tx.insert('subscriptions', { id: subscriptionId(userId, TEMPLATE), userId, templateId: TEMPLATE, longTerm: false, quota: 0, updatedAt: nineAm('2026-02-01'), ...fields });
  });
}

const quota = async (userId: string) => (await store.get('subscriptions', subscriptionId(userId, TEMPLATE)))?.quota;
const statuses = async () => (await store.find('notifications')).map((n) => n.status);

describe('sending reminders as WeChat subscribe messages', () => {
  it('spends one one-time subscription per message and keeps the next one as noQuota without calling WeChat', async () => {
    await seedWorld(store, { tasks: [task('t1', { reply: '2026-03-08' })] });
    await subscribe(PEOPLE.handler.id, { quota: 1 });
    const clock = clockAt(nineAm('2026-03-01'));

    const first = await runSweep({ store, clock, notifier: sender, config });
    clock.set(nineAm('2026-03-05')); // 3 days left: the next reminder
    const second = await runSweep({ store, clock, notifier: sender, config });

    expect(first).toMatchObject({ sent: 1, noQuota: 0 });
    expect(second).toMatchObject({ sent: 0, noQuota: 1 });
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0]?.fields).toMatchObject({ touser: PEOPLE.handler.openid, template_id: TEMPLATE });
    expect(await quota(PEOPLE.handler.id)).toBe(0);
    expect((await statuses()).sort()).toEqual(['noQuota', 'sent']);
  });

  it('sends under a long-term subscription without spending anything', async () => {
    await seedWorld(store, { tasks: [task('t1', { reply: '2026-03-01' })] }); // due day: handler and reviewer
    await subscribe(PEOPLE.handler.id, { longTerm: true });
    await subscribe(PEOPLE.reviewer.id, { longTerm: true });

    const report = await runSweep({ store, clock: clockAt(nineAm('2026-03-01')), notifier: sender, config });

    expect(report).toMatchObject({ sent: 2 });
    expect(await quota(PEOPLE.handler.id)).toBe(0);
  });

  it('records WeChat\'s 43101 as noQuota and forgets the subscription it thought was there', async () => {
    await seedWorld(store, { tasks: [task('t1', { reply: '2026-03-08' })] });
    await subscribe(PEOPLE.handler.id, { quota: 2 });
    api.answers.push({ errcode: 43101, errmsg: 'user refuse to accept the msg' });

    const report = await runSweep({ store, clock: clockAt(nineAm('2026-03-01')), notifier: sender, config });

    expect(report).toMatchObject({ sent: 0, noQuota: 1, failed: 0 });
    expect(await quota(PEOPLE.handler.id)).toBe(0);
    const [n] = await store.find('notifications');
    expect(n).toMatchObject({ status: 'noQuota', error: expect.stringContaining('43101') });
  });

  it("records WeChat's 47003 as failed, does not retry it, and gives the quota back", async () => {
    await seedWorld(store, { tasks: [task('t1', { reply: '2026-03-08' })] });
    await subscribe(PEOPLE.handler.id, { quota: 1 });
    api.answers.push({ errcode: 47003, errmsg: 'argument invalid!' });
    const clock = clockAt(nineAm('2026-03-01'));

    const report = await runSweep({ store, clock, notifier: sender, config });
    clock.set('2026-03-01T05:00:00.000Z');
    await runSweep({ store, clock, notifier: sender, config });

    expect(report).toMatchObject({ failed: 1, retrying: 0 });
    expect(api.calls).toHaveLength(1);
    expect(await quota(PEOPLE.handler.id)).toBe(1);
    const [n] = await store.find('notifications');
    expect(n).toMatchObject({ status: 'failed', error: expect.stringContaining('47003') });
    const events = await store.events({ entityId: n!.id });
    expect(events.map((e) => e.to)).toEqual(['pending', 'failed']);
  });

  it('retries a busy WeChat after 5, then 10 minutes, and gives up after the last attempt', async () => {
    await seedWorld(store, { tasks: [task('t1', { reply: '2026-03-08' })] });
    await subscribe(PEOPLE.handler.id, { quota: 5 });
    api.answers.push({ errcode: -1, errmsg: 'system busy' }, { errcode: -1, errmsg: 'system busy' }, { errcode: -1, errmsg: 'system busy' });
    const clock = clockAt(nineAm('2026-03-01'));
    const run = async (instant: string) => {
      clock.set(instant);
      return runSweep({ store, clock, notifier: sender, config });
    };

    expect(await run('2026-03-01T01:00:00.000Z')).toMatchObject({ retrying: 1 });
    expect((await store.find('notifications'))[0]?.nextAttemptAt).toBe('2026-03-01T01:05:00.000Z');
    expect(await run('2026-03-01T01:04:00.000Z')).toMatchObject({ sent: 0, retrying: 0 }); // not yet
    expect(await run('2026-03-01T01:05:00.000Z')).toMatchObject({ retrying: 1 });
    expect((await store.find('notifications'))[0]?.nextAttemptAt).toBe('2026-03-01T01:15:00.000Z');
    expect(await run('2026-03-01T01:15:00.000Z')).toMatchObject({ failed: 1 });

    expect(api.calls).toHaveLength(3);
    expect(await quota(PEOPLE.handler.id)).toBe(5);
    expect(await statuses()).toEqual(['failed']);
  });

  it('holds sends during quiet hours and sends them after 08:00 Shanghai time', async () => {
    await seedWorld(store, { tasks: [task('t1', { reply: '2026-03-08' })] });
    await subscribe(PEOPLE.handler.id, { quota: 1 });
    const clock = clockAt('2026-03-01T14:30:00.000Z'); // 22:30 in Shanghai

    const night = await runSweep({ store, clock, notifier: sender, config });
    clock.set('2026-03-01T23:59:00.000Z'); // 07:59
    const dawn = await runSweep({ store, clock, notifier: sender, config });
    clock.set('2026-03-02T00:00:00.000Z'); // 08:00
    const morning = await runSweep({ store, clock, notifier: sender, config });

    expect(night).toMatchObject({ written: 1, sent: 0, held: 1 });
    expect(dawn).toMatchObject({ sent: 0, held: 1 });
    expect(morning).toMatchObject({ sent: 1, held: 0 });
    expect(api.calls).toHaveLength(1);
  });
});
