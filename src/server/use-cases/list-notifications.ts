// notifications.mine: the caller's in-app inbox, newest first — every reminder and notice addressed
// to him or her, whether it went out by WeChat, is still waiting, failed, or had no subscription —
// each with what it asks of its reader, the deadline for that and whether it is done (read from the
// task now: docs/notifications.md).
// notifications.read: marks the caller's messages read (those named, or all).
import * as z from 'zod';
import type { MyNotificationsData, MyNotificationsResult, NotificationView, ReadNotificationsData, ReadNotificationsResult } from '../../contract';
import type { Notification, Task } from '../../core/model';
import { NOTIFICATION_FIELDS, only } from '../access/audiences';
import type { Reader } from '../ports';
import type { NotificationCount } from '../ports/read-model-docs';
import { countUnread, isUnread, readAtOf, readMark, unreadQuery } from '../read-models/unread';
import { noticeStatus, type NoticeSubject } from '../reminders/notice-status';
import { caller, defineUseCase, event } from '../use-case';
import { idField } from '../validation';

const LIMIT = 100;

const schema: z.ZodType<MyNotificationsData> = z.object({ unreadOnly: z.boolean().optional() });

/** One message as its reader sees it: what it asks, the deadline for that and whether it is done, read now. */
export function notificationView(n: Notification, subject: NoticeSubject = { readerIsDeputy: false }, counter?: NotificationCount): NotificationView {
  const { asks, deadline, settled } = noticeStatus(n, subject);
  const readAt = readAtOf(n, counter);
  return only<NotificationView>({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    ...(n.page ? { page: n.page } : {}),
    status: n.status,
    createdAt: n.createdAt,
    ...(readAt ? { readAt } : {}),
    ...(asks ? { asks } : {}),
    ...(deadline ? { deadline } : {}),
    ...(settled ? { settled: true } : {}),
  }, NOTIFICATION_FIELDS);
}

/**
 * The tasks the listed messages are about, and the lead task of each suggestion a co-unit's
 * 已送会办意见 waits on: the tasks of the messages' suggestions in one query (a message about a task
 * names its suggestion), the few a message names without its suggestion by id.
 */
async function tasksOf(reader: Reader, listed: readonly Notification[]): Promise<{ tasks: Map<string, Task>; leads: Map<string, Task> }> {
  const suggestionIds = [...new Set(listed.map((n) => n.suggestionId).filter((id): id is string => id !== undefined))];
  const found = suggestionIds.length > 0 ? await reader.find('tasks', { where: { suggestionId: suggestionIds } }) : [];
  const tasks = new Map(found.map((t) => [t.id, t]));
  const missing = [...new Set(listed.map((n) => n.taskId).filter((id): id is string => id !== undefined && !tasks.has(id)))];
  if (missing.length > 0) for (const t of await reader.getMany('tasks', missing)) tasks.set(t.id, t);
  return { tasks, leads: new Map(found.filter((t) => t.role === 'lead').map((t) => [t.suggestionId, t])) };
}

/** Newest first; the same instant by id. */
const newestFirst = (a: Notification, b: Notification) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : b.createdAt.localeCompare(a.createdAt));

export const listNotifications = defineUseCase({
  action: 'notifications.mine',
  access: 'user',
  readOnly: true,
  schema,
  async run(data, ctx): Promise<MyNotificationsResult> {
    const user = caller(ctx);
    const store = ctx.deps.store;
    // One page of the newest from the store (unread only: of the unread since the last 全部已读, by
    // the same index as their count) with the caller's 全部已读, then the count of the unread and the
    // tasks the page is about, in parallel.
    const newest = (counter?: NotificationCount) =>
      store.find('notifications', {
        ...(data.unreadOnly ? unreadQuery(user.id, counter) : { where: { userId: user.id } }),
        orderBy: [{ field: 'createdAt', desc: true }],
        limit: LIMIT,
      });
    let counter: NotificationCount | undefined;
    let page: Notification[];
    if (data.unreadOnly) {
      counter = await readMark(store, user.id);
      page = await newest(counter);
    } else [counter, page] = await Promise.all([readMark(store, user.id), newest()]);
    const listed = page.sort(newestFirst);
    const [unread, { tasks, leads }] = await Promise.all([countUnread(store, user.id, counter), tasksOf(store, listed)]);
    const readerIsDeputy = user.roles.includes('deputy');
    return {
      items: listed.map((n) =>
        notificationView(n, {
          ...(n.taskId && tasks.get(n.taskId) ? { task: tasks.get(n.taskId) } : {}),
          readerIsDeputy,
          ...(n.suggestionId && leads.get(n.suggestionId) ? { leadTask: leads.get(n.suggestionId) } : {}),
        }, counter),
      ),
      unread,
    };
  },
});

const readSchema: z.ZodType<ReadNotificationsData> = z.object({ ids: z.array(idField).min(1).max(LIMIT).optional() });

/**
 * Marks the named messages read (at most LIMIT, read by id), or all of them: 全部已读 sets the caller's
 * readBefore to now and marks one by one only the unread created at this instant (a bounded query),
 * so no request reads or rewrites every notice. The figure is counted from the notices
 * (src/server/read-models/unread.ts); the 全部已读 document is read through the transaction, so two
 * reads of one caller's messages at once meet on it (CONFLICT for one, tried again) instead of one
 * undoing the other.
 */
export const readNotifications = defineUseCase({
  action: 'notifications.read',
  access: 'user',
  schema: readSchema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<ReadNotificationsResult> => {
      const user = caller(ctx);
      const counter = await readMark(tx, user.id);
      if (data.ids) {
        // Only the caller's own: an id of someone else's message is simply not marked.
        const [named, unread] = await Promise.all([tx.getMany('notifications', data.ids), countUnread(tx, user.id, counter)]);
        const toRead = named.filter((n) => n.userId === user.id && isUnread(n, counter));
        for (const n of toRead) tx.update('notifications', { ...n, readAt: ctx.now });
        if (toRead.length > 0) {
          tx.appendEvent(event(ctx, { action: 'notifications.read', entity: 'user', entityId: user.id, detail: { count: toRead.length, all: false } }));
        }
        return { read: toRead.length, unread: Math.max(0, unread - toRead.length) };
      }
      const unread = await countUnread(tx, user.id, counter);
      if (unread === 0) return { read: 0, unread: 0 };
      // readBefore covers the notices created before now; those of this very instant (or later, from a
      // clock ahead) are few and marked one by one.
      const late = (await tx.find('notifications', { where: { userId: user.id }, range: { field: 'createdAt', gte: ctx.now } })).filter((n) => !n.readAt);
      for (const n of late) tx.update('notifications', { ...n, readAt: ctx.now });
      const next: NotificationCount = { id: user.id, readBefore: ctx.now };
      if (counter) tx.update('notificationCounts', next);
      else tx.insert('notificationCounts', next);
      tx.appendEvent(event(ctx, { action: 'notifications.read', entity: 'user', entityId: user.id, detail: { count: unread, all: true } }));
      return { read: unread, unread: 0 };
    }),
});
