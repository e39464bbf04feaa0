// Run in a child process with the TZ a test chooses: sweeps at instants around Shanghai's midnight
// and 08:00, printing what each run sent as JSON on stdout.
import { openSqliteStore } from '../../../../src/server/adapters/sqlite/sqlite.store';
import { DEFAULT_REMINDER_CONFIG } from '../../../../src/server/reminders/config';
import { createLocalOutboxNotifier } from '../../../../src/server/reminders/local-outbox.notifier';
import { runSweep } from '../../../../src/server/reminders/sweep';
import { clockAt, seedWorld, task, testConfig } from './world';

async function titlesAt(tasks: Parameters<typeof task>[], instants: string[], quiet: boolean): Promise<string[][]> {
  const store = openSqliteStore(':memory:');
  await seedWorld(store, { tasks: tasks.map(([id, fields]) => task(id, fields)) });
  const clock = clockAt(instants[0]!);
  const config = testConfig({ quietHours: quiet ? DEFAULT_REMINDER_CONFIG.quietHours : undefined });
  const out: string[][] = [];
  for (const instant of instants) {
    clock.set(instant);
    const notifier = createLocalOutboxNotifier();
    await runSweep({ store, clock, notifier, config });
    out.push(notifier.deliveries.map((d) => d.title));
  }
  store.close();
  return out;
}

async function main() {
  const result = {
    offsetMinutes: new Date(2026, 2, 1).getTimezoneOffset(),
    dueDay: await titlesAt([['t1', { reply: '2026-03-02' }]], ['2026-03-01T15:59:00.000Z', '2026-03-01T16:00:00.000Z', '2026-03-02T15:59:00.000Z', '2026-03-02T16:00:00.000Z'], false),
    feedback: await titlesAt(
      [['t1', { state: 'replied', reply: '2026-04-01', repliedAt: '2026-02-21T16:30:00.000Z' }]],
      ['2026-02-28T15:59:00.000Z', '2026-02-28T16:00:00.000Z'],
      false,
    ),
    quiet: await titlesAt([['t1', { reply: '2026-03-09' }]], ['2026-03-01T13:59:00.000Z', '2026-03-01T14:00:00.000Z', '2026-03-01T23:59:00.000Z', '2026-03-02T00:00:00.000Z'], true),
  };
  process.stdout.write(JSON.stringify(result));
}

void main();
