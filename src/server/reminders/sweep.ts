// The deadline sweep (docs/architecture.md, Deadlines and reminders), run by the timer: scan the tasks lane by lane through the due-date
// indexes, page by page, in steps of `writeChunk` tasks, writing every reminder the core's schedule
// says is due to the outbox; then send what the outbox holds (outside quiet hours). Each step writes
// its reminders and moves the stored cursor in ONE transaction, so a run cut anywhere (the function's
// 60-second limit, a crash) leaves the scan exactly where its last step ended: the next run resumes
// there, nothing is skipped or written twice. The scan stops at its time budget (timeBudgetMs) and the
// sending has a budget of its own (sendBudgetMs), so a long scan never starves the sends; both are
// measured on the run's clock (and on the wall clock, whichever has moved more).
import { shanghaiDate } from '../../core/calendar';
import { AppError } from '../../core/errors';
import type { Task } from '../../core/model';
import { SHANDONG_POLICY, type DeadlinePolicy } from '../../core/policy';
import { dueReminders } from '../../core/reminders';
import { Directory } from '../directory';
import type { Clock, Notifier, Store, SweepState } from '../ports';
import { DEFAULT_REMINDER_CONFIG, type ReminderConfig } from './config';
import { ahead, CURSOR_ID, loadCursor, saveCursor } from './cursor';
import { deliverPending, type DeliveryTally } from './delivery';
import { LANES, laneName, laneQuery, type Lane } from './lanes';
import { reminderMessage } from './messages';
import { writeOutbox, type OutboxEntry } from './outbox';
import { sweepProposals } from './proposal-reminders';
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

/** Milliseconds since `start` on the run's clock or the wall clock, whichever has moved more. */
function stopwatch(clock: Clock) {
  const clockStart = Date.parse(clock.now());
  const wallStart = performance.now();
  return () => Math.max(Date.parse(clock.now()) - clockStart, performance.now() - wallStart);
}

export async function runSweep(deps: SweepDeps): Promise<SweepReport> {
  const policy = deps.policy ?? SHANDONG_POLICY;
  const config = deps.config ?? DEFAULT_REMINDER_CONFIG;
  const started = performance.now();
  const elapsed = stopwatch(deps.clock);
  const now = deps.clock.now();
  const today = shanghaiDate(now);
  const directory = new Directory(deps.store);

  let cursor = await loadCursor(deps.store, today, now);
  let scanned = 0;
  let written = 0;
  let unaddressed = 0;
  let steps = 0;
  let unsaved = false;
  let stoppedBy: SweepReport['stoppedBy'] = 'done';
  scan: while (!cursor.finishedAt) {
    if (scanned >= config.batchSize) {
      stoppedBy = 'batch';
      break;
    }
    const lane = LANES[cursor.lane];
    if (!lane) {
      cursor = await saveCursor(deps.store, { ...cursor, finishedAt: now, updatedAt: now });
      unsaved = false;
      break;
    }
    const limit = Math.min(config.pageSize, config.batchSize - scanned);
    const tasks = await deps.store.find('tasks', laneQuery(lane, today, policy, cursor.afterId, limit));
    const lastPage = tasks.length < limit;
    if (tasks.length === 0) {
      // An empty lane costs one read; the cursor past it is stored with the next step (or at the end).
      cursor = nextLane(cursor, now);
      unsaved = true;
      continue;
    }
    for (let i = 0; i < tasks.length; i += config.writeChunk) {
      // At least one step per run, so that even a tight budget moves the scan on.
      if (steps > 0 && elapsed() > config.timeBudgetMs) {
        stoppedBy = 'time';
        break scan;
      }
      const chunk = tasks.slice(i, i + config.writeChunk);
      const page = await outboxEntries(chunk, lane, today, policy, config, directory);
      const last = chunk[chunk.length - 1]!;
      const next: SweepState =
        lastPage && i + config.writeChunk >= tasks.length
          ? nextLane(cursor, now, chunk.length)
          : { ...cursor, afterId: last.id, scanned: cursor.scanned + chunk.length, updatedAt: now };
      const step = await writeStep(deps.store, page.byTask.flat(), next, now);
      cursor = step.cursor;
      unsaved = false;
      written += step.written;
      unaddressed += page.unaddressed;
      scanned += chunk.length;
      steps += 1;
      // Another run has gone further: continue from where it stands.
      if (step.overtaken) continue scan;
    }
  }

  if (unsaved) cursor = await saveCursor(deps.store, cursor);
  // Deputies' proposals (invitations about to lapse, drafts as the phase closes), once the tasks are scanned.
  if (cursor.finishedAt) written += await sweepProposals(deps.store, now);

  // The sends' own budget starts now.
  const sending = stopwatch(deps.clock);
  const tally = await deliverPending(
    { store: deps.store, clock: deps.clock, notifier: deps.notifier, config },
    { max: config.sendBatch, overBudget: () => sending() > config.sendBudgetMs },
  );
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

function nextLane(cursor: SweepState, now: string, read = 0): SweepState {
  const { afterId: _done, ...rest } = cursor;
  return { ...rest, lane: cursor.lane + 1, scanned: cursor.scanned + read, updatedAt: now };
}

/**
 * One step: the reminders of a chunk of tasks and the cursor past them, in one transaction. New rows
 * are inserted without reading first (their ids are derived from their keys, so a row already there
 * fails the commit); only then, or when another run moved the cursor, the step is redone reading
 * each row first. A cursor another run has moved further is kept, and this step's rows left to it.
 */
async function writeStep(store: Store, entries: readonly OutboxEntry[], next: SweepState, now: string) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await store.transaction(async (tx) => {
        const stored = await tx.get('sweeps', CURSOR_ID);
        if (stored && ahead(stored, next)) return { cursor: stored, written: 0, overtaken: true };
        const rows = await writeOutbox(tx, entries, now, undefined, { checked: attempt > 0 });
        if (stored) tx.update('sweeps', next);
        else tx.insert('sweeps', next);
        return { cursor: next, written: rows.length, overtaken: false };
      });
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT') || attempt >= 3) throw error;
    }
  }
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
        entries.push({
          occasionKey: reminder.key,
          kind: reminder.kind,
          recipient,
          taskId: task.id,
          suggestionId: suggestion.id,
          message,
          ...(reminder.kind === 'feedback' ? {} : { threshold: reminder.threshold }),
        });
      }
    }
    byTask.push(entries);
  }
  return { byTask, unaddressed };
}
