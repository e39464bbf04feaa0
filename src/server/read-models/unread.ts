// A user's unread messages, counted by the store: the notices of the user still unread (the index
// value `unread`, derived from readAt: DERIVED_INDEXES in src/server/ports/index.ts) created at or
// after his or her last 全部已读 (notificationCounts' readBefore: a notice created before it counts as
// read without being rewritten). One indexed count, so a notice written or marked read moves no
// other document (docs/notifications.md).
import type { Notification } from '../../core/model';
import type { Query, Reader } from '../ports';
import type { NotificationCount } from '../ports/read-model-docs';

/** Whether a notice is unread for its reader, given the reader's 全部已读. */
export function isUnread(n: Pick<Notification, 'readAt' | 'createdAt'>, counter: Pick<NotificationCount, 'readBefore'> | undefined): boolean {
  return !n.readAt && !(counter?.readBefore !== undefined && n.createdAt < counter.readBefore);
}

/** When the reader read a notice: its own readAt, or the 全部已读 that covers it. */
export function readAtOf(n: Pick<Notification, 'readAt' | 'createdAt'>, counter: Pick<NotificationCount, 'readBefore'> | undefined): string | undefined {
  if (n.readAt) return n.readAt;
  return counter?.readBefore !== undefined && n.createdAt < counter.readBefore ? counter.readBefore : undefined;
}

/** The query of a user's unread notices (served by the index userId, unread, createdAt). */
export function unreadQuery(userId: string, counter: Pick<NotificationCount, 'readBefore'> | undefined): Query<'notifications'> {
  return {
    where: { userId, unread: true },
    ...(counter?.readBefore !== undefined ? { range: { field: 'createdAt' as const, gte: counter.readBefore } } : {}),
  };
}

/** How many of a user's notices are unread: one count of the store. */
export function countUnread(reader: Reader, userId: string, counter: Pick<NotificationCount, 'readBefore'> | undefined): Promise<number> {
  return reader.count('notifications', unreadQuery(userId, counter));
}

/** A user's 全部已读 document (none before the first). */
export function readMark(reader: Reader, userId: string): Promise<NotificationCount | undefined> {
  return reader.get('notificationCounts', userId);
}

/** A user's unread messages: his or her 全部已读, then the count. */
export async function unreadCount(reader: Reader, userId: string): Promise<number> {
  return countUnread(reader, userId, await readMark(reader, userId));
}
