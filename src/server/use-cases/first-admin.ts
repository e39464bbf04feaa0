// users.firstAdmin: on a fresh local deployment (npm start with DEMO_DATA=0) nobody can issue a bind
// code yet, so the first person to open the app may make himself or herself the administrator, once:
// allowed only while no administrator exists, for an unbound WeChat identity, audited, and only where
// the composition root opens it (firstAdminInApp; in the cloud the setup function does this step). Every later person is
// registered by the office and binds with a code.
import * as z from 'zod';
import type { FirstAdminData, MeResult } from '../../contract';
import { AppError } from '../../core/errors';
import type { User } from '../../core/model';
import { defineUseCase, event } from '../use-case';
import { optionalText, text } from '../validation';
import { nameOffice } from '../setup/first-admin';
import { hasAdmin, meOf } from './get-me';

export const FIRST_ADMIN_ID = 'user-first-admin';
const schema: z.ZodType<FirstAdminData> = z.object({ name: text(40), officeName: optionalText(50) });

export const firstAdmin = defineUseCase({
  action: 'users.firstAdmin',
  access: 'identity',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<MeResult> => {
      if (ctx.user) throw new AppError('INVALID_TRANSITION', '该微信已绑定身份');
      if (!ctx.deps.firstAdminInApp) throw new AppError('INVALID_TRANSITION', '首位管理员由部署时的初始化步骤（setup）创建，请向部署人员索取绑定码');
      // Inside the transaction: of two people trying at once, only one becomes the administrator.
      if (await hasAdmin(tx)) throw new AppError('INVALID_TRANSITION', '系统已有管理员，请向管理员索取绑定码');
      // One fixed id: a second attempt committed at the same moment is refused as a conflict by the store.
      const user: User = { id: FIRST_ADMIN_ID, openid: ctx.openid!, name: data.name, roles: ['admin'], createdAt: ctx.now, version: 1 };
      tx.insert('users', user);
      tx.appendEvent(event(ctx, { action: 'users.firstAdmin', entity: 'user', entityId: user.id, actorId: user.id, to: 'admin', detail: { name: user.name } }));
      // The deployment's own name, asked once with the first administrator (docs/papers.md).
      if (data.officeName) await nameOffice(tx, { name: data.officeName, actorId: user.id, now: ctx.now });
      return meOf(tx, user, ctx.now);
    }),
});
