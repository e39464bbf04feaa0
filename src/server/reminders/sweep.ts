// The deadline sweep (docs/architecture.md, Deadlines and reminders), run by the timer: scan the tasks lane by lane through the due-date
// indexes, page by page, up to the run's batch and time budget, writing every reminder the core's
// schedule says is due to the outbox; then send what the outbox holds (outside quiet hours). The
// cursor is stored after every page, so a run that stops early is resumed by the next one.
import { shanghaiDate } from '../../core/calendar';
import { AppError } from '../../core/errors';
import type { Task } from '../../core/model';
import { SHANDONG_POLICY, type DeadlinePolicy } from '../../core/policy';
import { dueReminders } from '../../core/reminders';
import { Directory } from '../directory';
import type { Clock, Notifier, Store } from '../ports';
import { DEFAULT_REMINDER_CONFIG, type ReminderConfig } from './config';
import { loadCursor, saveCursor } from './cursor';
import { deliverPending, type DeliveryTally } from './delivery';
import { LANES, laneName, laneQuery, type Lane } from './lanes';
import { reminderMessage } from './messages';
import { writeOutbox, type OutboxEntry } from './outbox';
import { quietUntil } from './quiet-hours';
import { resolveRecipients } from './recipients';

export interface SweepDeps {
  store: Store;
  clock: Clock;
  notifier: Notifier;
  policy?: DeadlinePolicy;
  config?: ReminderConfig;
}

export interface SweepReport extends DeliveryTally {
  /** The Shanghai date the scan belongs to. */
  day: string;
  /** Tasks read by this run. */
  scanned: number;
  /** Reminders written to the outbox by this run (one per recipient). */
  written: number;
  /** Reminders due but with nobody to receive them (a unit without staff, say). */
  unaddressed: number;
  /** The day's scan is complete (later runs of the same day only send). */
  scanComplete: boolean;
  /** Where the scan stands: the lane reached, or 'done'. */
  lane: string;
  /** When sends held by quiet hours go out (present when some were held). */
  heldUntil?: string;
  /** Why the scan stopped in this run. */
  stoppedBy: 'done' | 'batch' | 'time';
  elapsedMs: number;
}

export async function runSweep(deps: SweepDeps): Promise<SweepReport> {
  const policy = deps.policy ?? SHANDONG_POLICY;
  const config = deps.config ?? DEFAULT_REMINDER_CONFIG;
  const started = performance.now();
  const stopAt = started + config.timeBudgetMs;
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const directory = new Directory(deps.store);

  let cursor = await loadCursor(deps.store, today, now);
  let scanned = 0;
  let written = 0;
  let unaddressed = 0;
  let stoppedBy: SweepReport['stoppedBy'] = 'done';
  while (!cursor.finishedAt) {
    if (scanned >= config.batchSize) {
      stoppedBy = 'batch';
      break;
    }
    // At least one page per run, so that even a tight budget moves the scan on.
    if (scanned > 0 && performance.now() > stopAt) {
      stoppedBy = 'time';
      break;
    }
    const lane = LANES[cursor.lane];
    if (!lane) {
      cursor = await saveCursor(deps.store, { ...cursor, finishedAt: now, updatedAt: now });
      break;
    }
    const limit = Math.min(config.pageSize, config.batchSize - scanned);
    const tasks = await deps.store.find('tasks', laneQuery(lane, today, policy, cursor.afterId, limit));
    const page = await outboxEntries(tasks, lane, today, policy, config, directory);
    unaddressed += page.unaddressed;
    written += await writeInChunks(deps.store, page.byTask, config.writeChunk, now);
    scanned += tasks.length;
    const last = tasks[tasks.length - 1];
    const { afterId: _done, ...rest } = cursor;
    const next = tasks.length < limit || !last ? { ...rest, lane: cursor.lane + 1 } : { ...cursor, afterId: last.id };
    cursor = await saveCursor(deps.store, { ...next, scanned: cursor.scanned + tasks.length, updatedAt: now });
  }

  const tally = await deliverPending({ store: deps.store, clock: deps.clock, notifier: deps.notifier, config }, { max: config.sendBatch, stopAt });
  return {
    day: today,
    scanned,
    written,
    unaddressed,
    scanComplete: !!cursor.finishedAt,
    lane: laneName(LANES[cursor.lane]),
    stoppedBy,
    ...tally,
    ...(tally.held > 0 ? { heldUntil: quietUntil(deps.clock.now(), config.quietHours) } : {}),
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** The outbox entries of one page of a lane, grouped by task. */
async function outboxEntries(
  tasks: readonly Task[],
  lane: Lane,
  today: string,
  policy: DeadlinePolicy,
  config: ReminderConfig,
  directory: Directory,
): Promise<{ byTask: OutboxEntry[][]; unaddressed: number }> {
  const byTask: OutboxEntry[][] = [];
  let unaddressed = 0;
  for (const task of tasks) {
    const reminders = dueReminders(task, today, policy).filter((r) => r.kind === lane.kind);
    if (reminders.length === 0) continue;
    const suggestion = await directory.suggestion(task.suggestionId);
    if (!suggestion) continue;
    const unit = await directory.unit(task.unitId);
    const entries: OutboxEntry[] = [];
    for (const reminder of reminders) {
      const recipients = await resolveRecipients(directory, task, reminder.recipients, suggestion);
      if (recipients.length === 0) unaddressed += 1;
      const message = reminderMessage(reminder, { task, suggestion, unit }, today, config);
      for (const recipient of recipients) {
        entries.push({ occasionKey: reminder.key, kind: reminder.kind, recipient, taskId: task.id, suggestionId: suggestion.id, message });
      }
    }
    byTask.push(entries);
  }
  return { byTask, unaddressed };
}

/** Writes the entries, a few tasks per transaction; a conflict with an overlapping run is retried. */
async function writeInChunks(store: Store, byTask: readonly OutboxEntry[][], chunk: number, now: string): Promise<number> {
  let written = 0;
  for (let i = 0; i < byTask.length; i += chunk) {
    const entries = byTask.slice(i, i + chunk).flat();
    if (entries.length === 0) continue;
    for (let attempt = 1; ; attempt += 1) {
      try {
        written += (await store.transaction((tx) => writeOutbox(tx, entries, now))).length;
        break;
      } catch (error) {
        if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= 3) throw error;
      }
    }
  }
  return written;
}
