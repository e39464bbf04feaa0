// What CloudBase would bill: database requests, counted by the emulator (tests/support/cloudbase-emulator)
// that the real wx-server-sdk talks to. The reminder sweep over 30,000 tasks at 50 ms a request
// (simulated on the emulator's clock, which the sweep reads): runs and requests for the day as a function
// of the tasks with a reminder due, and the longest run; then the requests of a few api actions.
import '../tests/support/cloudbase-emulator/cloud-env';
import type { Notification, Suggestion, Task, Unit, User } from '../src/core/model';
import { createApi } from '../src/server/api';
import { seedDemo } from '../src/server/setup/demo-data';
import type { Clock, DeliveryResult, Notifier } from '../src/server/ports';
import { DEFAULT_REMINDER_CONFIG, runSweep } from '../src/server/reminders';
import { freshCloudStore, sharedEmulator } from '../tests/support/cloudbase-emulator/sdk';

const START = Date.parse('2026-03-01T01:00:00.000Z'); // 09:00 in Shanghai
const CREATED = '2026-01-01T00:00:00.000Z';
const TASKS = 30_000;

function office(dueEvery: number) {
  const units: Unit[] = Array.from({ length: 100 }, (_, i) => ({ id: `u${i}`, name: `承办单位${i}`, departments: ['综合处'] }));
  const staff: User[] = units.flatMap((u, i) =>
    (['handler', 'reviewer'] as const).map((role) => ({ id: `${role}-${i}`, openid: `o-${role}-${i}`, name: `${role}${i}`, roles: [role], unitId: u.id, department: '综合处', createdAt: CREATED, version: 1 })),
  );
  const suggestions: Suggestion[] = Array.from({ length: TASKS / 2 }, (_, i) => ({
    id: `s${String(i).padStart(5, '0')}`, number: String(10000 + i), title: `关于第${i}项工作的建议`, content: '内容', leadDeputyId: 'd1', coSignerIds: [],
    delegation: '历下区代表团', session: '十八届一次', phase: 'session', tags: [], keySupervised: false, createdAt: CREATED, assignedAt: CREATED, version: 1,
  }));
  const dues = ['2026-03-04', '2026-03-08', '2026-03-01'];
  let due = 0;
  const tasks: Task[] = Array.from({ length: TASKS }, (_, i) => {
    const isDue = dueEvery > 0 && i % dueEvery === 0;
    if (isDue) due += 1;
    return {
      id: `t${String(i).padStart(6, '0')}`, suggestionId: `s${String(Math.floor(i / 2)).padStart(5, '0')}`, unitId: `u${i % 100}`, role: 'lead', responsibleUserId: `handler-${i % 100}`,
      state: 'handling', round: 1, assignedAt: CREATED, claimedAt: CREATED, due: { reply: isDue ? dues[i % 3]! : `2026-${String(4 + (i % 6)).padStart(2, '0')}-15`, returnWindow: '2026-01-06' },
      updatedAt: CREATED, version: 1,
    };
  });
  const withId = <T extends { id: string }>(docs: T[]) => docs.map((d) => ({ _id: d.id, _rev: 1, ...d }));
  return { due, load: (e: Awaited<ReturnType<typeof sharedEmulator>>) => {
    e.load('units', withId(units)); e.load('users', withId(staff)); e.load('suggestions', withId(suggestions)); e.load('ledgerRows', tasks.map((t) => ({ _id: t.id, _rev: 1, task: t }))); // a task lives in its ledger row (cloudbase.tasks.ts)
  } };
}

export async function benchCloudRequests(): Promise<Record<string, number>> {
  const emulator = await sharedEmulator({ clockStart: START });
  const clock: Clock = { now: () => new Date(emulator.now()).toISOString() };
  const figures: Record<string, number> = {};
  for (const dueEvery of [0, 200, 20]) {
    const store = await freshCloudStore(emulator);
    const world = office(dueEvery);
    world.load(emulator);
    emulator.setLatency(0, 50);
    const sent: string[] = [];
    const notifier: Notifier = { async deliver(n: Notification): Promise<DeliveryResult> { emulator.advance(50); sent.push(n.id); return { status: 'sent' }; } };
    let requests = 0;
    let longest = 0;
    let runs = 0;
    for (; runs < 200; ) {
      emulator.resetCounter();
      const before = emulator.now();
      const report = await runSweep({ store, clock, notifier, config: { ...DEFAULT_REMINDER_CONFIG, quietHours: undefined } });
      runs += 1;
      requests += emulator.requests;
      longest = Math.max(longest, emulator.now() - before);
      if (report.scanComplete && report.sent + report.retrying === 0 && report.written === 0) break;
      emulator.advance(10 * 60_000);
    }
    emulator.setLatency(0, 0);
    const label = `${world.due} due of 30,000`;
    figures[`sweep ${label}: runs for the day`] = runs;
    figures[`sweep ${label}: requests for the day`] = requests;
    figures[`sweep ${label}: messages sent`] = sent.length;
    figures[`sweep ${label}: longest run, s at 50 ms/request`] = longest / 1000;
  }
  // A few api actions on the demo office.
  const store = await freshCloudStore(emulator);
  await seedDemo(store, new Date(START).toISOString());
  const api = createApi({ store, clock, log: () => undefined });
  const count = async (label: string, openid: string, action: string, data?: unknown) => {
    emulator.resetCounter();
    await api({ action, data }, { openid });
    figures[`requests: ${label}`] = emulator.requests;
  };
  await count('me', 'demo-handler', 'me');
  await count('tasks.mine', 'demo-handler', 'tasks.mine', {});
  await count('suggestions.list (coordinator)', 'demo-coordinator', 'suggestions.list', {});
  await count('units.upsert', 'demo-coordinator', 'units.upsert', { name: '市统计局' });
  await emulator.close();
  return figures;
}
