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
import { noticeStatus, type NoticeSubject } from '../reminders/notice-status';
import { caller, defineUseCase, event } from '../use-case';
import { idField } from '../validation';

const LIMIT = 100;

const schema: z.ZodType<MyNotificationsData> = z.object({ unreadOnly: z.boolean().optional() });

/** One message as its reader sees it: what it asks, the deadline for that and whether it is done, read now. */
export function notificationView(n: Notification, subject: NoticeSubject = { readerIsDeputy: false }): NotificationView {
  const { asks, deadline, settled } = noticeStatus(n, subject);
  return only<NotificationView>({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    ...(n.page ? { page: n.page } : {}),
    status: n.status,
    createdAt: n.createdAt,
    ...(n.readAt ? { readAt: n.readAt } : {}),
    ...(asks ? { asks } : {}),
    ...(deadline ? { deadline } : {}),
    ...(settled ? { settled: true } : {}),
  }, NOTIFICATION_FIELDS);
}

/** The lead task of each suggestion a co-unit's 已送会办意见 is about: what that notice waits on. */
async function leadTasks(reader: Reader, listed: readonly Notification[]): Promise<Map<string, Task>> {
  const ids = [...new Set(listed.filter((n) => n.kind === 'opinionSent' && n.suggestionId).map((n) => n.suggestionId!))];
  const found = await Promise.all(ids.map((suggestionId) => reader.find('tasks', { where: { suggestionId } })));
  return new Map(found.flat().filter((t) => t.role === 'lead').map((t) => [t.suggestionId, t]));
}

export async function unreadCount(reader: Reader, userId: string): Promise<number> {
  return (await reader.find('notifications', { where: { userId } })).filter((n) => !n.readAt).length;
}

export const listNotifications = defineUseCase({
  action: 'notifications.mine',
  access: 'user',
  schema,
  async run(data, ctx): Promise<MyNotificationsResult> {
    const user = caller(ctx);
    const store = ctx.deps.store;
    const mine = await store.find('notifications', { where: { userId: user.id } });
    const listed = mine
      .filter((n) => !data.unreadOnly || !n.readAt)
      .sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : b.createdAt.localeCompare(a.createdAt)))
      .slice(0, LIMIT);
    const taskIds = [...new Set(listed.map((n) => n.taskId).filter((id): id is string => id !== undefined))];
    const tasks = new Map((await Promise.all(taskIds.map((id) => store.get('tasks', id)))).filter((t): t is Task => t !== undefined).map((t) => [t.id, t]));
    const leads = await leadTasks(store, listed);
    const readerIsDeputy = user.roles.includes('deputy');
    return {
      items: listed.map((n) =>
        notificationView(n, {
          ...(n.taskId && tasks.get(n.taskId) ? { task: tasks.get(n.taskId) } : {}),
          readerIsDeputy,
          ...(n.suggestionId && leads.get(n.suggestionId) ? { leadTask: leads.get(n.suggestionId) } : {}),
        }),
      ),
      unread: mine.filter((n) => !n.readAt).length,
    };
  },
});

const readSchema: z.ZodType<ReadNotificationsData> = z.object({ ids: z.array(idField).min(1).max(LIMIT).optional() });

export const readNotifications = defineUseCase({
  action: 'notifications.read',
  access: 'user',
  schema: readSchema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<ReadNotificationsResult> => {
      const user = caller(ctx);
      const mine = await tx.find('notifications', { where: { userId: user.id } });
      // Only the caller's own: an id of someone else's message is simply not among them.
      const wanted = data.ids ? new Set(data.ids) : undefined;
      const toRead = mine.filter((n) => !n.readAt && (!wanted || wanted.has(n.id)));
      for (const n of toRead) tx.update('notifications', { ...n, readAt: ctx.now });
      if (toRead.length > 0) {
        tx.appendEvent(event(ctx, { action: 'notifications.read', entity: 'user', entityId: user.id, detail: { count: toRead.length, all: wanted === undefined } }));
      }
      return { read: toRead.length, unread: mine.length - mine.filter((n) => n.readAt).length - toRead.length };
    }),
});
