// subscriptions.record: what the user answered to requestSubscribeMessage — a long-term subscription,
// or one more one-time message allowed per accepted template.
import { z } from 'zod';
import type { SubscriptionResultData } from '../../core/contract';
import { caller, defineUseCase, event, newId } from '../use-case';
import { text } from '../validation';

const schema: z.ZodType<SubscriptionResultData> = z.object({
  results: z.array(z.object({ templateId: text(64), accepted: z.boolean(), longTerm: z.boolean().optional() })).min(1).max(3),
});

export const recordSubscriptions = defineUseCase({
  action: 'subscriptions.record',
  access: 'user',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx) => {
      const user = caller(ctx);
      const existing = await tx.find('subscriptions', { where: { userId: user.id } });
      let recorded = 0;
      for (const result of data.results.filter((r) => r.accepted)) {
        const current = existing.find((s) => s.templateId === result.templateId);
        const longTerm = (current?.longTerm ?? false) || result.longTerm === true;
        const quota = longTerm ? (current?.quota ?? 0) : (current?.quota ?? 0) + 1;
        const next = { id: current?.id ?? newId(), userId: user.id, templateId: result.templateId, longTerm, quota, updatedAt: ctx.now };
        if (current) tx.update('subscriptions', next);
        else tx.insert('subscriptions', next);
        tx.appendEvent(event(ctx, { action: 'subscriptions.record', entity: 'subscription', entityId: next.id, detail: { templateId: next.templateId, longTerm, quota } }));
        recorded += 1;
      }
      return { recorded };
    }),
});
