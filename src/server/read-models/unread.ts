// Each user's unread messages as one document (notificationCounts), kept with the writes: the unit of
// work turns every notice inserted unread (+1) or marked read (−1) into an increment of its reader's
// counter in the same commit, so notifications.mine and me read one document instead of counting the
// notices (docs/notifications.md). 全部已读 sets the counter's `readBefore` instead of rewriting every
// notice: a notice created before it counts as read.
import type { Notification } from '../../core/model';
import type { NotificationCount } from '../ports/read-model-docs';

export interface UnreadDelta {
  userId: string;
  delta: number;
}

/** Whether a notice is unread for its reader, given the reader's counter. */
export function isUnread(n: Pick<Notification, 'readAt' | 'createdAt'>, counter: Pick<NotificationCount, 'readBefore'> | undefined): boolean {
  return !n.readAt && !(counter?.readBefore !== undefined && n.createdAt < counter.readBefore);
}

/** When the reader read a notice: its own readAt, or the 全部已读 that covers it. */
export function readAtOf(n: Pick<Notification, 'readAt' | 'createdAt'>, counter: Pick<NotificationCount, 'readBefore'> | undefined): string | undefined {
  if (n.readAt) return n.readAt;
  return counter?.readBefore !== undefined && n.createdAt < counter.readBefore ? counter.readBefore : undefined;
}

/**
 * The counter changes of notices written in one commit: a notice new and unread adds one to its
 * reader's; a notice whose readAt is set now takes one away (a notice already covered by 全部已读 is
 * never marked again: notifications.read marks only the unread).
 */
export function unreadDeltas(writes: readonly { doc: unknown; before: unknown }[]): UnreadDelta[] {
  const byUser = new Map<string, number>();
  for (const { doc, before } of writes) {
    const n = doc as Notification;
    const was = before === undefined ? 0 : (before as Notification).readAt ? 0 : 1;
    const now = n.readAt ? 0 : 1;
    if (now !== was) byUser.set(n.userId, (byUser.get(n.userId) ?? 0) + now - was);
  }
  return [...byUser].filter(([, delta]) => delta !== 0).map(([userId, delta]) => ({ userId, delta }));
}

/** Every user's counter from the notices themselves (the rebuild), keeping each one's 全部已读. */
export function countUnread(notices: readonly Notification[], stored: ReadonlyMap<string, NotificationCount>): Map<string, NotificationCount> {
  const out = new Map<string, NotificationCount>();
  for (const [id, c] of stored) out.set(id, { id, unread: 0, ...(c.readBefore !== undefined ? { readBefore: c.readBefore } : {}) });
  for (const n of notices) {
    let c = out.get(n.userId);
    if (!c) out.set(n.userId, (c = { id: n.userId, unread: 0 }));
    if (isUnread(n, c)) c.unread += 1;
  }
  return out;
}
