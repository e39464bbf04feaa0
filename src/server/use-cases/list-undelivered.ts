// notifications.undelivered: the office's home lists the deadline reminders of the past seven days
// that reached no one — WeChat could not carry them (no subscription, refused, 43101) and no SMS went
// (not configured, no mobile number, one already sent that day, the SMS package used up) — each with
// the person to call and his or her number (docs/reminders.md, What the office sees).
import * as z from 'zod';
import type { Empty, UndeliveredReminderView, UndeliveredRemindersResult } from '../../contract';
import { shanghaiDate } from '../../core/calendar';
import { authorize } from '../access/permissions';
import { Directory } from '../directory';
import { caller, defineUseCase } from '../use-case';

const DAYS = 7;
const LIMIT = 100;

export const listUndelivered = defineUseCase({
  action: 'notifications.undelivered',
  access: 'user',
  schema: z.object({}) as unknown as z.ZodType<Empty>,
  async run(_data, ctx): Promise<UndeliveredRemindersResult> {
    authorize(caller(ctx), 'notifications.undelivered');
    const sinceInstant = new Date(Date.parse(ctx.now) - DAYS * 86_400_000).toISOString();
    const rows = (await ctx.deps.store.find('notifications', { where: { status: ['noQuota', 'failed'] } }))
      .filter((n) => n.threshold !== undefined && n.createdAt >= sinceInstant)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id))
      .slice(0, LIMIT);
    const people = new Map((await ctx.deps.store.getMany('users', [...new Set(rows.map((n) => n.userId))])).map((u) => [u.id, u]));
    const directory = new Directory(ctx.deps.store);
    const items: UndeliveredReminderView[] = [];
    for (const n of rows) {
      const person = people.get(n.userId);
      if (!person) continue;
      const unitName = person.unitId ? await directory.unitName(person.unitId) : undefined;
      items.push({
        id: n.id,
        title: n.title,
        createdAt: n.createdAt,
        reason: n.error ?? (n.status === 'noQuota' ? '未订阅微信提醒' : '发送失败'),
        person: { id: person.id, name: person.name, ...(unitName ? { unitName } : {}), ...(person.phone ? { phone: person.phone } : {}) },
        ...(n.suggestionId ? { suggestionId: n.suggestionId } : {}),
        ...(n.taskId ? { taskId: n.taskId } : {}),
      });
    }
    return { items, since: shanghaiDate(sinceInstant) };
  },
});
