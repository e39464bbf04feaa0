// The reminder sweep on the CloudBase adapter against the emulator: a run cut at any request (the
// function killed there) and the runs after it deliver every due reminder exactly once; and with
// 30,000 tasks at 50 ms a request (the emulator's simulated clock, which the sweep reads), every run
// stays inside the function's 60 seconds.
import type { Notification, Suggestion, Task, Unit, User } from '../../../src/core/model';
import type { Clock, DeliveryResult, Notifier, Store } from '../../../src/server/ports';
import { runSweep, type SweepReport } from '../../../src/server/reminders/sweep';
import type { CloudBaseEmulator } from '../../support/cloudbase-emulator';
import { freshCloudStore, sharedEmulator } from '../../support/cloudbase-emulator/sdk';
import { CREATED, seedWorld, task, testConfig } from './support/world';

const START = Date.parse('2026-03-01T01:00:00.000Z'); // 09:00 in Shanghai

let emulator: CloudBaseEmulator;
beforeAll(async () => {
  emulator = await sharedEmulator({ clockStart: START });
});
afterAll(() => emulator.close());

/** The sweep's clock is the emulator's: it moves with every request's simulated latency. */
const clock: Clock = { now: () => new Date(emulator.now()).toISOString() };

/** A WeChat stand-in recording every delivery; each send takes `ms` on the emulator's clock. */
function recordingNotifier(ms = 0): Notifier & { keys: string[] } {
  const keys: string[] = [];
  return {
    keys,
    async deliver(n: Notification): Promise<DeliveryResult> {
      emulator.advance(ms);
      keys.push(n.key);
      return { status: 'sent' };
    },
  };
}

const WORLD_TASKS = [
  task('t-soon', { reply: '2026-03-08' }),
  task('t-today', { reply: '2026-03-01' }),
  task('t-late', { reply: '2026-02-27' }),
  task('t-window', { reply: '2026-06-01', state: 'assigned', due: { returnWindow: '2026-03-02' } }),
  task('t-far', { reply: '2026-06-01' }),
];

async function freshWorld(): Promise<Store> {
  emulator.setLatency(0, 0);
  const store = await freshCloudStore(emulator);
  await seedWorld(store, { tasks: WORLD_TASKS });
  return store;
}

const config = testConfig({ pageSize: 3, writeChunk: 2, sendBatch: 100 });

describe('the reminder sweep on the emulated cloud', () => {
  it('cut at every request of its run, then run again: every due reminder is delivered exactly once', async () => {
    // The uninterrupted run: what should be delivered, and how many requests a run makes.
    const baseline = recordingNotifier();
    let store = await freshWorld();
    emulator.resetCounter();
    await runSweep({ store, clock, notifier: baseline, config });
    const requests = emulator.requests;
    const expected = [...baseline.keys].sort();
    expect(expected.length).toBeGreaterThan(4);
    expect(requests).toBeGreaterThan(10);

    for (let n = 1; n <= requests; n += 1) {
      store = await freshWorld();
      const notifier = recordingNotifier();
      emulator.resetCounter();
      emulator.cutAfter(n - 1); // the n-th request and everything after it never reach the service
      await runSweep({ store, clock, notifier, config }).catch(() => undefined);
      emulator.cutAfter(undefined);
      // The dead run's open transaction expires (30 s) and its claims' leases end (2 min).
      emulator.advance(3 * 60_000);
      for (let run = 0; run < 4; run += 1) {
        const report = await runSweep({ store, clock, notifier, config });
        if (report.scanComplete && report.sent + report.failed + report.retrying === 0) break;
      }
      expect([n, [...notifier.keys].sort()]).toEqual([n, expected]);
    }
  }, 300_000);

  it('with 30,000 tasks at 50 ms a request, every run stays inside 60 s and the day\'s scan completes over runs', async () => {
    const store = await freshCloudStore(emulator);
    seedLargeOffice(30_000);
    emulator.setLatency(0, 50);
    const notifier = recordingNotifier(50);
    const reports: (SweepReport & { simulatedMs: number; requests: number })[] = [];
    try {
      for (let run = 0; run < 12; run += 1) {
        emulator.resetCounter();
        const before = emulator.now();
        const report = await runSweep({ store, clock, notifier, config: { ...testConfig(), timeBudgetMs: 25_000, sendBudgetMs: 20_000 } });
        reports.push({ ...report, simulatedMs: emulator.now() - before, requests: emulator.requests });
        if (report.scanComplete && report.sent === 0) break;
        emulator.advance(10 * 60_000); // the timer's next run
      }
    } finally {
      emulator.setLatency(0, 0);
    }
    for (const r of reports) expect(r.simulatedMs).toBeLessThan(60_000);
    expect(reports.some((r) => r.scanComplete)).toBe(true);
    expect(reports.reduce((n, r) => n + r.scanned, 0)).toBeGreaterThan(1000);
    expect(new Set(notifier.keys).size).toBe(notifier.keys.length);
  }, 600_000);
});

/** 30,000 tasks of 100 units, about one in twenty with a reminder due today, loaded as the console imports. */
function seedLargeOffice(tasks: number) {
  const units: Unit[] = Array.from({ length: 100 }, (_, i) => ({ id: `u${i}`, name: `承办单位${i}`, departments: ['综合处'] }));
  const staff: User[] = units.flatMap((u, i) =>
    (['handler', 'reviewer'] as const).map((role) => ({
      id: `${role}-${i}`,
      openid: `o-${role}-${i}`,
      name: `${role}${i}`,
      roles: [role],
      unitId: u.id,
      department: '综合处',
      createdAt: CREATED,
      version: 1,
    })),
  );
  const suggestions: Suggestion[] = Array.from({ length: tasks / 2 }, (_, i) => ({
    id: `s${String(i).padStart(5, '0')}`,
    number: String(10000 + i),
    title: `关于第${i}项工作的建议`,
    content: '内容',
    leadDeputyId: 'd1',
    coSignerIds: [],
    delegation: '历下区代表团',
    session: '十八届一次',
    phase: 'session',
    tags: [],
    keySupervised: false,
    createdAt: CREATED,
    assignedAt: CREATED,
    version: 1,
  }));
  // Due dates spread over six months: 1 in 20 falls on a reminder threshold today (3 or 7 days ahead, or due).
  const dues = ['2026-03-04', '2026-03-08', '2026-03-01'];
  const all: Task[] = Array.from({ length: tasks }, (_, i) => ({
    ...task(`t${String(i).padStart(6, '0')}`, {
      reply: i % 20 === 0 ? dues[(i / 20) % 3]! : `2026-${String(4 + (i % 6)).padStart(2, '0')}-15`,
      responsibleUserId: `handler-${i % 100}`,
    }),
    suggestionId: `s${String(Math.floor(i / 2)).padStart(5, '0')}`,
    unitId: `u${i % 100}`,
  }));
  const withId = <T extends { id: string }>(docs: T[]) => docs.map((d) => ({ _id: d.id, _rev: 1, ...d }));
  emulator.load('units', withId(units));
  emulator.load('users', withId(staff));
  emulator.load('suggestions', withId(suggestions));
  // On CloudBase a task is kept inside its ledger row (cloudbase.tasks.ts); without rows loaded here,
  // each task is a document holding it alone.
  emulator.load('ledgerRows', all.map((t) => ({ _id: t.id, _rev: 1, task: t })));
}
