// users.upsert: the office registers deputies and unit staff with their roles and units. A WeChat
// identity is never set here: the person binds it with a one-time code.
import { z } from 'zod';
import type { UpsertUserData, UserView } from '../../contract';
import { AppError } from '../../core/errors';
import type { User } from '../../core/model';
import { authorize, UNIT_STAFF_ROLES } from '../permissions';
import { Directory } from '../directory';
import { caller, defineUseCase, event } from '../use-case';
import { newId } from '../ports/ids';
import { idField, optionalText, text, versionField } from '../validation';
import { userView } from './list-users';

const ROLES = ['deputy', 'handler', 'reviewer', 'leader', 'coordinator', 'admin'] as const;
const schema: z.ZodType<UpsertUserData> = z.object({
  id: idField.optional(),
  version: versionField.optional(),
  name: text(40),
  roles: z.array(z.enum(ROLES)).min(1).max(6),
  unitId: idField.optional(),
  department: optionalText(50),
  phone: z.string().trim().regex(/^[0-9+\-() ]{5,30}$/).optional(),
  delegation: optionalText(50),
});

export const upsertUser = defineUseCase({
  action: 'users.upsert',
  access: 'user',
  schema,
  run: (data, ctx) => {
    const me = caller(ctx);
    authorize(me, 'users.upsert');
    return ctx.write(async (tx): Promise<UserView> => {
      const roles = [...new Set(data.roles)];
      if ((roles.includes('admin') || roles.includes('coordinator')) && !me.roles.includes('admin')) {
        throw new AppError('FORBIDDEN', '只有管理员可以设置联络员或管理员');
      }
      const needsUnit = roles.some((r) => UNIT_STAFF_ROLES.includes(r));
      if (needsUnit && !data.unitId) throw new AppError('VALIDATION', '承办人、处室负责人和单位负责人须指定「单位编号」');
      if (data.unitId && !(await tx.get('units', data.unitId))) throw new AppError('VALIDATION', '「单位编号」不存在');
      const fields = {
        name: data.name,
        roles,
        ...(data.unitId ? { unitId: data.unitId } : {}),
        ...(data.department ? { department: data.department } : {}),
        ...(data.phone ? { phone: data.phone } : {}),
        ...(data.delegation ? { delegation: data.delegation } : {}),
      };
      let user: User;
      if (data.id) {
        const current = await tx.get('users', data.id);
        if (!current) throw new AppError('NOT_FOUND', '没有找到该人员');
        if (data.version === undefined) throw new AppError('VALIDATION', '修改人员信息时须提供「版本号」');
        if (data.version !== current.version) throw new AppError('CONFLICT');
        user = { id: current.id, createdAt: current.createdAt, ...(current.openid ? { openid: current.openid } : {}), ...fields, version: current.version + 1 };
        tx.update('users', user);
      } else {
        user = { id: newId(), createdAt: ctx.now, ...fields, version: 1 };
        tx.insert('users', user);
      }
      tx.appendEvent(event(ctx, { action: 'users.upsert', entity: 'user', entityId: user.id, detail: { roles } }));
      return userView(user, new Directory(tx), true);
    });
  },
});
