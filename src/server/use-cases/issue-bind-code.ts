// users.issueBindCode: the office gives a registered person a one-time code to bind a WeChat
// identity. The code is shown once; only its hash is kept. A new code replaces any the person still
// holds, so at most one code per person is open at a time.
import * as z from 'zod';
import type { BindCodeResult, IssueBindCodeData } from '../../contract';
import { AppError } from '../../core/errors';
import { CODE_VALID_HOURS, openBindCode } from '../access/bind-codes';
import { authorize, authorizeBindCodeFor } from '../access/permissions';
import type { Tx } from '../ports';
import { caller, defineUseCase, event, type UseCaseContext } from '../use-case';
import { idField } from '../validation';

const schema: z.ZodType<IssueBindCodeData> = z.object({ userId: idField });

/** Revokes the person's open codes (a new one replaces them). */
async function revokeOpenCodes(tx: Tx, ctx: UseCaseContext, userId: string, by: string): Promise<void> {
  for (const open of await tx.find('bindCodes', { where: { userId, state: 'open' } })) {
    tx.update('bindCodes', { ...open, state: 'revoked', revokedAt: ctx.now, revokedBy: by });
    tx.appendEvent(event(ctx, { action: 'users.revokeBindCode', entity: 'bindCode', entityId: open.id, from: 'open', to: 'revoked', detail: { userId, replaced: true } }));
  }
}

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
      authorizeBindCodeFor(me, user);
      if (user.openid) throw new AppError('INVALID_TRANSITION', '该人员已绑定微信');
      await revokeOpenCodes(tx, ctx, user.id, me.id);
      const { id, code, expiresAt } = await openBindCode(tx, { userId: user.id, issuedBy: me.id, now: ctx.now });
      tx.appendEvent(event(ctx, { action: 'users.issueBindCode', entity: 'bindCode', entityId: id, to: 'open', detail: { userId: user.id, expiresAt } }));
      return { code, expiresAt, validHours: CODE_VALID_HOURS };
    });
  },
});
