// subscriptions.record: what the user answered to wx.requestSubscribeMessage. A one-time acceptance
// adds one send to the quota for that template; a long-term acceptance (or an acceptance of a template
// the deployment configures as long-term) allows every send; refusing a long-term template withdraws
// it. A refusal is remembered (refusedAt), so the app stops asking for that template at taps
// (docs/reminders.md); a later acceptance clears it.
import * as z from 'zod';
import type { SubscriptionResultData } from '../../contract';
import type { Subscription } from '../../core/model';
import { TEMPLATE_NAMES } from '../reminders/config';
import { subscriptionId } from '../reminders/subscriptions';
import { caller, defineUseCase, event } from '../use-case';

const MAX_QUOTA = 1000;

const schema: z.ZodType<SubscriptionResultData> = z.object({
  results: z
    .array(z.object({ templateId: z.string().trim().min(1).max(128), accepted: z.boolean(), longTerm: z.boolean().optional() }))
    .min(1)
    .max(20),
});

const describe = (s: Subscription | undefined) =>
  !s ? 'none' : s.longTerm ? 'longTerm' : s.quota === 0 && s.refusedAt ? 'refused' : `quota:${s.quota}`;

export const recordSubscription = defineUseCase({
  action: 'subscriptions.record',
  access: 'user',
  schema,
  async run(data, ctx) {
    const user = caller(ctx);
    const config = ctx.deps.reminderConfig;
    const longTermIds = new Set(TEMPLATE_NAMES.map((n) => config.templates[n]).filter((t) => t?.longTerm).map((t) => t!.id));
    return ctx.write(async (tx) => {
      let recorded = 0;
      for (const answer of data.results) {
        const id = subscriptionId(user.id, answer.templateId);
        const current = await tx.get('subscriptions', id);
        const base: Subscription = current ?? { id, userId: user.id, templateId: answer.templateId, longTerm: false, quota: 0, updatedAt: ctx.now };
        const { refusedAt: _r, refusedBy: _b, ...accepted } = base;
        const longTerm = answer.longTerm || longTermIds.has(answer.templateId);
        let next: Subscription | undefined;
        if (answer.accepted && longTerm) next = { ...accepted, longTerm: true };
        else if (answer.accepted) next = { ...accepted, quota: Math.min(MAX_QUOTA, base.quota + 1) };
        else if (longTerm && current?.longTerm) next = { ...base, longTerm: false, refusedAt: ctx.now, refusedBy: 'person' };
        else if (!current?.refusedAt) next = { ...base, refusedAt: ctx.now, refusedBy: 'person' };
        if (!next) continue;
        next.updatedAt = ctx.now;
        if (current) tx.update('subscriptions', next);
        else tx.insert('subscriptions', next);
        tx.appendEvent(
          event(ctx, {
            action: 'subscriptions.record',
            entity: 'subscription',
            entityId: id,
            from: describe(current),
            to: describe(next),
            detail: { templateId: answer.templateId, accepted: answer.accepted },
          }),
        );
        recorded += 1;
      }
      return { recorded };
    });
  },
});
