// users.upsert: the office registers deputies and unit staff with their roles and units. A WeChat
// identity is never set here: the person binds it with a one-time code. Roles follow the hierarchy
// of the permissions (authorizeRoleChange); the last administrator with a WeChat bound keeps the
// role; every change of roles is audited with the roles before and after.
import * as z from 'zod';
import type { UpsertUserData, UserView } from '../../contract';
import { AppError } from '../../core/errors';
import type { User } from '../../core/model';
import { authorize, authorizeRoleChange, UNIT_STAFF_ROLES } from '../access/permissions';
import type { Tx } from '../ports';
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

/**
 * Refuses to take the role from the last administrator who can act (one with a WeChat bound): with
 * none, nothing in the API could make one again. The other administrator is read through the unit
 * of work, so two administrators removing each other at once cannot both succeed.
 */
async function keepAnAdministrator(tx: Tx, leaving: User): Promise<void> {
  const admins = await tx.find('users', { where: { roles: 'admin' } });
  for (const other of admins.filter((u) => u.id !== leaving.id && u.openid)) {
    const again = await tx.get('users', other.id);
    if (again?.roles.includes('admin') && again.openid) return;
  }
  throw new AppError('INVALID_TRANSITION', '不能取消最后一位管理员的管理员角色，请先为另一位已绑定微信的人员设置管理员角色');
}

export const upsertUser = defineUseCase({
  action: 'users.upsert',
  access: 'user',
  schema,
  run: (data, ctx) => {
    const me = caller(ctx);
    authorize(me, 'users.upsert');
    return ctx.write(async (tx): Promise<UserView> => {
      const roles = [...new Set(data.roles)];
      const current = data.id ? await tx.get('users', data.id) : undefined;
      if (data.id && !current) throw new AppError('NOT_FOUND', '没有找到该人员');
      authorizeRoleChange(me, current, roles);
      if (current?.roles.includes('admin') && !roles.includes('admin')) await keepAnAdministrator(tx, current);
      const needsUnit = roles.some((r) => UNIT_STAFF_ROLES.includes(r));
      if (needsUnit && !data.unitId) throw new AppError('VALIDATION', '承办人、处室负责人和单位负责人须选择所在单位');
      if (data.unitId && !(await tx.get('units', data.unitId))) throw new AppError('VALIDATION', '所选单位不存在，请重新选择');
      const fields = {
        name: data.name,
        roles,
        ...(data.unitId ? { unitId: data.unitId } : {}),
        ...(data.department ? { department: data.department } : {}),
        ...(data.phone ? { phone: data.phone } : {}),
        ...(data.delegation ? { delegation: data.delegation } : {}),
      };
      let user: User;
      if (current) {
        if (data.version === undefined) throw new AppError('VALIDATION', '修改人员信息时须提供「版本号」');
        if (data.version !== current.version) throw new AppError('CONFLICT');
        user = { id: current.id, createdAt: current.createdAt, ...(current.openid ? { openid: current.openid } : {}), ...fields, version: current.version + 1 };
        tx.update('users', user);
      } else {
        user = { id: newId(), createdAt: ctx.now, ...fields, version: 1 };
        tx.insert('users', user);
      }
      const rolesBefore = current?.roles ?? [];
      const changed = rolesBefore.length !== roles.length || rolesBefore.some((r) => !roles.includes(r));
      tx.appendEvent(
        event(ctx, {
          action: 'users.upsert',
          entity: 'user',
          entityId: user.id,
          ...(changed ? { from: rolesBefore.join(',') || undefined, to: roles.join(',') } : {}),
          detail: { rolesBefore, rolesAfter: roles },
        }),
      );
      return userView(user, new Directory(tx), true);
    });
  },
});
