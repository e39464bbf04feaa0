// users.list: the roster. The office sees everyone (with phones); unit staff see their own unit.
import * as z from 'zod';
import type { ActionResult, ListUsersData, UserView } from '../../contract';
import { ROLE_LABELS } from '../../core/labels';
import type { User } from '../../core/model';
import { authorize, isOffice } from '../access/permissions';
import { Directory } from '../directory';
import { reachOfPeople } from '../reminders/reach';
import { caller, defineUseCase } from '../use-case';
import { idField } from '../validation';

const ROLES = ['deputy', 'handler', 'reviewer', 'leader', 'coordinator', 'admin'] as const;
const schema: z.ZodType<ListUsersData> = z.object({ role: z.enum(ROLES).optional(), unitId: idField.optional() });

export async function userView(user: User, directory: Directory, withPhone: boolean): Promise<UserView> {
  return {
    id: user.id,
    name: user.name,
    roles: user.roles,
    roleLabels: user.roles.map((r) => ROLE_LABELS[r]),
    ...(user.unitId ? { unitId: user.unitId, unitName: await directory.unitName(user.unitId) } : {}),
    ...(user.department ? { department: user.department } : {}),
    ...(withPhone && user.phone ? { phone: user.phone } : {}),
    ...(user.delegation ? { delegation: user.delegation } : {}),
    bound: user.openid !== undefined,
    version: user.version,
  };
}

export const listUsers = defineUseCase({
  action: 'users.list',
  access: 'user',
  schema,
  async run(data, ctx): Promise<ActionResult<'users.list'>> {
    const me = caller(ctx);
    const store = ctx.deps.store;
    let unitId = data.unitId;
    authorize(me, 'users.list');
    if (!isOffice(me)) {
      authorize(me, 'users.list', { unitId }, '只能查看本单位人员');
      unitId = me.unitId;
    }
    const users = await store.find('users', {
      where: { ...(unitId ? { unitId } : {}), ...(data.role ? { roles: data.role } : {}) },
    });
    users.sort((a, b) => a.name.localeCompare(b.name, 'zh'));
    const directory = new Directory(store);
    // The units' names in one request, not one a unit.
    await directory.preload([], users.map((u) => u.unitId));
    const reach = await reachOfPeople(store, ctx.deps.reminderConfig, users.map((u) => u.id));
    const items = await Promise.all(users.map((u) => userView(u, directory, isOffice(me))));
    return {
      items: items.map((item) => {
        const r = reach.get(item.id);
        return r ? { ...item, reach: { state: r.state, label: r.label, unreachable: r.unreachable } } : item;
      }),
    };
  },
});
