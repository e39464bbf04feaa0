// The one outbox of every notice — workflow notices, 催办 and deadline reminders
// (docs/architecture.md, Notifications). A notice is a Notification row written in the same
// transaction as the change that caused it, BEFORE anything is sent, with its audit event. Its id is
// derived from its key (task × occasion, and the recipient), so writing the same notice twice finds
// the row already there: no one hears twice about the same thing.
import type { AuditEvent, Notification, Suggestion, Task, User } from '../../core/model';
import type { WorkflowEffect } from '../../core/task.actions';
import type { Directory } from '../directory';
import type { Tx } from '../ports';
import { idFromKey, newId } from '../ports/ids';
import type { ReminderConfig } from './config';
import { noticeMessage, type ReminderMessage } from './messages';
import { resolveRecipients } from './recipients';

export const SYSTEM_ACTOR = 'system';

/** Who wrote a notice: a user's action (tasks.review …) or the sweep. */
export interface OutboxActor {
  actorId: string;
  action: string;
}

/** The outbox key of one notice for one recipient. */
export function outboxKey(occasionKey: string, userId: string): string {
  return `${occasionKey}:${userId}`;
}

/** The notification id for an outbox key: the same key always gives the same id. */
export function notificationId(key: string): string {
  return idFromKey('n', key);
}

export interface OutboxEntry {
  /** What the notice is about, the same for every recipient (e.g. `t1:reply:r1:before:7`). */
  occasionKey: string;
  kind: string;
  recipient: User;
  /** The task and suggestion the notice is about (a proposal's notice has neither). */
  taskId?: string;
  suggestionId?: string;
  message: ReminderMessage;
  /** A deadline reminder's threshold (what the SMS fallback goes by). */
  threshold?: number;
}

export function newNotification(entry: OutboxEntry, now: string): Notification {
  const key = outboxKey(entry.occasionKey, entry.recipient.id);
  return {
    id: notificationId(key),
    key,
    userId: entry.recipient.id,
    ...(entry.taskId ? { taskId: entry.taskId } : {}),
    ...(entry.suggestionId ? { suggestionId: entry.suggestionId } : {}),
    kind: entry.kind,
    title: entry.message.title,
    body: entry.message.body,
    page: entry.message.page,
    template: entry.message.template,
    params: entry.message.params,
    status: 'pending',
    attempts: 0,
    createdAt: now,
    ...(entry.threshold !== undefined ? { threshold: entry.threshold } : {}),
  };
}

/**
 * Writes the entries not yet in the outbox, each with its audit event, inside the caller's
 * transaction. Returns the notifications written now (those already there are left alone).
 * `checked: false` skips reading each row first: a row already there then fails the whole commit with
 * CONFLICT (its id is derived from its key), and the caller redoes the step checked — the sweep's fast
 * path, where rows are nearly always new.
 */
export async function writeOutbox(
  tx: Tx,
  entries: readonly OutboxEntry[],
  now: string,
  actor: OutboxActor = { actorId: SYSTEM_ACTOR, action: 'reminders.outbox' },
  options: { checked: boolean } = { checked: true },
): Promise<Notification[]> {
  const written: Notification[] = [];
  const seen = new Set<string>();
  const all = entries.map((entry) => newNotification(entry, now));
  // Those already written, in one request for all of them.
  const there = options.checked && all.length > 0 ? new Set((await tx.getMany('notifications', all.map((n) => n.id))).map((n) => n.id)) : new Set<string>();
  for (const notification of all) {
    if (seen.has(notification.id)) continue;
    seen.add(notification.id);
    if (there.has(notification.id)) continue;
    tx.insert('notifications', notification);
    tx.appendEvent(outboxEvent(notification, now, actor));
    written.push(notification);
  }
  return written;
}

/**
 * The notices of one workflow step: every effect the core returned (who should hear about it)
 * becomes a notice to the users the resolver finds, keyed by the task's new version, so the same
 * step's notices are written once however often this runs. They are not looked for first: the step
 * writes the task at that new version in the same commit, so a notice already there means the step
 * itself was committed already, and the commit fails with CONFLICT on the task as on the notice.
 */
export async function queueWorkflowNotices(
  tx: Tx,
  directory: Directory,
  step: { effects: readonly WorkflowEffect[]; task: Task; suggestion: Suggestion },
  config: ReminderConfig,
  now: string,
  actor: OutboxActor,
): Promise<Notification[]> {
  const { task, suggestion } = step;
  const unit = await directory.unit(task.unitId);
  const entries: OutboxEntry[] = [];
  for (const effect of step.effects) {
    const message = noticeMessage(effect.event, { task, suggestion, unit }, config);
    for (const recipient of await resolveRecipients(directory, task, [effect.to], suggestion)) {
      entries.push({
        occasionKey: `${task.id}:${effect.event}:v${task.version}`,
        kind: effect.event,
        recipient,
        taskId: task.id,
        suggestionId: suggestion.id,
        message,
      });
    }
  }
  return writeOutbox(tx, entries, now, actor, { checked: false });
}

function outboxEvent(n: Notification, now: string, actor: OutboxActor): AuditEvent {
  return {
    id: newId(),
    at: now,
    actorId: actor.actorId,
    action: actor.action,
    entity: 'notification',
    entityId: n.id,
    suggestionId: n.suggestionId,
    to: 'pending',
    detail: { key: n.key, kind: n.kind, userId: n.userId, taskId: n.taskId },
  };
}
