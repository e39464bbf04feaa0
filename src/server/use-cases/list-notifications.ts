// notifications.mine: the caller's in-app inbox, newest first — every reminder and notice addressed
// to him or her, whether it went out by WeChat, is still waiting, failed, or had no subscription.
import * as z from 'zod';
import type { MyNotificationsData, MyNotificationsResult, NotificationView } from '../../contract';
import type { Notification } from '../../core/model';
import { NOTIFICATION_FIELDS, only } from '../audiences';
import { caller, defineUseCase } from '../use-case';

const LIMIT = 100;

const schema: z.ZodType<MyNotificationsData> = z.object({ unreadOnly: z.boolean().optional() });

export function notificationView(n: Notification): NotificationView {
  return only<NotificationView>({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    ...(n.page ? { page: n.page } : {}),
    status: n.status,
    createdAt: n.createdAt,
    ...(n.readAt ? { readAt: n.readAt } : {}),
  }, NOTIFICATION_FIELDS);
}

export const listNotifications = defineUseCase({
  action: 'notifications.mine',
  access: 'user',
  schema,
  async run(data, ctx): Promise<MyNotificationsResult> {
    const user = caller(ctx);
    const mine = await ctx.deps.store.find('notifications', { where: { userId: user.id } });
    const items = mine
      .filter((n) => !data.unreadOnly || !n.readAt)
      .sort((a, b) => (a.createdAt === b.createdAt ? a.id.localeCompare(b.id) : b.createdAt.localeCompare(a.createdAt)))
      .slice(0, LIMIT)
      .map(notificationView);
    return { items };
  },
});
