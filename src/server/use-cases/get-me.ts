// me: who the caller is, or that this WeChat identity is not bound yet; what the home page offers
// him or her (capabilities, from the permissions); and the server's clock in Beijing time, which
// the pages use for their defaults instead of the phone's.
import * as z from 'zod';
import type { Empty, MeResult, ServerClock } from '../../contract';
import { shanghaiDate, shanghaiTime } from '../../core/calendar';
import { ROLE_LABELS } from '../../core/labels';
import type { User } from '../../core/model';
import { capabilitiesOf } from '../access/permissions';
import type { Reader } from '../ports';
import { subscribeTemplateIds } from '../reminders/config';
import { templatesToAsk } from '../reminders/reach';
import { defineUseCase } from '../use-case';
import { uploadPathOf } from '../papers/uploads';
import { proposalCounts } from './list-proposals';
import { unreadCount } from '../read-models/unread';

export function serverClock(now: string): ServerClock {
  const today = shanghaiDate(now);
  return { now, today, time: shanghaiTime(now), year: Number(today.slice(0, 4)) };
}

export async function meOf(reader: Reader, user: User | null, now: string): Promise<MeResult> {
  const clock = serverClock(now);
  if (!user) return { user: null, bound: false, capabilities: [], clock };
  const unit = user.unitId ? await reader.get('units', user.unitId) : undefined;
  return {
    bound: true,
    user: {
      id: user.id,
      name: user.name,
      roles: user.roles,
      roleLabels: user.roles.map((role) => ROLE_LABELS[role]),
      ...(user.unitId ? { unitId: user.unitId } : {}),
      ...(unit ? { unitName: unit.name } : {}),
    },
    capabilities: capabilitiesOf(user),
    clock,
  };
}

export async function hasAdmin(reader: Reader): Promise<boolean> {
  return (await reader.find('users', { where: { roles: 'admin' }, limit: 1 })).length > 0;
}

export const getMe = defineUseCase({
  action: 'me',
  access: 'identity',
  readOnly: true,
  schema: z.object({}) as unknown as z.ZodType<Empty>,
  run: async (_data, ctx) => {
    const me = await meOf(ctx.deps.store, ctx.user, ctx.now);
    if (!me.bound && ctx.deps.firstAdminInApp && !(await hasAdmin(ctx.deps.store))) return { ...me, firstAdminOpen: true };
    const templates = subscribeTemplateIds(ctx.deps.reminderConfig);
    // The proposals' figures and the unread messages (its 全部已读, then a count), side by side.
    const [counts, unread] = ctx.user
      ? await Promise.all([proposalCounts(ctx.deps.store, ctx.user, shanghaiDate(ctx.now)), unreadCount(ctx.deps.store, ctx.user.id)])
      : [undefined, 0];
    // A bound caller's upload folder: where the app puts a file before an action takes its fileID.
    const uploads = ctx.user && ctx.openid ? { uploadFolder: uploadPathOf(ctx.deps.files, ctx.openid) } : {};
    const withCount = ctx.user ? { ...me, unreadMessages: unread, ...(counts ? { proposalCounts: counts } : {}), ...uploads } : me;
    if (!me.bound || !ctx.user || templates.length === 0) return withCount;
    const ask = await templatesToAsk(ctx.deps.store, ctx.deps.reminderConfig, ctx.user.id);
    return { ...withCount, subscribeTemplateIds: templates.slice(0, 3), subscribeAsk: ask };
  },
});
