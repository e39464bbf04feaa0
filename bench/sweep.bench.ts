// The reminder sweep over 10,000 due tasks in a SQLite file (WAL, synchronous=FULL): how many bounded
// runs the day's scan takes and how long each run is, then what a later run of the same day costs
// (nothing to scan) and what the next day's full rescan costs (few new reminders).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDays } from '../src/core/calendar';
import type { Suggestion, Task, Unit, User } from '../src/core/model';
import { openSqliteStore, type SqliteStore } from '../src/server/adapters/sqlite/sqlite.store';
import { DEFAULT_REMINDER_CONFIG, createLocalOutboxNotifier, runSweep, type SweepReport } from '../src/server/reminders';
import { median } from './stats';

const TASKS = 10_000;
const UNITS = 100;
const BATCH = 1_000;
const TODAY = '2026-03-01';
const CREATED = '2026-01-01T00:00:00.000Z';

async function seed(store: SqliteStore): Promise<void> {
  const units: Unit[] = Array.from({ length: UNITS }, (_, i) => ({ id: `u${i}`, name: `承办单位${i}`, departments: ['综合处'] }));
  const staff: User[] = units.flatMap((u, i) =>
    (['handler', 'reviewer', 'leader'] as const).map((role) => ({
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
  const people: User[] = [
    ...staff,
    { id: 'coordinator', name: '联络员', roles: ['coordinator'], createdAt: CREATED, version: 1 },
    { id: 'deputy', name: '代表', roles: ['deputy'], createdAt: CREATED, version: 1 },
  ];
  const suggestions: Suggestion[] = Array.from({ length: TASKS / 2 }, (_, i) => ({
    id: `s${i}`,
    number: String(1000 + i),
    title: `关于第${i}项民生事项的建议`,
    content: '内容',
    leadDeputyId: 'deputy',
    coSignerIds: [],
    delegation: '代表团',
    session: '十八届一次',
    phase: 'session',
    tags: [],
    keySupervised: false,
    createdAt: CREATED,
    version: 1,
  }));
  const tasks: Task[] = Array.from({ length: TASKS }, (_, i) => ({
    id: `t${String((i * 7919) % TASKS).padStart(6, '0')}`,
    suggestionId: `s${i % (TASKS / 2)}`,
    unitId: `u${i % UNITS}`,
    role: 'lead',
    responsibleUserId: `handler-${i % UNITS}`,
    state: 'handling',
    round: 1,
    assignedAt: CREATED,
    due: { reply: addDays(TODAY, (i % 20) - 4), returnWindow: '2026-01-06' },
    updatedAt: CREATED,
    version: 1,
  }));
  await store.transaction(async (tx) => {
    for (const u of units) tx.insert('units', u);
    for (const p of people) tx.insert('users', p);
    for (const s of suggestions) tx.insert('suggestions', s);
    for (const t of tasks) tx.insert('tasks', t);
  });
}

export async function benchSweep(): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sweep-bench-'));
  const store = openSqliteStore(path.join(dir, 'store.db'));
  try {
    await seed(store);
    let now = `${TODAY}T01:00:00.000Z`;
    const clock = { now: () => now };
    const notifier = createLocalOutboxNotifier();
    const config = { ...DEFAULT_REMINDER_CONFIG, batchSize: BATCH, sendBatch: 20_000, timeBudgetMs: 600_000 };

    const reports: SweepReport[] = [];
    const times: number[] = [];
    do {
      const started = performance.now();
      reports.push(await runSweep({ store, clock, notifier, config }));
      times.push(performance.now() - started);
      now = new Date(Date.parse(now) + 60_000).toISOString();
    } while (!reports[reports.length - 1]!.scanComplete);

    const idle: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await runSweep({ store, clock, notifier, config });
      idle.push(performance.now() - started);
    }

    now = `${addDays(TODAY, 1)}T01:00:00.000Z`;
    const nextDay = { ...config, batchSize: 100_000 };
    const startedNextDay = performance.now();
    const rescan = await runSweep({ store, clock, notifier, config: nextDay });
    const rescanMs = performance.now() - startedNextDay;

    const written = reports.reduce((n, r) => n + r.written, 0);
    const totalMs = times.reduce((a, b) => a + b, 0);
    return {
      tasks: TASKS,
      batchSize: BATCH,
      runs: reports.length,
      medianMsPerRun: median(times),
      maxMsPerRun: Math.max(...times),
      totalMs,
      remindersWrittenAndSent: written,
      msPerReminder: totalMs / written,
      idleRunMedianMs: median(idle),
      nextDayRescanMs: rescanMs,
      nextDayNewReminders: rescan.written,
    };
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
