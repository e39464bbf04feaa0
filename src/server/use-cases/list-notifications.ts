// notifications.mine: the caller's in-app inbox, newest first — every reminder and notice addressed
// to him or her, whether it went out by WeChat, is still waiting, failed, or had no subscription —
// each with the deadline it is about and whether its matter is settled since.
// notifications.read: marks the caller's messages read (those named, or all).
import * as z from 'zod';
import type { MyNotificationsData, MyNotificationsResult, NotificationView, ReadNotificationsData, ReadNotificationsResult } from '../../contract';
import { activeDeadline } from '../../core/deadlines';
import type { Notification, Task } from '../../core/model';
import { TERMINAL_STATES } from '../../core/task.table';
import { NOTIFICATION_FIELDS, only } from '../access/audiences';
import type { Reader } from '../ports';
import { DEADLINE_LABELS } from '../reminders/messages';
import { caller, defineUseCase, event } from '../use-case';
import { idField } from '../validation';

const LIMIT = 100;

const schema: z.ZodType<MyNotificationsData> = z.object({ unreadOnly: z.boolean().optional() });

/** Before any draft: the window to ask for a return is still the matter. */
const BEFORE_DRAFT: readonly Task['state'][] = ['assigned', 'handling'];

/**
 * Whether the matter of a message is settled by now: a deadline reminder or urge whose deadline is no
 * longer the one in force (answered, opinion sent, returned), a return-window reminder once a return
 * was asked or the reply drafted, a request to rate once rated, any other notice once the task is over.
 */
export function isSettled(n: Notification, task: Task | undefined): boolean {
  if (!task) return false;
  const deadline = n.params?.deadline;
  if (n.template === 'feedback') return task.state !== 'replied';
  if (deadline === DEADLINE_LABELS.returnWindow) return task.returnRequest !== undefined || !BEFORE_DRAFT.includes(task.state);
  if (deadline) {
    const active = activeDeadline(task);
    return active === undefined || DEADLINE_LABELS[active.kind] !== deadline;
  }
  return TERMINAL_STATES.includes(task.state);
}

export function notificationView(n: Notification, task?: Task): NotificationView {
  const deadline = n.params?.deadline && n.params.dueDate ? { label: n.params.deadline, date: n.params.dueDate } : undefined;
  return only<NotificationView>({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    ...(n.page ? { page: n.page } : {}),
    status: n.status,
    createdAt: n.createdAt,
    ...(n.readAt ? { readAt: n.readAt } : {}),
    ...(deadline ? { deadline } : {}),
    ...(isSettled(n, task) ? { settled: true } : {}),
  }, NOTIFICATION_FIELDS);
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
    return {
      items: listed.map((n) => notificationView(n, n.taskId ? tasks.get(n.taskId) : undefined)),
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
