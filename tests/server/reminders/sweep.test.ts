// The sweep: every reminder the core's schedule says is due is written once and sent once, to the
// right people, and every step is audited.
import type { Notification } from '../../../src/core/model';
import { openSqliteStore, type SqliteStore } from '../../../src/server/adapters/sqlite/sqlite.store';
import { createLocalOutboxNotifier } from '../../../src/server/reminders/local-outbox.notifier';
import { runSweep } from '../../../src/server/reminders/sweep';
import { PEOPLE, clockAt, nineAm, seedWorld, suggestion, task, testConfig } from './support/world';

let store: SqliteStore;
afterEach(() => store.close());

async function notifications(): Promise<Notification[]> {
  return store.find('notifications');
}

async function recipientsOf(taskId: string, kind = 'reply'): Promise<Record<string, string[]>> {
  const byKey: Record<string, string[]> = {};
  for (const n of await notifications()) {
    if (n.taskId !== taskId || n.kind !== kind) continue;
    const reminderKey = n.key.slice(0, n.key.lastIndexOf(':'));
    (byKey[reminderKey] ??= []).push(n.userId);
  }
  for (const list of Object.values(byKey)) list.sort();
  return byKey;
}

describe('the reminder sweep', () => {
  it('sends nothing twice: a second sweep, the same day or later, finds every reminder already done', async () => {
    store = openSqliteStore(':memory:');
    await seedWorld(store, {
      tasks: [
        task('t-soon', { reply: '2026-03-08' }), // 7 days left
        task('t-today', { reply: '2026-03-01' }), // due today
        task('t-late', { reply: '2026-02-27' }), // 2 days overdue
        task('t-far', { reply: '2026-06-01' }), // nothing yet
      ],
    });
    const clock = clockAt(nineAm('2026-03-01'));
    const notifier = createLocalOutboxNotifier();
    const config = testConfig();

    const first = await runSweep({ store, clock, notifier, config });
    clock.set('2026-03-01T06:00:00.000Z');
    const second = await runSweep({ store, clock, notifier, config });
    clock.set(nineAm('2026-03-02'));
    const nextDay = await runSweep({ store, clock, notifier, config });

    expect(first).toMatchObject({ written: 5, sent: 5, scanComplete: true });
    expect(second).toMatchObject({ scanned: 0, written: 0, sent: 0 });
    // The next day only what is new goes out: the task due yesterday is now overdue (handler and reviewer).
    expect(nextDay).toMatchObject({ written: 2, sent: 2, scanComplete: true });
    const newKeys = (await notifications()).filter((n) => n.createdAt === nineAm('2026-03-02')).map((n) => n.key);
    expect(newKeys.sort()).toEqual([`t-today:reply:r1:-1:${PEOPLE.handler.id}`, `t-today:reply:r1:-1:${PEOPLE.reviewer.id}`]);
    const ids = notifier.deliveries.map((d) => d.notificationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(7);
    expect((await notifications()).every((n) => n.status === 'sent')).toBe(true);
  });

  it('sends the next reminder when the next threshold comes, and not before', async () => {
    store = openSqliteStore(':memory:');
    await seedWorld(store, { tasks: [task('t1', { reply: '2026-03-16' })] });
    const clock = clockAt(nineAm('2026-03-01')); // 15 days left
    const notifier = createLocalOutboxNotifier();
    const config = testConfig();

    const sentOn = async (date: string) => {
      clock.set(nineAm(date));
      return (await runSweep({ store, clock, notifier, config })).sent;
    };

    expect(await sentOn('2026-03-01')).toBe(1); // 15 days
    expect(await sentOn('2026-03-02')).toBe(0);
    expect(await sentOn('2026-03-08')).toBe(0); // 8 days left: still the 15-day reminder's span
    expect(await sentOn('2026-03-09')).toBe(1); // 7 days
    expect(await sentOn('2026-03-13')).toBe(1); // 3 days
    expect(await sentOn('2026-03-15')).toBe(1); // 1 day
    expect(await sentOn('2026-03-16')).toBe(2); // due day: handler and reviewer
    expect(notifier.deliveries.map((d) => d.title)).toEqual([
      '答复期限提醒：剩余15天',
      '答复期限提醒：剩余7天',
      '答复期限提醒：剩余3天',
      '答复期限提醒：剩余1天',
      '答复期限提醒：今天到期',
      '答复期限提醒：今天到期',
    ]);
  });

  it('escalates overdue reminders: handler and reviewer, then the leader, then the coordinator', async () => {
    store = openSqliteStore(':memory:');
    await seedWorld(store, { tasks: [task('t1', { reply: '2026-03-01' })] });
    const clock = clockAt(nineAm('2026-03-01'));
    const notifier = createLocalOutboxNotifier();
    for (const date of ['2026-03-01', '2026-03-02', '2026-03-05', '2026-03-08', '2026-03-11']) {
      clock.set(nineAm(date));
      await runSweep({ store, clock, notifier, config: testConfig() });
    }

    const { handler: h, reviewer: r, leader: l, coordinator: c } = PEOPLE;
    expect(await recipientsOf('t1')).toEqual({
      't1:reply:r1:0': [h.id, r.id].sort(),
      't1:reply:r1:-1': [h.id, r.id].sort(),
      't1:reply:r1:-4': [h.id, r.id, l.id].sort(),
      't1:reply:r1:-7': [h.id, r.id, l.id, c.id].sort(),
      't1:reply:r1:-10': [h.id, r.id, l.id, c.id].sort(),
    });
  });

  it('reaches every handler and reviewer of the unit while nobody has claimed the task, and nobody of another unit', async () => {
    store = openSqliteStore(':memory:');
    const unclaimed = task('t1', { state: 'assigned', reply: '2026-02-28' });
    delete unclaimed.responsibleUserId;
    delete unclaimed.claimedAt;
    await seedWorld(store, { tasks: [unclaimed] });
    await runSweep({ store, clock: clockAt(nineAm('2026-03-01')), notifier: createLocalOutboxNotifier(), config: testConfig() });

    const { handler, handler2, reviewer, reviewer2 } = PEOPLE;
    expect(await recipientsOf('t1')).toEqual({ 't1:reply:r1:-1': [handler.id, handler2.id, reviewer.id, reviewer2.id].sort() });
  });

  it("sends the co-handler's opinion reminder to the co unit, and the return-window reminder to the handler", async () => {
    store = openSqliteStore(':memory:');
    const co = task('t-co', {
      unitId: 'unit-jt',
      role: 'co',
      responsibleUserId: PEOPLE.otherHandler.id,
      reply: '2026-04-01',
      due: { coOpinion: '2026-03-04', returnWindow: '2026-03-03' },
    });
    await seedWorld(store, { tasks: [co] });
    await runSweep({ store, clock: clockAt(nineAm('2026-03-01')), notifier: createLocalOutboxNotifier(), config: testConfig() });

    expect(await recipientsOf('t-co', 'coOpinion')).toEqual({ 't-co:coOpinion:r1:3': [PEOPLE.otherHandler.id] });
    expect(await recipientsOf('t-co', 'returnWindow')).toEqual({ 't-co:returnWindow:r1:3': [PEOPLE.otherHandler.id] });
  });

  it('asks the lead deputy, not the co-signers, to rate a reply that has waited a week', async () => {
    store = openSqliteStore(':memory:');
    const replied = task('t1', { state: 'replied', reply: '2026-04-01', repliedAt: '2026-02-22T03:00:00.000Z' });
    await seedWorld(store, { tasks: [replied] });
    const notifier = createLocalOutboxNotifier();
    await runSweep({ store, clock: clockAt(nineAm('2026-03-01')), notifier, config: testConfig() });

    expect(await recipientsOf('t1', 'feedback')).toEqual({ 't1:feedback:r1:7': [PEOPLE.deputy.id] });
    expect(notifier.deliveries[0]).toMatchObject({ title: '请评价办理答复', page: 'pages/work/detail/index?id=s1' });
  });

  it('says in the message what is due, by when, and links to the task', async () => {
    store = openSqliteStore(':memory:');
    await seedWorld(store, { suggestions: [suggestion('s1', '关于优化营商环境的建议')], tasks: [task('t1', { reply: '2026-03-04' })] });
    await runSweep({ store, clock: clockAt(nineAm('2026-03-01')), notifier: createLocalOutboxNotifier(), config: testConfig() });

    const [n] = await notifications();
    expect(n).toMatchObject({
      kind: 'reply',
      title: '答复期限提醒：剩余3天',
      body: '《关于优化营商环境的建议》（建议号0001，市发展改革委主办）答复期限为2026-03-04，剩余3天。请按时答复代表。',
      page: 'pages/work/detail/index?id=s1&taskId=t1',
      template: 'deadline',
      params: expect.objectContaining({ title: '关于优化营商环境的建议', dueDate: '2026-03-04', stage: '即将到期' }),
    });
  });

  it('audits each reminder: written to the outbox, then sent', async () => {
    store = openSqliteStore(':memory:');
    await seedWorld(store, { tasks: [task('t1', { reply: '2026-03-04' })] });
    await runSweep({ store, clock: clockAt(nineAm('2026-03-01')), notifier: createLocalOutboxNotifier(), config: testConfig() });

    const [n] = await notifications();
    const events = await store.events({ entityId: n!.id });
    expect(events.map((e) => [e.action, e.from ?? null, e.to, e.actorId])).toEqual([
      ['reminders.outbox', null, 'pending', 'system'],
      ['reminders.send', 'pending', 'sent', 'system'],
    ]);
    expect(events[0]?.suggestionId).toBe('s1');
  });

  it('leaves closed, returned and far-off tasks alone', async () => {
    store = openSqliteStore(':memory:');
    await seedWorld(store, {
      tasks: [
        task('t-closed', { state: 'closed', reply: '2026-02-01' }),
        task('t-returned', { state: 'returned', reply: '2026-02-01' }),
        task('t-far', { reply: '2026-03-17' }), // 16 days: beyond the 15-day threshold
      ],
    });
    const report = await runSweep({ store, clock: clockAt(nineAm('2026-03-01')), notifier: createLocalOutboxNotifier(), config: testConfig() });

    expect(report).toMatchObject({ scanned: 0, written: 0 });
  });
});
