// me: who the caller is, or that this WeChat identity is not bound yet.
import { z } from 'zod';
import type { Empty, MeResult } from '../../contract';
import { ROLE_LABELS } from '../../core/labels';
import type { User } from '../../core/model';
import type { Reader } from '../ports';
import { defineUseCase } from '../use-case';

export async function meOf(reader: Reader, user: User | null): Promise<MeResult> {
  if (!user) return { user: null, bound: false };
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
  };
}

export const getMe = defineUseCase({
  action: 'me',
  access: 'identity',
  schema: z.object({}) as unknown as z.ZodType<Empty>,
  run: async (_data, ctx) => {
    const me = await meOf(ctx.deps.store, ctx.user);
    const templates = ctx.deps.subscribeTemplateIds ?? [];
    return me.bound && templates.length > 0 ? { ...me, subscribeTemplateIds: templates.slice(0, 3) } : me;
  },
});
