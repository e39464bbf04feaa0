// The reminder schedule (docs/architecture.md, Deadlines and reminders) as a pure function: for a task on a Shanghai date, which
// reminders are due now. The sweep writes each one to the outbox under its key, so a reminder that
// was already sent (its key in alreadySentKeys) is never produced again, and a sweep that missed
// days catches up with the latest reminder only, not with every one it missed.
import { addDays, daysBetween, shanghaiDate } from './calendar';
import type { Task } from './model';
import type { DeadlinePolicy, ReminderRecipient } from './policy';

export type ReminderKind = 'reply' | 'coOpinion' | 'returnWindow' | 'rehandling' | 'feedback';

export interface DueReminder {
  /** Unique per (task, kind, round, threshold): the outbox key. */
  key: string;
  kind: ReminderKind;
  /**
   * Days before the due date (positive), 0 on the due day, negative when overdue (the overdue day
   * on which this notice falls: -1, -4, -7 … with a 3-day cadence). For feedback: days since the reply.
   */
  threshold: number;
  /** The due date concerned; for feedback, the day the reply was signed. */
  dueDate: string;
  /** Days left on `today` (negative when overdue); for feedback, days since the reply. */
  daysLeft: number;
  recipients: ReminderRecipient[];
}

const OPEN_REPLY_STATES = new Set<Task['state']>(['assigned', 'handling', 'returnRequested', 'inReview', 'awaitingSignature']);

/** The due dates a task is working against in its current state. */
function deadlinesOf(task: Task): { kind: ReminderKind; date: string; overdue: boolean }[] {
  const out: { kind: ReminderKind; date: string; overdue: boolean }[] = [];
  const beforeDraft = (task.state === 'assigned' || task.state === 'handling') && !task.submittedAt && !task.returnRequest;
  if (beforeDraft && task.round === 1) out.push({ kind: 'returnWindow', date: task.due.returnWindow, overdue: false });
  if (task.role === 'co') {
    if ((task.state === 'assigned' || task.state === 'handling' || task.state === 'returnRequested') && task.due.coOpinion) {
      out.push({ kind: 'coOpinion', date: task.due.coOpinion, overdue: true });
    }
    return out;
  }
  if (task.round > 1 && task.due.rehandling) {
    if (task.state === 'rehandling' || task.state === 'inReview' || task.state === 'awaitingSignature') {
      out.push({ kind: 'rehandling', date: task.due.rehandling, overdue: true });
    }
  } else if (OPEN_REPLY_STATES.has(task.state)) {
    out.push({ kind: 'reply', date: task.due.reply, overdue: true });
  }
  return out;
}

const keyOf = (task: Task, kind: ReminderKind, threshold: number) => `${task.id}:${kind}:r${task.round}:${threshold}`;

function reminderFor(
  task: Task,
  kind: ReminderKind,
  dueDate: string,
  overdueAllowed: boolean,
  today: string,
  policy: DeadlinePolicy,
): Omit<DueReminder, 'key'> | undefined {
  const r = policy.reminders;
  const daysLeft = daysBetween(today, dueDate);
  if (daysLeft > 0) {
    // The nearest threshold at or above the days left: 15 days out → the 15 reminder; 5 → the 7.
    const threshold = [...r.daysBefore].sort((a, b) => a - b).find((t) => t >= daysLeft);
    if (threshold === undefined) return undefined;
    return { kind, threshold, dueDate, daysLeft, recipients: ['handler'] };
  }
  if (daysLeft === 0) {
    return r.onDueDay ? { kind, threshold: 0, dueDate, daysLeft, recipients: ['handler', 'reviewer'] } : undefined;
  }
  if (!overdueAllowed) return undefined;
  const overdueDays = -daysLeft;
  const notice = Math.floor((overdueDays - 1) / r.overdueEveryDays); // 0-based
  const threshold = -(1 + notice * r.overdueEveryDays);
  const steps = r.overdueRecipients;
  const recipients = steps[Math.min(notice, steps.length - 1)] ?? ['handler'];
  return { kind, threshold, dueDate, daysLeft, recipients: [...recipients] };
}

/** The reminders due for a task on `today` (a Shanghai date), minus those already sent. */
export function dueReminders(
  task: Task,
  today: string,
  policy: DeadlinePolicy,
  alreadySentKeys: ReadonlySet<string> | readonly string[] = [],
): DueReminder[] {
  const sent = alreadySentKeys instanceof Set ? alreadySentKeys : new Set(alreadySentKeys as readonly string[]);
  const out: DueReminder[] = [];
  for (const d of deadlinesOf(task)) {
    const rem = reminderFor(task, d.kind, d.date, d.overdue, today, policy);
    if (rem) out.push({ key: keyOf(task, rem.kind, rem.threshold), ...rem });
  }
  const feedback = feedbackReminder(task, today, policy);
  if (feedback) out.push(feedback);
  return out.filter((r) => !sent.has(r.key));
}

/** The deputy's reminder to rate a reply (评价) that has waited feedbackAfterDays. */
function feedbackReminder(task: Task, today: string, policy: DeadlinePolicy): DueReminder | undefined {
  if (task.state !== 'replied' || !task.repliedAt) return undefined;
  const replied = shanghaiDate(task.repliedAt);
  const since = daysBetween(replied, today);
  const threshold = [...policy.reminders.feedbackAfterDays].sort((a, b) => b - a).find((d) => d <= since);
  if (threshold === undefined) return undefined;
  return {
    key: keyOf(task, 'feedback', threshold),
    kind: 'feedback',
    threshold,
    dueDate: replied,
    daysLeft: since,
    recipients: ['deputy'],
  };
}

/** '剩余N天' / '今天到期' / '已超期N天' for a due date seen on `today`. */
export function remainingDaysText(dueDate: string, today: string): string {
  const left = daysBetween(today, dueDate);
  if (left > 0) return `剩余${left}天`;
  if (left === 0) return '今天到期';
  return `已超期${-left}天`;
}

/** The Shanghai date on which the next before-due reminder falls (for a task list's hint). */
export function nextReminderDate(dueDate: string, today: string, policy: DeadlinePolicy): string | undefined {
  const left = daysBetween(today, dueDate);
  const next = [...policy.reminders.daysBefore].sort((a, b) => b - a).find((t) => t < left);
  return next === undefined ? undefined : addDays(dueDate, -next);
}
