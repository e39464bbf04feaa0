// users.bindLocks and users.liftBindLock: the office sees the WeChat identities locked now for wrong
// bind codes (by the reference the locked person reads from the bind page, never the identity) and
// lifts a lock, e.g. for a deputy who mistyped at an onboarding session (docs/security.md, Binding).
import * as z from 'zod';
import type { Empty, LiftBindLockData, LiftBindLockResult, ListBindLocksResult } from '../../contract';
import { AppError } from '../../core/errors';
import { lockRef } from '../access/bind-codes';
import { authorize } from '../access/permissions';
import { caller, defineUseCase, event } from '../use-case';

const liftSchema: z.ZodType<LiftBindLockData> = z.object({ id: z.string().regex(/^openid:[0-9a-f]{32}$/, '应为锁定记录的编号') });

export const listBindLocks = defineUseCase({
  action: 'users.bindLocks',
  access: 'user',
  schema: z.object({}) as unknown as z.ZodType<Empty>,
  async run(_data, ctx): Promise<ListBindLocksResult> {
    authorize(caller(ctx), 'users.bindLocks');
    const locked = await ctx.deps.store.find('bindAttempts', { range: { field: 'lockedUntil', gte: ctx.now }, limit: 200 });
    const items = locked
      .filter((a) => a.id.startsWith('openid:') && a.lockedUntil && a.lockedUntil > ctx.now)
      .sort((a, b) => b.lastFailureAt.localeCompare(a.lastFailureAt) || a.id.localeCompare(b.id))
      .map((a) => ({ id: a.id, ref: lockRef(a.id), failures: a.failures, lastFailureAt: a.lastFailureAt, lockedUntil: a.lockedUntil! }));
    return { items };
  },
});

export const liftBindLock = defineUseCase({
  action: 'users.liftBindLock',
  access: 'user',
  schema: liftSchema,
  run: (data, ctx) => {
    authorize(caller(ctx), 'users.liftBindLock');
    return ctx.write(async (tx): Promise<LiftBindLockResult> => {
      const attempts = await tx.get('bindAttempts', data.id);
      if (!attempts?.lockedUntil || attempts.lockedUntil <= ctx.now) throw new AppError('INVALID_TRANSITION', '该锁定已经解除或已到期');
      // The run of wrong codes starts afresh: the person has the office's word, not a guess.
      tx.update('bindAttempts', { id: attempts.id, failures: 0, lastFailureAt: attempts.lastFailureAt });
      tx.appendEvent(event(ctx, { action: 'users.liftBindLock', entity: 'bindCode', entityId: attempts.id, from: 'locked', to: 'open', detail: { failures: attempts.failures, lockedUntil: attempts.lockedUntil } }));
      return { id: attempts.id, liftedAt: ctx.now };
    });
  },
});
