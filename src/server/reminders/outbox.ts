// The outbox: every reminder is a Notification row written BEFORE anything is sent. Its id is derived
// from its unique key (task × kind × round × threshold, and the recipient), so writing the same
// reminder twice finds the row already there: no one is reminded twice for the same thing.
import { createHash } from 'node:crypto';
import type { AuditEvent, Notification, User } from '../../core/model';
import type { Tx } from '../ports';
import { newId } from '../use-case';
import type { ReminderMessage } from './messages';

export const SYSTEM_ACTOR = 'system';

/** The outbox key of one reminder for one recipient. */
export function outboxKey(reminderKey: string, userId: string): string {
  return `${reminderKey}:${userId}`;
}

/** The notification id for an outbox key: the same key always gives the same id. */
export function notificationId(key: string): string {
  return `n${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

export interface OutboxEntry {
  reminderKey: string;
  kind: string;
  recipient: User;
  taskId: string;
  suggestionId: string;
  message: ReminderMessage;
}

export function newNotification(entry: OutboxEntry, now: string): Notification {
  const key = outboxKey(entry.reminderKey, entry.recipient.id);
  return {
    id: notificationId(key),
    key,
    userId: entry.recipient.id,
    taskId: entry.taskId,
    suggestionId: entry.suggestionId,
    kind: entry.kind,
    title: entry.message.title,
    body: entry.message.body,
    page: entry.message.page,
    template: entry.message.template,
    params: entry.message.params,
    status: 'pending',
    attempts: 0,
    createdAt: now,
  };
}

/**
 * Writes the entries not yet in the outbox, each with its audit event, inside the caller's
 * transaction. Returns the notifications written now (those already there are left alone).
 */
export async function writeOutbox(
  tx: Tx,
  entries: readonly OutboxEntry[],
  now: string,
  actor: { actorId: string; action: string } = { actorId: SYSTEM_ACTOR, action: 'reminders.outbox' },
): Promise<Notification[]> {
  const written: Notification[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const notification = newNotification(entry, now);
    if (seen.has(notification.id)) continue;
    seen.add(notification.id);
    if (await tx.get('notifications', notification.id)) continue;
    tx.insert('notifications', notification);
    tx.appendEvent(outboxEvent(notification, now, actor));
    written.push(notification);
  }
  return written;
}

function outboxEvent(n: Notification, now: string, actor: { actorId: string; action: string }): AuditEvent {
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
