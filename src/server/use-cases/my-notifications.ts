// notifications.mine: the in-app inbox — every notification to the caller, sent or not.
import { z } from 'zod';
import type { MyNotificationsData, MyNotificationsResult } from '../../core/contract';
import { caller, defineUseCase } from '../use-case';

const schema: z.ZodType<MyNotificationsData> = z.object({ unreadOnly: z.boolean().optional() });

export const myNotifications = defineUseCase({
  action: 'notifications.mine',
  access: 'user',
  schema,
  async run(data, ctx): Promise<MyNotificationsResult> {
    const found = await ctx.deps.store.find('notifications', { where: { userId: caller(ctx).id } });
    const items = found
      .filter((n) => !data.unreadOnly || !n.readAt)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .slice(0, 200)
      .map((n) => ({
        id: n.id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        status: n.status,
        createdAt: n.createdAt,
        ...(n.page ? { page: n.page } : {}),
        ...(n.readAt ? { readAt: n.readAt } : {}),
      }));
    return { items };
  },
});
