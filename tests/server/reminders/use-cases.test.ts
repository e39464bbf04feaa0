// The coordinator's 催办 (tasks.urge, through the api), the record of what a user subscribed to
// (subscriptions.record) and the in-app inbox (notifications.mine).
import type { ApiResponse } from '../../../src/core/errors';
import type { Notification } from '../../../src/core/model';
import { createApi } from '../../../src/server/api';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import type { Clock, Notifier } from '../../../src/server/ports';
import { createLocalOutboxNotifier } from '../../../src/server/reminders/local-outbox.notifier';
import { subscriptionId } from '../../../src/server/reminders/subscriptions';
import { runSweep } from '../../../src/server/reminders/sweep';
import { listNotifications } from '../../../src/server/use-cases/list-notifications';
import { recordSubscription } from '../../../src/server/use-cases/record-subscription';
import type { UseCase, UseCaseContext } from '../../../src/server/use-case';
import { SHANDONG_POLICY } from '../../../src/core/policy';
import { parseData } from '../../../src/server/validation';
import { PEOPLE, clockAt, nineAm, seedWorld, suggestion, task, testConfig } from './support/world';

let store: SqliteStore;
afterEach(() => store.close());

/** Runs one use case the way the api router does: validated data, the bound caller, one clock reading. */
async function call<D, R>(useCase: UseCase<never, D, R>, openid: string, data: unknown, clock: Clock, notifier?: Notifier): Promise<R> {
  const [user] = await store.find('users', { where: { openid } });
  const now = clock.now();
  const ctx: UseCaseContext = {
    deps: { store, clock, policy: SHANDONG_POLICY, notifier, reminderConfig: testConfig(), log: () => undefined },
    openid,
    user: user ?? null,
    now,
    write: (fn) => store.transaction(fn),
  };
  return useCase.run(parseData(useCase.schema, data), ctx);
}

const openid = (who: keyof typeof PEOPLE) => PEOPLE[who].openid!;

describe('tasks.urge', () => {
  async function setUp(keySupervised = false, at = nineAm('2026-03-01')) {
    store = openSqliteStore(':memory:');
    await seedWorld(store, { suggestions: [{ ...suggestion('s1'), keySupervised }], tasks: [task('t1', { reply: '2026-05-01' })] });
    const clock = clockAt(at);
    const notifier = createLocalOutboxNotifier();
    const api = createApi({ store, clock, notifier });
    const urge = (who: keyof typeof PEOPLE, message?: string) =>
      api({ action: 'tasks.urge', data: { taskId: 't1', ...(message ? { message } : {}) } }, { openid: openid(who) });
    return { clock, notifier, urge };
  }

  it("writes the coordinator's urging to the outbox for the task's handler and reviewer, sent by the next run of reminders (never inside the request), and records it on the task", async () => {
    const { clock, notifier, urge } = await setUp();

    const response = (await urge('coordinator', '请本周内完成答复')) as ApiResponse<{ notified: number; task: { id: string } }>;

    expect(response).toMatchObject({ ok: true, data: { notified: 2, task: { id: 't1' } } });
    expect(notifier.deliveries).toEqual([]);
    expect((await store.find('notifications')).map((n) => [n.kind, n.status])).toEqual([
      ['urge', 'pending'],
      ['urge', 'pending'],
    ]);
    await runSweep({ store, clock, notifier, config: testConfig() });
    expect(notifier.deliveries.map((d) => d.userId).sort()).toEqual([PEOPLE.handler.id, PEOPLE.reviewer.id].sort());
    expect(notifier.deliveries[0]).toMatchObject({ title: '督办提醒', body: expect.stringContaining('督办意见：请本周内完成答复') });
    const t1 = await store.get('tasks', 't1');
    expect(t1).toMatchObject({ lastUrgedAt: nineAm('2026-03-01'), version: 1 });
    const events = await store.events({ entityId: 't1' });
    expect(events.map((e) => [e.action, e.actorId])).toEqual([['tasks.urge', PEOPLE.coordinator.id]]);
  });

  it('quotes the deadline the task works against: a 会办 task its 会办意见期限, not the reply deadline', async () => {
    store = openSqliteStore(':memory:');
    await seedWorld(store, { tasks: [task('t1', { role: 'co', reply: '2026-05-01', due: { coOpinion: '2026-02-20' } })] });
    const notifier = createLocalOutboxNotifier();
    const api = createApi({ store, clock: clockAt(nineAm('2026-03-01')), notifier });
    expect(await api({ action: 'tasks.urge', data: { taskId: 't1' } }, { openid: openid('coordinator') })).toMatchObject({ ok: true });
    const [sent] = (await store.find('notifications', { where: { userId: PEOPLE.handler.id } })).filter((n) => n.taskId === 't1');
    expect(sent!.body).toContain('会办意见期限为2026-02-20，已超期9天');
    expect(sent!.body).not.toContain('答复期限');
    expect(sent!.params).toMatchObject({ deadline: '会办意见期限', dueDate: '2026-02-20' });
  });

  it('reaches the unit leader too when the suggestion is under key supervision', async () => {
    const { clock, notifier, urge } = await setUp(true);
    await urge('coordinator');
    await runSweep({ store, clock, notifier, config: testConfig() });
    expect(notifier.deliveries.map((d) => d.userId).sort()).toEqual([PEOPLE.handler.id, PEOPLE.reviewer.id, PEOPLE.leader.id].sort());
  });

  it('is refused to anyone but the office', async () => {
    const { urge } = await setUp();
    expect(await urge('handler')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: '只有建议办理联络员或管理员可以催办' } });
  });

  it('urges a task once a day', async () => {
    const { clock, urge } = await setUp();
    await urge('coordinator');
    expect(await urge('coordinator')).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '今天已催办过该任务，请明天再催办' } });
    clock.set(nineAm('2026-03-02'));
    expect(await urge('coordinator')).toMatchObject({ ok: true, data: { notified: 2 } });
  });

  it('does not urge a closed task', async () => {
    store = openSqliteStore(':memory:');
    await seedWorld(store, { tasks: [task('t1', { state: 'closed', reply: '2026-05-01' })] });
    const api = createApi({ store, clock: clockAt(nineAm('2026-03-01')) });
    expect(await api({ action: 'tasks.urge', data: { taskId: 't1' } }, { openid: openid('coordinator') })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
  });

  it('holds an urging made at night and lets the next sweep after 08:00 send it', async () => {
    const { clock, notifier, urge } = await setUp(false, '2026-03-01T15:00:00.000Z'); // 23:00 in Shanghai
    expect(await urge('coordinator')).toMatchObject({ ok: true, data: { notified: 2 } });
    expect(notifier.deliveries).toHaveLength(0);

    clock.set('2026-03-02T00:00:00.000Z');
    const report = await runSweep({ store, clock, notifier, config: testConfig() });
    expect(report.sent).toBe(2);
    expect(notifier.deliveries.map((d) => d.title)).toEqual(['督办提醒', '督办提醒']);
  });
  it("takes its configuration from the server's deps, never from the process environment", async () => {
    store = openSqliteStore(':memory:');
    await seedWorld(store, { tasks: [task('t1', { reply: '2026-05-01' })] });
    const notifier = createLocalOutboxNotifier();
    const saved = { ...process.env };
    process.env.REMINDER_TASK_PAGE = 'pages/from-environment/index?taskId={taskId}';
    process.env.REMINDER_QUIET_HOURS = '00:00-23:59';
    try {
      const reminderConfig = testConfig({ taskPage: 'pages/from-deps/index?taskId={taskId}', quietHours: undefined });
      const api = createApi({ store, clock: clockAt('2026-03-01T15:00:00.000Z'), notifier, reminderConfig });
      expect(await api({ action: 'tasks.urge', data: { taskId: 't1' } }, { openid: openid('coordinator') })).toMatchObject({ ok: true });
    } finally {
      process.env = saved;
    }
    expect((await store.find('notifications')).map((n) => n.page)).toEqual(['pages/from-deps/index?taskId=t1', 'pages/from-deps/index?taskId=t1']);
    expect(notifier.deliveries).toEqual([]);
  });
});

describe('me', () => {
  it('names the subscribe-message templates of the configuration the server was given', async () => {
    store = openSqliteStore(':memory:');
    await seedWorld(store);
    const template = { fields: {}, longTerm: false };
    const reminderConfig = testConfig({ templates: { deadline: { id: 'T-deadline', ...template }, urge: { id: 'T-urge', ...template } } });
    const api = createApi({ store, clock: clockAt(nineAm('2026-03-01')), reminderConfig });
    expect(await api({ action: 'me' }, { openid: openid('handler') })).toMatchObject({
      ok: true,
      data: { subscribeTemplateIds: ['T-deadline', 'T-urge'] },
    });
  });
});

describe('subscriptions.record', () => {
  const at = clockAt(nineAm('2026-03-01'));
  const record = (results: { templateId: string; accepted: boolean; longTerm?: boolean }[]) =>
    call(recordSubscription as never, openid('handler'), { results }, at) as Promise<{ recorded: number }>;
  const subscriptionOf = (templateId: string) => store.get('subscriptions', subscriptionId(PEOPLE.handler.id, templateId));

  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    await seedWorld(store);
  });

  it('counts each one-time acceptance as one more message allowed', async () => {
    await record([{ templateId: 'T1', accepted: true }]);
    await record([{ templateId: 'T1', accepted: true }, { templateId: 'T2', accepted: false }]);

    expect(await subscriptionOf('T1')).toMatchObject({ quota: 2, longTerm: false });
    // A refusal allows nothing, and is remembered so that the app stops asking at taps; accepting clears it.
    expect(await subscriptionOf('T2')).toMatchObject({ quota: 0, longTerm: false, refusedBy: 'person' });
    await record([{ templateId: 'T2', accepted: true }]);
    const accepted = await subscriptionOf('T2');
    expect(accepted).toMatchObject({ quota: 1 });
    expect(accepted?.refusedAt).toBeUndefined();
  });

  it('keeps a long-term acceptance until the user refuses that template', async () => {
    expect(await record([{ templateId: 'T1', accepted: true, longTerm: true }])).toEqual({ recorded: 1 });
    expect(await subscriptionOf('T1')).toMatchObject({ longTerm: true });

    await record([{ templateId: 'T1', accepted: false, longTerm: true }]);
    expect(await subscriptionOf('T1')).toMatchObject({ longTerm: false });
  });

  it('audits every change of a subscription', async () => {
    await record([{ templateId: 'T1', accepted: true }]);
    const events = await store.events({ entityId: subscriptionId(PEOPLE.handler.id, 'T1') });
    expect(events.map((e) => [e.action, e.from, e.to, e.actorId])).toEqual([['subscriptions.record', 'none', 'quota:1', PEOPLE.handler.id]]);
  });

  it('refuses an empty answer, naming the field in Chinese', async () => {
    await expect(record([])).rejects.toMatchObject({ code: 'VALIDATION', message: '「订阅结果」至少需要1项' });
  });
});

describe('notifications.mine', () => {
  it("shows the caller's own notifications newest first, whether sent, failed or without a subscription", async () => {
    store = openSqliteStore(':memory:');
    await seedWorld(store);
    const row = (id: string, userId: string, status: Notification['status'], createdAt: string, readAt?: string): Notification => ({
      id,
      key: id,
      userId,
      kind: 'reply',
      title: `提醒${id}`,
      body: '正文',
      page: 'pages/work/detail/index?id=s1',
      status,
      attempts: 1,
      createdAt,
      ...(readAt ? { readAt } : {}),
    });
    await store.transaction(async (tx) => {
      tx.insert('notifications', row('a', PEOPLE.handler.id, 'sent', '2026-03-01T01:00:00.000Z', '2026-03-01T02:00:00.000Z'));
      tx.insert('notifications', row('b', PEOPLE.handler.id, 'noQuota', '2026-03-02T01:00:00.000Z'));
      tx.insert('notifications', row('c', PEOPLE.handler.id, 'failed', '2026-03-03T01:00:00.000Z'));
      tx.insert('notifications', row('d', PEOPLE.reviewer.id, 'sent', '2026-03-03T01:00:00.000Z'));
    });
    const clock = clockAt(nineAm('2026-03-04'));

    const all = (await call(listNotifications as never, openid('handler'), {}, clock)) as { items: { id: string; status: string }[] };
    const unread = (await call(listNotifications as never, openid('handler'), { unreadOnly: true }, clock)) as { items: { id: string }[] };

    expect(all.items.map((i) => [i.id, i.status])).toEqual([
      ['c', 'failed'],
      ['b', 'noQuota'],
      ['a', 'sent'],
    ]);
    expect(unread.items.map((i) => i.id)).toEqual(['c', 'b']);
  });
});
