// users.revokeBindCode: the office withdraws a bind code that has not been used (handed to the
// wrong person, lost, no longer needed). A revoked code answers as any invalid code does.
import * as z from 'zod';
import type { RevokeBindCodeData, RevokeBindCodeResult } from '../../contract';
import { AppError } from '../../core/errors';
import { authorize } from '../access/permissions';
import { caller, defineUseCase, event } from '../use-case';
import { idField } from '../validation';

const schema: z.ZodType<RevokeBindCodeData> = z.object({ id: idField });

export const revokeBindCode = defineUseCase({
  action: 'users.revokeBindCode',
  access: 'user',
  schema,
  run: (data, ctx) => {
    const me = caller(ctx);
    authorize(me, 'users.revokeBindCode');
    return ctx.write(async (tx): Promise<RevokeBindCodeResult> => {
      const code = await tx.get('bindCodes', data.id);
      if (!code) throw new AppError('NOT_FOUND', '没有找到该绑定码');
      if (code.state !== 'open' || code.expiresAt <= ctx.now) throw new AppError('INVALID_TRANSITION', '该绑定码已使用、已收回或已过期');
      tx.update('bindCodes', { ...code, state: 'revoked', revokedAt: ctx.now, revokedBy: me.id });
      tx.appendEvent(event(ctx, { action: 'users.revokeBindCode', entity: 'bindCode', entityId: code.id, from: 'open', to: 'revoked', detail: { userId: code.userId } }));
      return { id: code.id, revokedAt: ctx.now };
    });
  },
});
