// users.bind: a person enters the one-time code and this WeChat identity becomes theirs.
import { z } from 'zod';
import type { BindUserData, MeResult } from '../../contract';
import { AppError } from '../../core/errors';
import { defineUseCase, event } from '../use-case';
import { meOf } from './get-me';

const schema: z.ZodType<BindUserData> = z.object({ code: z.string().trim().regex(/^\d{8}$/) });

export const bindUser = defineUseCase({
  action: 'users.bind',
  access: 'identity',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<MeResult> => {
      const openid = ctx.openid!;
      if (ctx.user) throw new AppError('INVALID_TRANSITION', '该微信已绑定身份');
      const code = await tx.get('bindCodes', data.code);
      if (!code || code.usedAt) throw new AppError('VALIDATION', '「绑定码」无效，请向联络员索取');
      if (code.expiresAt < ctx.now) throw new AppError('DEADLINE', '绑定码已过期，请向联络员重新索取');
      const user = await tx.get('users', code.userId);
      if (!user) throw new AppError('NOT_FOUND', '没有找到该人员');
      if (user.openid) throw new AppError('INVALID_TRANSITION', '该人员已绑定其他微信');
      const bound = { ...user, openid, version: user.version + 1 };
      tx.update('users', bound);
      tx.update('bindCodes', { ...code, usedAt: ctx.now });
      tx.appendEvent(event(ctx, { action: 'users.bind', entity: 'user', entityId: user.id, actorId: user.id }));
      return meOf(tx, bound, ctx.now);
    }),
});
