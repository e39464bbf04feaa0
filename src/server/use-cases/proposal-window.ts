// proposals.window: the coordinator opens a phase for deputies' proposals (会期 or 闭会期间, first and
// last day, and the days an invitee has to answer), or closes the open one early.
import * as z from 'zod';
import type { ProposalWindowData, ProposalWindowView } from '../../contract';
import { AppError } from '../../core/errors';
import type { ProposalWindow } from '../../core/model';
import { authorize } from '../access/permissions';
import { caller, defineUseCase, event } from '../use-case';
import { dateField, text } from '../validation';
import { DEFAULT_INVITE_DAYS, loadWindow, todayOf, WINDOW_ID, windowView } from './proposal-shared';

const schema: z.ZodType<ProposalWindowData> = z.discriminatedUnion('open', [
  z.object({
    open: z.literal(true),
    session: text(40),
    phase: z.enum(['session', 'recess']),
    startDate: dateField,
    endDate: dateField,
    inviteDays: z.number().int().min(1).max(30).optional(),
  }),
  z.object({ open: z.literal(false) }),
]);

export const setProposalWindow = defineUseCase({
  action: 'proposals.window',
  access: 'user',
  schema,
  run: (data, ctx) =>
    ctx.write(async (tx): Promise<{ window?: ProposalWindowView }> => {
      const user = caller(ctx);
      authorize(user, 'proposals.window');
      const current = await loadWindow(tx);
      let next: ProposalWindow;
      if (data.open) {
        if (data.endDate < data.startDate) throw new AppError('VALIDATION', '「结束日期」不能早于「开始日期」');
        next = {
          id: WINDOW_ID,
          session: data.session,
          phase: data.phase,
          startDate: data.startDate,
          endDate: data.endDate,
          inviteDays: data.inviteDays ?? DEFAULT_INVITE_DAYS,
          openedBy: user.id,
          openedAt: ctx.now,
          version: (current?.version ?? 0) + 1,
        };
      } else {
        if (!current || current.closedAt) throw new AppError('INVALID_TRANSITION', '目前没有开放的建议提交期');
        next = { ...current, closedAt: ctx.now, version: current.version + 1 };
      }
      if (current) tx.update('proposalWindows', next);
      else tx.insert('proposalWindows', next);
      const { id: _id, ...detail } = next;
      tx.appendEvent(event(ctx, { action: 'proposals.window', entity: 'proposalWindow', entityId: WINDOW_ID, to: data.open ? 'open' : 'closed', detail }));
      const view = windowView(next, todayOf(ctx));
      return view ? { window: view } : {};
    }),
});
