// users.issueBindCode: the office gives a registered person a one-time code to bind a WeChat identity.
import { randomInt } from 'node:crypto';
import { z } from 'zod';
import type { BindCodeResult, IssueBindCodeData } from '../../contract';
import { AppError } from '../../core/errors';
import { authorize } from '../permissions';
import { caller, defineUseCase, event } from '../use-case';
import { idField } from '../validation';

const schema: z.ZodType<IssueBindCodeData> = z.object({ userId: idField });
const VALID_DAYS = 7;

export const issueBindCode = defineUseCase({
  action: 'users.issueBindCode',
  access: 'user',
  schema,
  run: (data, ctx) => {
    const me = caller(ctx);
    authorize(me, 'users.issueBindCode');
    return ctx.write(async (tx): Promise<BindCodeResult> => {
      const user = await tx.get('users', data.userId);
      if (!user) throw new AppError('NOT_FOUND', '没有找到该人员');
      if (user.openid) throw new AppError('INVALID_TRANSITION', '该人员已绑定微信');
      let code = '';
      do code = String(randomInt(10_000_000, 100_000_000));
      while (await tx.get('bindCodes', code));
      const expiresAt = new Date(Date.parse(ctx.now) + VALID_DAYS * 86_400_000).toISOString();
      tx.insert('bindCodes', { id: code, userId: user.id, issuedBy: me.id, issuedAt: ctx.now, expiresAt });
      tx.appendEvent(event(ctx, { action: 'users.issueBindCode', entity: 'user', entityId: user.id }));
      return { code, expiresAt };
    });
  },
});
