// users.bindCodes: the office sees the bind codes still open (issued, not used, not revoked, not
// expired): whose, issued by whom, until when. The codes themselves are not kept and not shown.
import * as z from 'zod';
import type { ListBindCodesData, ListBindCodesResult } from '../../contract';
import { ROLE_LABELS } from '../../core/labels';
import { authorize } from '../access/permissions';
import { Directory } from '../directory';
import { caller, defineUseCase } from '../use-case';
import { idField } from '../validation';

const schema: z.ZodType<ListBindCodesData> = z.object({ userId: idField.optional() });

export const listBindCodes = defineUseCase({
  action: 'users.bindCodes',
  access: 'user',
  schema,
  async run(data, ctx): Promise<ListBindCodesResult> {
    authorize(caller(ctx), 'users.bindCodes');
    const store = ctx.deps.store;
    const open = await store.find('bindCodes', { where: { state: 'open', ...(data.userId ? { userId: data.userId } : {}) } });
    const live = open.filter((c) => c.expiresAt > ctx.now).sort((a, b) => a.expiresAt.localeCompare(b.expiresAt) || a.issuedAt.localeCompare(b.issuedAt) || a.id.localeCompare(b.id));
    const directory = new Directory(store);
    const items = await Promise.all(
      live.map(async (c) => {
        const user = await store.get('users', c.userId);
        return {
          id: c.id,
          userId: c.userId,
          userName: user?.name ?? '（已删除）',
          roleLabels: (user?.roles ?? []).map((r) => ROLE_LABELS[r]),
          issuedByName: await directory.userName(c.issuedBy),
          issuedAt: c.issuedAt,
          expiresAt: c.expiresAt,
        };
      }),
    );
    return { items };
  },
});
