// 10,000 due tasks in a real SQLite file: each run reads at most one batch through the due-date
// indexes, the stored cursor carries the scan over to the next run, and at the end every due
// reminder is in the outbox and sent exactly once — none missed, none twice, nothing far off read.
import { SHANDONG_POLICY } from '../../../src/core/policy';
import { addDays } from '../../../src/core/calendar';
import { dueReminders } from '../../../src/core/reminders';
import type { Task } from '../../../src/core/model';
import type { ReminderRecipient } from '../../../src/core/policy';
import { createLocalOutboxNotifier } from '../../../src/server/reminders/local-outbox.notifier';
import { runSweep, type SweepReport } from '../../../src/server/reminders/sweep';
import { PEOPLE, clockAt, insertTasks, nineAm, seedWorld, suggestion, task, tempSqlite, testConfig } from './support/world';

const TODAY = '2026-03-01';
const DUE = 10_000;
const FAR = 2_000;
const BATCH = 1_000;

const ROLE_USER: Record<ReminderRecipient, string> = {
  handler: PEOPLE.handler.id,
  reviewer: PEOPLE.reviewer.id,
  leader: PEOPLE.leader.id,
  coordinator: PEOPLE.coordinator.id,
  deputy: PEOPLE.deputy.id,
};

describe('a sweep over 10,000 due tasks', () => {
  const temp = tempSqlite();
  afterAll(() => temp.remove());

  it('works through them in bounded batches across runs and reminds of every one exactly once', async () => {
    const store = temp.open();
    const id = (i: number) => `t${String(i).padStart(6, '0')}`;
    const due: Task[] = Array.from({ length: DUE }, (_, i) =>
      task(id(i), { suggestionId: `s${i % 500}`, reply: addDays(TODAY, (i % 20) - 4) }), // 4 days overdue … 15 days left
    );
    const far: Task[] = Array.from({ length: FAR }, (_, i) => task(id(DUE + i), { suggestionId: `s${i % 500}`, reply: addDays(TODAY, 40 + (i % 30)) }));
    await seedWorld(store, { suggestions: Array.from({ length: 500 }, (_, i) => suggestion(`s${i}`)) });
    const all = [...far, ...due];
    await insertTasks(store, all.map((_, i) => all[(i * 7919) % all.length]!)); // not in id order

    const expected = new Set(
      due.flatMap((t) => dueReminders(t, TODAY, SHANDONG_POLICY).flatMap((r) => [...new Set(r.recipients.map((who) => ROLE_USER[who]))].map((u) => `${r.key}:${u}`))),
    );
    const clock = clockAt(nineAm(TODAY));
    const notifier = createLocalOutboxNotifier({ keep: 1_000_000 });
    const config = testConfig({ batchSize: BATCH, pageSize: 300, sendBatch: 5_000 });

    const reports: SweepReport[] = [];
    do {
      reports.push(await runSweep({ store, clock, notifier, config }));
      clock.set(new Date(Date.parse(clock.now()) + 60_000).toISOString());
    } while (!reports[reports.length - 1]!.scanComplete && reports.length < 50);

    expect(reports.every((r) => r.scanned <= BATCH)).toBe(true);
    expect(reports.length).toBeGreaterThanOrEqual(DUE / BATCH);
    expect(reports.slice(0, -1).every((r) => r.stoppedBy === 'batch')).toBe(true);
    expect(reports.reduce((n, r) => n + r.scanned, 0)).toBe(DUE); // the far-off tasks were never read
    const keys = (await store.find('notifications')).map((n) => n.key);
    expect(keys).toHaveLength(expected.size);
    expect(new Set(keys)).toEqual(expected);
    const delivered = notifier.deliveries.map((d) => d.notificationId);
    expect(delivered).toHaveLength(expected.size);
    expect(new Set(delivered).size).toBe(expected.size);
    expect(await store.count('notifications', { where: { status: 'pending' } })).toBe(0);
    store.close();
  }, 120_000);

  it('resumes a run cut short by its time budget from the stored cursor, missing nothing', async () => {
    const store = temp.open(); // the same file: a new day, a new scan
    const clock = clockAt(nineAm(addDays(TODAY, 1)));
    const config = testConfig({ batchSize: 100_000, pageSize: 200, timeBudgetMs: 1 });
    const notifier = createLocalOutboxNotifier({ keep: 1_000_000 });

    const reports: SweepReport[] = [];
    do {
      reports.push(await runSweep({ store, clock, notifier, config }));
    } while (!reports[reports.length - 1]!.scanComplete && reports.length < 500);

    expect(reports.some((r) => r.stoppedBy === 'time')).toBe(true);
    expect(reports[reports.length - 1]!.scanComplete).toBe(true);
    // Tomorrow, exactly the tasks whose next threshold falls then are reminded again.
    const tomorrow = addDays(TODAY, 1);
    const tasks = await store.find('tasks');
    const sentToday = new Set((await store.find('notifications')).filter((n) => n.createdAt === nineAm(tomorrow)).map((n) => n.key));
    const expected = new Set(
      tasks.flatMap((t) =>
        dueReminders(t, tomorrow, SHANDONG_POLICY)
          .filter((r) => !dueReminders(t, TODAY, SHANDONG_POLICY).some((before) => before.key === r.key))
          .flatMap((r) => [...new Set(r.recipients.map((who) => ROLE_USER[who]))].map((u) => `${r.key}:${u}`)),
      ),
    );
    expect(sentToday).toEqual(expected);
    store.close();
  }, 120_000);
});
